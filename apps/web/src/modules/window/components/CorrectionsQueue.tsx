import { useState } from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { WindowCorrectionEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchCorrectionsQueue } from '../api/window.api';
import { SupplementModal } from './SupplementModal';
import { centreTime } from '../../../ui/centre-day';

const kindColors: Record<WindowCorrectionEntry['kind'], string> = {
  intake: 'gold',
  supplement: 'orange',
  returned: 'volcano',
};

/**
 * 补正待收: the applications told what to supplement (一次性告知: opened in 收件受理 to be accepted under their
 * number) and the steps a department returned for 补正 or sent back to the window (the clerk marks what came
 * in and submits: the clocks run again), longest waiting first.
 */
export function CorrectionsQueue({ onResume }: { onResume: (entry: WindowCorrectionEntry) => void }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [taking, setTaking] = useState<WindowCorrectionEntry>();
  const queue = useApiQuery(
    `window-corrections:${paging.page}:${paging.pageSize}`,
    (signal) => fetchCorrectionsQueue(paging.page, paging.pageSize, signal),
    { refreshIntervalMs: 15_000 },
  );
  return (
    <>
      {queue.error !== undefined && <ApiErrorAlert error={queue.error} onRetry={queue.refresh} />}
      <Table<WindowCorrectionEntry>
        data-testid="corrections-queue"
        size="small"
        rowKey={(e) => `${e.caseNo}:${e.stepId ?? ''}`}
        loading={queue.loading && !queue.data}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('window.corrections.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: queue.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('window.corrections.columns.caseNo'), dataIndex: 'caseNo', width: 160 },
          {
            title: t('window.corrections.columns.kind'),
            key: 'kind',
            width: 120,
            render: (_, e) => <Tag color={kindColors[e.kind]}>{t(`window.corrections.kinds.${e.kind}`)}</Tag>,
          },
          {
            title: t('window.corrections.columns.applicant'),
            key: 'applicant',
            render: (_, e) => `${e.applicantName}（${e.applicantIdMasked}）`,
          },
          {
            title: t('window.corrections.columns.items'),
            key: 'items',
            width: 240,
            render: (_, e) => (e.stepName ? `${e.stepName}` : e.items.map((i) => i.name).join('、')),
          },
          {
            title: t('window.corrections.columns.asked'),
            key: 'asked',
            width: '38%',
            render: (_, e) => (
              <Space size={[4, 4]} wrap>
                {e.asked.map((a) => (
                  <Tag key={a} style={{ whiteSpace: 'normal' }}>
                    {a}
                  </Tag>
                ))}
                {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('window.corrections.columns.since'),
            dataIndex: 'since',
            width: 140,
            render: (at: string) => centreTime(at),
          },
          {
            title: t('window.corrections.columns.actions'),
            key: 'actions',
            width: 120,
            render: (_, e) => (
              <Button
                size="small"
                type="primary"
                icon={<InboxOutlined />}
                onClick={() => (e.kind === 'intake' ? onResume(e) : setTaking(e))}
              >
                {t('window.corrections.open')}
              </Button>
            ),
          },
        ]}
      />
      {taking && (
        <SupplementModal entry={taking} onClose={() => setTaking(undefined)} onDone={queue.refresh} />
      )}
    </>
  );
}
