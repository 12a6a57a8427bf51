import { Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemDetail } from '@onewindow/contracts';
import { useCodeLabel } from '../hooks/use-code-labels';

type MaterialRequirement = CatalogueItemDetail['item']['materials'][number];

const necessityColours: Record<string, string> = {
  required: 'red',
  tolerated_missing: 'orange',
  optional: 'default',
};

export function MaterialRequirementsTable({ materials }: { materials: MaterialRequirement[] }) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  const columns: TableProps<MaterialRequirement>['columns'] = [
    {
      title: t('catalogue.detail.material'),
      dataIndex: 'name',
      render: (name: string, material) => (
        <>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {material.code} · {codeLabel('materialKind', material.kind)} ·{' '}
            {codeLabel('materialSource', material.source)}
          </Typography.Text>
          {material.certificateTypeCode && (
            <Tooltip title={t('catalogue.detail.reusableHint')}>
              <Tag color="blue" icon={<SafetyCertificateOutlined />} style={{ marginInlineStart: 6 }}>
                {t('catalogue.detail.reusable')}
              </Tag>
            </Tooltip>
          )}
          {material.notes && <div style={{ fontSize: 12, color: '#666' }}>{material.notes}</div>}
        </>
      ),
    },
    {
      title: t('catalogue.detail.form'),
      dataIndex: 'form',
      width: 90,
      render: (form: string) => codeLabel('materialForm', form),
    },
    {
      title: t('catalogue.detail.quantity'),
      key: 'quantity',
      width: 150,
      render: (_: unknown, material) =>
        t('catalogue.detail.quantityValue', { originals: material.originals, copies: material.copies }),
    },
    {
      title: t('catalogue.detail.necessity'),
      dataIndex: 'necessity',
      width: 100,
      render: (necessity: string) => (
        <Tag color={necessityColours[necessity]}>{codeLabel('materialNecessity', necessity)}</Tag>
      ),
    },
  ];
  return (
    <Table<MaterialRequirement>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={materials}
      pagination={false}
      locale={{ emptyText: t('catalogue.detail.noMaterials') }}
    />
  );
}
