import { Alert, Space, Table, Tag } from 'antd';
import type { BulkActionResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';

type Item = BulkActionResponse['items'][number];

/** Each task of a bulk action with its own answer: done, or refused with the workflow's reason. */
export function BulkResultList({
  result,
  stepNames,
}: {
  result: BulkActionResponse;
  /** Step names the caller knows (the inbox rows); others show their id. */
  stepNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulk-results">
      <Alert
        type={result.refused > 0 ? 'warning' : 'success'}
        showIcon
        title={t('approvals.bulk.summary', { ok: result.ok, refused: result.refused })}
        description={result.refused > 0 ? t('approvals.bulk.partial') : t('approvals.bulk.allOk')}
      />
      <Table<Item>
        size="small"
        rowKey={(i) => `${i.caseNo}:${i.stepId}`}
        pagination={false}
        tableLayout="fixed"
        dataSource={result.items}
        columns={[
          { title: t('approvals.columns.caseNo'), dataIndex: 'caseNo', width: 168 },
          {
            title: t('approvals.bulk.step'),
            dataIndex: 'stepId',
            width: 150,
            ellipsis: true,
            render: (stepId: string) => stepNames[stepId] ?? stepId,
          },
          {
            title: t('approvals.bulk.results'),
            dataIndex: 'outcome',
            width: 96,
            render: (o: Item['outcome']) => (
              <Tag color={o === 'ok' ? 'green' : 'red'}>{t(`approvals.bulk.${o}`)}</Tag>
            ),
          },
          {
            title: t('approvals.bulk.detail'),
            dataIndex: 'detail',
            render: (d?: string) => <span style={{ wordBreak: 'break-word' }}>{d ?? '—'}</span>,
          },
        ]}
      />
    </Space>
  );
}
