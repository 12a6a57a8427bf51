import { Button, Table } from 'antd';
import { caseStatusLabel, type CopiedCasePage } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { centreTime } from '../../../ui/centre-day';

type CopiedCase = CopiedCasePage['items'][number];

interface CopiedCasesTableProps {
  page: CopiedCasePage | undefined;
  loading: boolean;
  onOpen: (caseNo: string) => void;
  onPage: (page: number, pageSize: number) => void;
}

/** 抄送我的: cases copied to me, the latest first; read-only. */
export function CopiedCasesTable({ page, loading, onOpen, onPage }: CopiedCasesTableProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (
    <Table<CopiedCase>
      data-testid="copied-table"
      rowKey={(c) => `${c.caseNo}:${c.stepId}`}
      size="middle"
      loading={loading}
      dataSource={page?.items ?? []}
      locale={{ emptyText: t('approvals.empty') }}
      columns={[
        {
          title: t('approvals.columns.caseNo'),
          dataIndex: 'caseNo',
          render: (caseNo: string) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(caseNo)}>
              {caseNo}
            </Button>
          ),
        },
        { title: t('approvals.columns.step'), dataIndex: 'stepId' },
        { title: t('approvals.columns.copiedBy'), dataIndex: 'by' },
        {
          title: t('approvals.columns.copiedAt'),
          dataIndex: 'at',
          render: (at: string) => centreTime(at),
        },
        { title: t('approvals.columns.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        {
          title: t('approvals.columns.caseStatus'),
          dataIndex: 'caseStatus',
          render: (status: string) => caseStatusLabel(status)[english ? 'en' : 'zh'],
        },
      ]}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showTotal: (total) => t('approvals.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
