import { Descriptions, Drawer, List, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CatalogueItemDetail } from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useCatalogueItem } from '../hooks/use-catalogue-item';
import { useCodeLabel } from '../hooks/use-code-labels';
import { MaterialRequirementsTable } from './MaterialRequirementsTable';
import { TimeLimitText } from './TimeLimitText';

interface ItemDetailDrawerProps {
  itemKey: string | undefined;
  onClose: () => void;
}

export function ItemDetailDrawer({ itemKey, onClose }: ItemDetailDrawerProps) {
  const { t } = useTranslation();
  const { data, error, loading, refresh } = useCatalogueItem(itemKey);
  const detail = data && itemKeyOf(data) === itemKey ? data : undefined;
  return (
    <Drawer
      open={itemKey !== undefined}
      onClose={onClose}
      size={760}
      title={detail?.item.name ?? t('catalogue.detail.title')}
      data-testid="item-detail"
      destroyOnHidden
    >
      {error !== undefined && !loading ? (
        <ApiErrorAlert error={error} onRetry={refresh} />
      ) : detail ? (
        <ItemDetail detail={detail} />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

function itemKeyOf({ item }: CatalogueItemDetail): string {
  return item.handlingItemCode ?? item.implementationCode;
}

function ItemDetail({ detail: { item, departmentName } }: { detail: CatalogueItemDetail }) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  const cut =
    item.statutoryLimit.value > 0
      ? Math.round((1 - item.promisedLimit.value / item.statutoryLimit.value) * 100)
      : 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap size={4}>
        <Tag color="blue">{codeLabel('itemType', item.itemType)}</Tag>
        <Tag>{codeLabel('handlingType', item.handlingType)}</Tag>
        <Tag>{t('catalogue.detail.version', { version: item.version })}</Tag>
        {item.illustrative && <Tag color="orange">{t('catalogue.detail.illustrative')}</Tag>}
      </Space>

      <section aria-label={t('catalogue.detail.limits')}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('catalogue.detail.limits')}
        </Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            {
              key: 'statutory',
              label: t('catalogue.detail.statutory'),
              children: <TimeLimitText limit={item.statutoryLimit} />,
            },
            {
              key: 'promised',
              label: t('catalogue.detail.promised'),
              children: (
                <Space size={6}>
                  <Typography.Text strong>
                    <TimeLimitText limit={item.promisedLimit} />
                  </Typography.Text>
                  {cut > 0 && <Tag color="green">{t('catalogue.detail.cut', { percent: cut })}</Tag>}
                </Space>
              ),
            },
            ...(item.limitNote
              ? [{ key: 'note', label: t('catalogue.detail.limitNote'), span: 2, children: item.limitNote }]
              : []),
          ]}
        />
      </section>

      <section aria-label={t('catalogue.detail.materials', { count: item.materials.length })}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('catalogue.detail.materials', { count: item.materials.length })}
        </Typography.Title>
        <MaterialRequirementsTable materials={item.materials} />
      </section>

      <section aria-label={t('catalogue.detail.results')}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('catalogue.detail.results')}
        </Typography.Title>
        <List
          size="small"
          bordered
          dataSource={item.results}
          renderItem={(result) => (
            <List.Item>
              <Space>
                {result.name}
                <Tag>{codeLabel('resultKind', result.kind)}</Tag>
              </Space>
            </List.Item>
          )}
        />
      </section>

      <section aria-label={t('catalogue.detail.basic')}>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('catalogue.detail.basic')}
        </Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 150 } }}
          items={basicInformation(item, departmentName, t, codeLabel)}
        />
      </section>
    </Space>
  );
}

const mono = { fontFamily: 'monospace' } as const;

function basicInformation(
  item: CatalogueItemDetail['item'],
  departmentName: string,
  t: TFunction,
  codeLabel: ReturnType<typeof useCodeLabel>,
): DescriptionsProps['items'] {
  const rows: NonNullable<DescriptionsProps['items']> = [
    { key: 'department', label: t('catalogue.columns.department'), children: departmentName },
    {
      key: 'implementationCode',
      label: t('catalogue.detail.implementationCode'),
      children: (
        <Typography.Text copyable style={mono}>
          {item.implementationCode}
        </Typography.Text>
      ),
    },
  ];
  if (item.handlingItemCode)
    rows.push({
      key: 'handlingItemCode',
      label: t('catalogue.detail.handlingItemCode'),
      children: (
        <Typography.Text copyable style={mono}>
          {item.handlingItemCode}
        </Typography.Text>
      ),
    });
  rows.push(
    {
      key: 'basicCode',
      label: t('catalogue.detail.basicCode'),
      children: <span style={mono}>{item.basicCode}</span>,
    },
    { key: 'level', label: t('catalogue.detail.level'), children: codeLabel('level', item.level) },
    {
      key: 'handlingForms',
      label: t('catalogue.detail.handlingForms'),
      children: item.handlingForms.map((f) => codeLabel('handlingForm', f)).join('、'),
    },
    {
      key: 'serviceObjects',
      label: t('catalogue.detail.serviceObjects'),
      children: item.serviceObjects.map((o) => codeLabel('serviceObject', o)).join('、'),
    },
  );
  if (item.coDepartmentCodes.length > 0)
    rows.push({
      key: 'coDepartments',
      label: t('catalogue.detail.coDepartments'),
      children: item.coDepartmentCodes.join('、'),
    });
  rows.push(
    {
      key: 'fees',
      label: t('catalogue.detail.fees'),
      children: item.fees.charged
        ? item.fees.items.map((fee) => `${fee.name}：${fee.standard}`).join('；')
        : t('catalogue.detail.free'),
    },
    {
      key: 'acceptanceConditions',
      label: t('catalogue.detail.acceptanceConditions'),
      children: <span style={{ whiteSpace: 'pre-line' }}>{item.acceptanceConditions}</span>,
    },
    {
      key: 'legalBasis',
      label: t('catalogue.detail.legalBasis'),
      children: <span style={{ whiteSpace: 'pre-line' }}>{item.legalBasis}</span>,
    },
  );
  return rows;
}
