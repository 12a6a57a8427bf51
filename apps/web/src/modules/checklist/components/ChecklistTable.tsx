import { Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChecklistResponse } from '@onewindow/contracts';
import { useCodeLabel } from '../../catalogue/hooks/use-code-labels';

type ChecklistEntry = ChecklistResponse['entries'][number];

const necessityColours: Record<string, string> = {
  required: 'red',
  tolerated_missing: 'orange',
  optional: 'default',
};

interface ChecklistTableProps {
  checklist: ChecklistResponse;
  itemNames: Record<string, string>;
}

/** Each material once, with the items that need it and whether the applicant must still bring it. */
export function ChecklistTable({ checklist, itemNames }: ChecklistTableProps) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  const itemName = (code: string) => itemNames[code] ?? code;

  const columns: TableProps<ChecklistEntry>['columns'] = [
    {
      title: t('checklist.columns.material'),
      dataIndex: 'name',
      render: (name: string, entry) => (
        <>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.code} · {codeLabel('materialKind', entry.kind)} ·{' '}
            {codeLabel('materialSource', entry.source)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('checklist.columns.neededBy'),
      key: 'neededBy',
      width: 280,
      render: (_: unknown, entry) => (
        <Space size={[4, 4]} wrap>
          {entry.neededBy.map((need) => (
            <Tooltip key={need.itemCode} title={need.itemCode}>
              <Tag style={{ whiteSpace: 'normal' }}>{itemName(need.itemCode)}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('checklist.columns.form'),
      key: 'form',
      width: 170,
      render: (_: unknown, entry) => (
        <>
          <div>{codeLabel('materialForm', entry.form)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.form === 'electronic'
              ? t('checklist.electronic')
              : t('checklist.originalsCopies', { originals: entry.originals, copies: entry.copies })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('checklist.columns.necessity'),
      dataIndex: 'necessity',
      width: 100,
      render: (necessity: string) => (
        <Tag color={necessityColours[necessity]}>{codeLabel('materialNecessity', necessity)}</Tag>
      ),
    },
    {
      title: t('checklist.columns.status'),
      key: 'status',
      width: 240,
      render: (_: unknown, entry) => {
        const satisfied = entry.satisfiedBy;
        if (!satisfied)
          return entry.necessity === 'optional' ? (
            <Tag>{t('checklist.optional')}</Tag>
          ) : (
            <Tag color="blue">{t('checklist.toSubmit')}</Tag>
          );
        return (
          <Space orientation="vertical" size={0}>
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="waived-tag">
              {t('checklist.waived')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {satisfied.kind === 'certificate_on_file'
                ? t('checklist.waivedByCertificate', {
                    identifier: satisfied.identifier,
                    until: satisfied.validUntil
                      ? t('checklist.validUntil', { date: satisfied.validUntil })
                      : '',
                  })
                : t('checklist.waivedByResult', { item: itemName(satisfied.itemCode) })}
            </Typography.Text>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<ChecklistEntry>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={checklist.entries}
      pagination={false}
      locale={{ emptyText: t('checklist.empty') }}
      rowClassName={(entry) => (entry.satisfiedBy ? 'checklist-row-waived' : '')}
      data-testid="checklist-table"
      scroll={{ x: 900 }}
    />
  );
}
