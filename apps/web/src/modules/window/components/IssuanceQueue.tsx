import { useState } from 'react';
import { Button, Space, Table, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { WindowQueueEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchIssuanceQueue } from '../api/window.api';
import { IssueModal } from './IssueModal';
import { ToleratedSupplyModal } from './ToleratedSupplyModal';
import { centreTime, centreToday } from '../../../ui/centre-day';

/**
 * 待出件: this window's cases whose approvals are all done, oldest decision first, with the Art. 44 due date and
 * the tolerated materials still missing (容缺: each recorded here when the applicant hands it in).
 */
export function IssuanceQueue() {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState<WindowQueueEntry>();
  const [supplying, setSupplying] = useState<{
    caseNo: string;
    gap: WindowQueueEntry['toleratedGaps'][number];
  }>();
  const queue = useApiQuery(
    `window-issuance:${paging.page}:${paging.pageSize}`,
    (signal) => fetchIssuanceQueue(paging.page, paging.pageSize, signal),
    { refreshIntervalMs: 15_000 },
  );
  const today = centreToday().format('YYYY-MM-DD');
  return (
    <>
      {queue.error !== undefined && <ApiErrorAlert error={queue.error} onRetry={queue.refresh} />}
      <Table<WindowQueueEntry>
        data-testid="issuance-queue"
        size="small"
        rowKey="caseNo"
        loading={queue.loading && !queue.data}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('window.queue.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: queue.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('window.queue.columns.caseNo'), dataIndex: 'caseNo', width: 170 },
          {
            title: t('window.queue.columns.applicant'),
            key: 'applicant',
            render: (_, e) => `${e.applicantName}（${e.applicantIdMasked}）`,
          },
          {
            title: t('window.queue.columns.items'),
            key: 'items',
            render: (_, e) => e.items.map((i) => i.name).join('、'),
          },
          {
            title: t('window.queue.columns.decidedAt'),
            dataIndex: 'decidedAt',
            width: 150,
            render: (at: string | null) => (at ? centreTime(at) : '—'),
          },
          {
            title: t('window.queue.columns.issuanceDue'),
            dataIndex: 'issuanceDueDate',
            width: 130,
            render: (due: string | null) =>
              due ? <Tag color={due < today ? 'red' : due === today ? 'orange' : 'blue'}>{due}</Tag> : '—',
          },
          {
            title: t('window.gaps.column'),
            key: 'gaps',
            render: (_, e) =>
              e.toleratedGaps.length === 0 ? (
                '—'
              ) : (
                <Space orientation="vertical" size={4} data-testid="tolerated-gaps">
                  {e.toleratedGaps.map((g) => (
                    <Space key={g.materialCode} size={4} wrap>
                      <Tag color={g.dueDate && g.dueDate < today ? 'red' : 'orange'}>
                        {g.name}
                        {g.dueDate ? ` · ${t('window.gaps.due', { due: g.dueDate })}` : ''}
                      </Tag>
                      <Button size="small" onClick={() => setSupplying({ caseNo: e.caseNo, gap: g })}>
                        {t('window.gaps.record')}
                      </Button>
                    </Space>
                  ))}
                </Space>
              ),
          },
          {
            title: t('window.queue.columns.actions'),
            key: 'actions',
            width: 100,
            render: (_, e) => (
              <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setIssuing(e)}>
                {t('window.queue.issue')}
              </Button>
            ),
          },
        ]}
      />
      {supplying && (
        <ToleratedSupplyModal
          caseNo={supplying.caseNo}
          gap={supplying.gap}
          onClose={() => setSupplying(undefined)}
          onRecorded={queue.refresh}
        />
      )}
      {issuing && (
        <IssueModal entry={issuing} onClose={() => setIssuing(undefined)} onIssued={queue.refresh} />
      )}
    </>
  );
}
