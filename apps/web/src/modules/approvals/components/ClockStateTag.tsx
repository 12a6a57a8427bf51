import { Tag, Tooltip } from 'antd';
import type { InboxTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';

/** Running, or suspended with what stopped it (补正, a special procedure, a hold). */
export function ClockStateTag({ clock }: { clock: InboxTask['clock'] }) {
  const { t } = useTranslation();
  if (clock.state === 'running') return <Tag color="blue">{t('approvals.clock.running')}</Tag>;
  const label = t(`approvals.clock.${clock.kind ?? 'suspended'}`);
  return (
    <Tooltip title={clock.reason}>
      <Tag color="purple">{label}</Tag>
    </Tooltip>
  );
}
