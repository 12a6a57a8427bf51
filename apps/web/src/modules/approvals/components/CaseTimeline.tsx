import { Empty, Timeline, Typography } from 'antd';
import type { CaseDetailsResponse } from '@onewindow/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { centreTime } from '../../../ui/centre-day';

type HistoryEntry = NonNullable<CaseDetailsResponse['view']>['history'][number];

const value = (v: unknown): string =>
  Array.isArray(v) ? v.map(value).join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** The details an approver reads in one line: materials, reasons, opinions, people, days. */
function detailsText(t: TFunction, details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${t(`approvals.caseFile.detailKeys.${k}`, { defaultValue: k })}：${value(v)}`)
    .join('；');
}

/** A history action by its name: a verb, a system event, or as recorded. */
const actionName = (t: TFunction, action: string) =>
  t(`approvals.verbs.${action}`, {
    defaultValue: t(`approvals.caseFile.actions.${action}`, { defaultValue: action }),
  });

/** The case's actions and clock events as the workflow recorded them, oldest first. */
export function CaseTimeline({
  history,
  stepNames,
}: {
  history: HistoryEntry[];
  stepNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (history.length === 0) return <Empty description={t('approvals.caseFile.timelineEmpty')} />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={history.map((entry) => {
        const details = detailsText(t, entry.details);
        const step = typeof entry.stepId === 'string' ? (stepNames[entry.stepId] ?? entry.stepId) : undefined;
        return {
          key: entry.seq,
          color: entry.actor === 'system' ? 'gray' : 'blue',
          content: (
            <>
              <Typography.Text strong>{actionName(t, entry.action)}</Typography.Text>
              <Typography.Text type="secondary">
                {' · '}
                {entry.actor === 'system' ? t('approvals.caseFile.system') : entry.actor}
                {' · '}
                {centreTime(entry.at)}
                {step && ` · ${step}`}
              </Typography.Text>
              {details && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ margin: 0, fontSize: 12 }}
                  ellipsis={{ rows: 2, expandable: true }}
                >
                  {details}
                </Typography.Paragraph>
              )}
            </>
          ),
        };
      })}
    />
  );
}
