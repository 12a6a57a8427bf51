import { useEffect, useRef } from 'react';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchNotifications } from '../api/notifications.api';

/** Reloads once a minute too: a 差评 order or an escalation need not change the department's task rows. */
const FALLBACK_REFRESH_MS = 60_000;

/**
 * The bell's notifications: loaded when the department's live task stream (GET /api/tasks/events, the inbox's
 * stream) opens and on each of its `tasks` events — whatever the inbox sees change may be a notification — and
 * once a minute.
 */
export function useNotifications(department: string | undefined) {
  const query = useApiQuery('notifications', (signal) => fetchNotifications(signal), {
    enabled: department !== undefined,
    refreshIntervalMs: FALLBACK_REFRESH_MS,
  });
  const refresh = useRef(query.refresh);
  useEffect(() => {
    refresh.current = query.refresh;
  });
  useEffect(() => {
    if (department === undefined || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/tasks/events?department=${encodeURIComponent(department)}`, {
      withCredentials: true,
    });
    source.onopen = () => refresh.current();
    source.addEventListener('tasks', () => refresh.current());
    return () => source.close();
  }, [department]);
  return query;
}
