import { Tag } from 'antd';
import type { InboxTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';

const colors = { normal: 'green', warning: 'orange', overdue: 'red' } as const;

/** The traffic light of a task: remaining working days, coloured by its time status. */
export function TimeStatusTag({ task }: { task: Pick<InboxTask, 'timeStatus' | 'remainingWorkingDays'> }) {
  const { t } = useTranslation();
  const { timeStatus, remainingWorkingDays: n } = task;
  if (timeStatus === null || n === null)
    return (
      <Tag data-testid="time-status" data-state="stopped">
        {t('approvals.timeStatus.stopped')}
      </Tag>
    );
  const text =
    n < 0
      ? t('approvals.overdueDays', { n: -n })
      : n === 0
        ? t('approvals.dueToday')
        : t('approvals.remainingDays', { n });
  return (
    <Tag color={colors[timeStatus]} data-testid="time-status" data-state={timeStatus}>
      {t(`approvals.timeStatus.${timeStatus}`)} · {text}
    </Tag>
  );
}
