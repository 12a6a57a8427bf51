import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskEventsState } from '../hooks/use-task-events';

/** Whether the inbox's live updates are connected, or the stream dropped and the browser is reconnecting. */
export function LiveStatus({ state }: { state: TaskEventsState }) {
  const { t } = useTranslation();
  return (
    <span data-testid="inbox-live" data-state={state}>
      <Badge
        status={state === 'live' ? 'success' : 'warning'}
        text={t(state === 'live' ? 'approvals.live.connected' : 'approvals.live.reconnecting')}
      />
    </span>
  );
}
