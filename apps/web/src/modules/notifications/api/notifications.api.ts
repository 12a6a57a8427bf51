import { z } from 'zod';
import {
  markNotificationsReadSchema,
  notificationListSchema,
  type NotificationList,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** The signed-in user's newest notifications and the unread count (GET /api/notifications). */
export function fetchNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiClient.get('/api/notifications', { responseSchema: notificationListSchema, signal });
}

export async function markNotificationsRead(ids: string[]): Promise<void> {
  await apiClient.post('/api/notifications/read', {
    responseSchema: z.undefined(),
    requestSchema: markNotificationsReadSchema,
    body: { ids },
  });
}

export async function markAllNotificationsRead(): Promise<void> {
  await apiClient.post('/api/notifications/read-all', { responseSchema: z.undefined() });
}
