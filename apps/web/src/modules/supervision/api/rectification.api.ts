import { z } from 'zod';
import {
  closeRectificationRequestSchema,
  rectificationOrderSchema,
  type CloseRectificationRequest,
  type RectificationOrder,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** 差评整改: the orders of the lead's department, or of every department (or the one named) for the supervisor. */
export function fetchRectifications(
  department: string | undefined,
  signal?: AbortSignal,
): Promise<RectificationOrder[]> {
  return apiClient.get('/api/supervision/rectifications', {
    responseSchema: z.array(rectificationOrderSchema),
    query: department ? { department } : {},
    signal,
  });
}

export function closeRectification(id: string, body: CloseRectificationRequest): Promise<undefined> {
  return apiClient.post(`/api/supervision/rectifications/${encodeURIComponent(id)}/close`, {
    responseSchema: z.undefined(),
    requestSchema: closeRectificationRequestSchema,
    body,
  });
}
