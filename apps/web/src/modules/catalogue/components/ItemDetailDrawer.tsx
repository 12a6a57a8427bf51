import { Descriptions, Drawer, List, Skeleton, Space, Tag, Typography } from 'antd';
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
      {error !== undefined && !loading ? <ApiErrorAlert error={error} onRetry={refresh} /> : detail ? <ItemDetail detail={detail} /> : <Skeleton active />}
    </Drawer>
  );
}

function itemKeyOf({ item }: CatalogueItemDetail): string {
  return item.handlingItemCode ?? item.implementationCode;
}

function ItemDetail({ detail: { item, departmentName } }: { detail: CatalogueItemDetail }) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  const cut = item.statutoryLimit.value > 0 ? Math.round((1 - item.promisedLimit.value / item.statutoryLimit.value) * 100) : 0;
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
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('catalogue.detail.statutory')}>
            <TimeLimitText limit={item.statutoryLimit} />
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.promised')}>
            <Space size={6}>
              <Typography.Text strong>
                <TimeLimitText limit={item.promisedLimit} />
              </Typography.Text>
              {cut > 0 && <Tag color="green">{t('catalogue.detail.cut', { percent: cut })}</Tag>}
            </Space>
          </Descriptions.Item>
          {item.limitNote && (
            <Descriptions.Item label={t('catalogue.detail.limitNote')} span={2}>
              {item.limitNote}
            </Descriptions.Item>
          )}
        </Descriptions>
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
        <Descriptions size="small" bordered column={1} styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={t('catalogue.columns.department')}>{departmentName}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.implementationCode')}>
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
              {item.implementationCode}
            </Typography.Text>
          </Descriptions.Item>
          {item.handlingItemCode && (
            <Descriptions.Item label={t('catalogue.detail.handlingItemCode')}>
              <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                {item.handlingItemCode}
              </Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('catalogue.detail.basicCode')}>
            <span style={{ fontFamily: 'monospace' }}>{item.basicCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.level')}>{codeLabel('level', item.level)}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.handlingForms')}>{item.handlingForms.map((f) => codeLabel('handlingForm', f)).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.serviceObjects')}>{item.serviceObjects.map((o) => codeLabel('serviceObject', o)).join('、')}</Descriptions.Item>
          {item.coDepartmentCodes.length > 0 && <Descriptions.Item label={t('catalogue.detail.coDepartments')}>{item.coDepartmentCodes.join('、')}</Descriptions.Item>}
          <Descriptions.Item label={t('catalogue.detail.fees')}>
            {item.fees.charged ? item.fees.items.map((fee) => `${fee.name}：${fee.standard}`).join('；') : t('catalogue.detail.free')}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.acceptanceConditions')}>
            <span style={{ whiteSpace: 'pre-line' }}>{item.acceptanceConditions}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.detail.legalBasis')}>
            <span style={{ whiteSpace: 'pre-line' }}>{item.legalBasis}</span>
          </Descriptions.Item>
        </Descriptions>
      </section>
    </Space>
  );
}
