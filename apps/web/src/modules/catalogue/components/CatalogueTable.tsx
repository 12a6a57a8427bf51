import { Button, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemsResponse, ItemSummary } from '@onewindow/contracts';
import { useCodeLabel } from '../hooks/use-code-labels';
import { TimeLimitText } from './TimeLimitText';

interface CatalogueTableProps {
  result: CatalogueItemsResponse | undefined;
  loading: boolean;
  emptyText: string;
  onOpenItem: (itemKey: string) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

export function CatalogueTable({
  result,
  loading,
  emptyText,
  onOpenItem,
  onPageChange,
}: CatalogueTableProps) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();

  const columns: TableProps<ItemSummary>['columns'] = [
    {
      title: t('catalogue.columns.name'),
      dataIndex: 'name',
      render: (name: string, item) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpenItem(item.itemKey)}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('catalogue.columns.code'),
      dataIndex: 'itemKey',
      width: 300,
      render: (itemKey: string) => (
        <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {itemKey}
        </Typography.Text>
      ),
    },
    { title: t('catalogue.columns.department'), dataIndex: 'departmentName', width: 180 },
    {
      title: t('catalogue.columns.type'),
      dataIndex: 'itemType',
      width: 130,
      render: (code: string) => codeLabel('itemType', code),
    },
    {
      title: t('catalogue.columns.statutoryLimit'),
      dataIndex: 'statutoryLimit',
      width: 120,
      render: (limit: ItemSummary['statutoryLimit']) => <TimeLimitText limit={limit} />,
    },
    {
      title: t('catalogue.columns.promisedLimit'),
      dataIndex: 'promisedLimit',
      width: 130,
      render: (limit: ItemSummary['promisedLimit'], item) =>
        item.onTheSpot ? (
          <Tag color="green">{t('catalogue.onTheSpot')}</Tag>
        ) : (
          <TimeLimitText limit={limit} />
        ),
    },
  ];

  return (
    <Table<ItemSummary>
      size="small"
      rowKey="itemKey"
      data-testid="catalogue-table"
      loading={loading}
      columns={columns}
      dataSource={result?.items ?? []}
      locale={{ emptyText }}
      pagination={{
        current: result?.page ?? 1,
        pageSize: result?.pageSize ?? 20,
        total: result?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('catalogue.total', { total }),
        onChange: onPageChange,
      }}
      scroll={{ x: 1000 }}
    />
  );
}
