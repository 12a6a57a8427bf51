import { Empty, Timeline, Typography } from 'antd';
import type { CaseDetailsResponse } from '@onewindow/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

type HistoryEntry = NonNullable<CaseDetailsResponse['view']>['history'][number];

/** The details an approver reads in one line: materials, reasons, opinions, people, days. */
function detailsText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(
      ([k, v]) =>
        `${k}: ${Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    )
    .join('；');
}

/** The case's actions and clock events as the workflow recorded them, oldest first. */
export function CaseTimeline({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <Empty description={t('approvals.caseFile.timelineEmpty')} />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={history.map((entry) => ({
        key: entry.seq,
        color: entry.actor === 'system' ? 'gray' : 'blue',
        content: (
          <>
            <Typography.Text strong>
              {t(`approvals.verbs.${entry.action}`, { defaultValue: entry.action })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {entry.actor === 'system' ? t('approvals.caseFile.system') : entry.actor} ·{' '}
              {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
              {typeof entry.stepId === 'string' ? ` · ${entry.stepId}` : ''}
            </Typography.Text>
            {detailsText(entry.details) && (
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0, fontSize: 12 }}
                ellipsis={{ rows: 2, expandable: true }}
              >
                {detailsText(entry.details)}
              </Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}
