import { Card, Space, Tag, Typography } from 'antd';
import type { CaseDetailsResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';

export type ClockView = NonNullable<CaseDetailsResponse['view']>['clocks']['statutory'];
const warningColors: Record<string, string> = { normal: 'green', warning: 'orange', overdue: 'red' };

/** One clock: due date, remaining and used working days, its state and warning level. */
export function ClockCard({
  title,
  clock,
  stoppedBy,
}: {
  title: string;
  clock: ClockView;
  stoppedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid="clock-card">
      <Space orientation="vertical" size={2}>
        <Typography.Text strong>
          {clock.dueDate
            ? t('approvals.caseFile.clocks.due', { date: clock.dueDate })
            : t('approvals.caseFile.clocks.noDue')}
          {clock.provisional && t('approvals.caseFile.clocks.provisional')}
        </Typography.Text>
        <Space size={4} wrap>
          <Tag color={clock.state === 'running' ? 'blue' : 'purple'}>
            {t(`approvals.caseFile.states.${clock.state}`, { defaultValue: clock.state })}
          </Tag>
          <Tag color={warningColors[clock.warningLevel]}>
            {t(`approvals.timeStatus.${clock.warningLevel}`, { defaultValue: clock.warningLevel })}
          </Tag>
        </Space>
        <Typography.Text type="secondary">
          {t('approvals.caseFile.clocks.remaining', { n: clock.remainingWorkingDays })} ·{' '}
          {t('approvals.caseFile.clocks.elapsed', { n: clock.elapsedWorkingDays })}
        </Typography.Text>
        {stoppedBy && <Typography.Text type="warning">{stoppedBy}</Typography.Text>}
      </Space>
    </Card>
  );
}
