import { useEffect, useRef, useState } from 'react';
import { taskEventSchema } from '@onewindow/contracts';

const isTaskEvent = (data: string): boolean => {
  try {
    return taskEventSchema.safeParse(JSON.parse(data)).success;
  } catch {
    return false;
  }
};

/** connecting: not open yet or reconnecting after a drop; live: the stream is open. */
export type TaskEventsState = 'connecting' | 'live';

/**
 * The inbox's live updates: an EventSource on GET /api/tasks/events (same origin, the session cookie
 * goes with it) that calls `onChange` on every `tasks` event and whenever the stream (re)opens, since
 * events may have been missed while it was down. The browser reconnects by itself (the server's
 * `retry:` hint), also after the API restarts.
 */
export function useTaskEvents(department: string | undefined, onChange: () => void): TaskEventsState {
  const [state, setState] = useState<TaskEventsState>('connecting');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    if (department === undefined || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/tasks/events?department=${encodeURIComponent(department)}`, {
      withCredentials: true,
    });
    source.onopen = () => {
      setState('live');
      // Whatever changed before the stream (re)opened was not sent on it: load once more.
      onChangeRef.current();
    };
    source.onerror = () => setState('connecting');
    source.addEventListener('tasks', (event) => {
      if (isTaskEvent((event as MessageEvent<string>).data)) onChangeRef.current();
    });
    return () => {
      source.close();
      setState('connecting');
    };
  }, [department]);
  return state;
}
