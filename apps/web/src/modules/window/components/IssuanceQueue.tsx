import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { WindowQueueEntry } from '@onewindow/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchIssuanceQueue } from '../api/window.api';
import { IssueModal } from './IssueModal';

/** 待出件: this window's cases whose approvals are all done, oldest decision first, with the Art. 44 due date. */
export function IssuanceQueue() {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [issuing, setIssuing] = useState<WindowQueueEntry>();
  const queue = useApiQuery(
    `window-issuance:${paging.page}:${paging.pageSize}`,
    (signal) => fetchIssuanceQueue(paging.page, paging.pageSize, signal),
    { refreshIntervalMs: 15_000 },
  );
  const today = dayjs().format('YYYY-MM-DD');
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
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            title: t('window.queue.columns.issuanceDue'),
            dataIndex: 'issuanceDueDate',
            width: 130,
            render: (due: string | null) =>
              due ? <Tag color={due < today ? 'red' : due === today ? 'orange' : 'blue'}>{due}</Tag> : '—',
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
      {issuing && (
        <IssueModal entry={issuing} onClose={() => setIssuing(undefined)} onIssued={queue.refresh} />
      )}
    </>
  );
}
