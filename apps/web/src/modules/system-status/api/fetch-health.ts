import { healthResponseSchema, type HealthResponse } from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** GET /api/health; 503 carries the same body, naming what is down, so it is an answer, not an error. */
export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiClient.get('/api/health', {
    responseSchema: healthResponseSchema,
    acceptStatuses: [503],
    signal,
  });
}
