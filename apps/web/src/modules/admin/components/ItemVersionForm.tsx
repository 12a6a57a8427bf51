import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { CatalogueItemDetail, ItemSummary } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { fetchCatalogueItem, saveCatalogueItemVersion, searchCatalogueItems } from '../api/admin.api';

type Unit = 'working_day' | 'natural_day';

interface ItemFields {
  name: string;
  statutoryValue: number;
  statutoryUnit: Unit;
  promisedValue: number;
  promisedUnit: Unit;
  acceptanceConditions: string;
}

const fieldsOf = ({ item }: CatalogueItemDetail): ItemFields => ({
  name: item.name,
  statutoryValue: item.statutoryLimit.value,
  statutoryUnit: item.statutoryLimit.unit,
  promisedValue: item.promisedLimit.value,
  promisedUnit: item.promisedLimit.unit,
  acceptanceConditions: item.acceptanceConditions,
});

/**
 * 编辑事项: one item of the active catalogue edited in a form — name, statutory and promised limits, acceptance
 * conditions — and saved as its new version (POST /api/catalogue/items: the whole catalogue is checked again and
 * applied, all or nothing; the version before stays in the history).
 */
export function ItemVersionForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemFields>();
  const [options, setOptions] = useState<ItemSummary[]>([]);
  const [detail, setDetail] = useState<CatalogueItemDetail>();
  const [saved, setSaved] = useState<{ itemKey: string; version: number }>();
  const searching = useSubmission();
  const loading = useSubmission();
  const saving = useSubmission();
  const units = [
    { value: 'working_day', label: t('admin.catalogue.edit.working_day') },
    { value: 'natural_day', label: t('admin.catalogue.edit.natural_day') },
  ];

  const search = async (q: string) => {
    const found = await searching.run(() => searchCatalogueItems(q));
    if (found) setOptions(found);
  };
  const pick = async (itemKey: string) => {
    setSaved(undefined);
    const loaded = await loading.run(() => fetchCatalogueItem(itemKey));
    setDetail(loaded);
    if (loaded) form.setFieldsValue(fieldsOf(loaded));
  };
  const save = async (values: ItemFields) => {
    if (!detail) return;
    const result = await saving.run(() =>
      saveCatalogueItemVersion({
        ...detail.item,
        name: values.name.trim(),
        statutoryLimit: { value: values.statutoryValue, unit: values.statutoryUnit },
        promisedLimit: { value: values.promisedValue, unit: values.promisedUnit },
        acceptanceConditions: values.acceptanceConditions.trim(),
      }),
    );
    if (!result) return;
    setSaved(result);
    // The picker's label names the version in force: now the saved one.
    setOptions((list) =>
      list.map((o) =>
        o.itemKey === result.itemKey ? { ...o, name: values.name.trim(), version: result.version } : o,
      ),
    );
    setDetail(await loading.run(() => fetchCatalogueItem(result.itemKey)));
  };
  const limitRule = { required: true, message: t('admin.catalogue.edit.limitRequired') };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="item-version-form">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.catalogue.edit.hint')}
      </Typography.Paragraph>
      <Select
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        placeholder={t('admin.catalogue.edit.pick')}
        style={{ width: 520 }}
        loading={searching.pending}
        onFocus={() => options.length === 0 && void search('')}
        onChange={(key: string) => void pick(key)}
        data-testid="item-pick"
        options={options.map((i) => ({
          value: i.itemKey,
          label: `${i.name}（${i.itemKey}，第 ${i.version} 版）`,
        }))}
      />
      {searching.error !== undefined && <ApiErrorAlert error={searching.error} />}
      {loading.error !== undefined && <ApiErrorAlert error={loading.error} />}
      {detail && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          style={{ maxWidth: 720 }}
        >
          <Typography.Text type="secondary">
            {t('admin.catalogue.edit.current', {
              key: detail.item.handlingItemCode ?? detail.item.implementationCode,
              version: detail.item.version,
              department: detail.departmentName,
            })}
          </Typography.Text>
          <Form.Item
            label={t('admin.catalogue.edit.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('admin.catalogue.edit.nameRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('admin.catalogue.edit.statutory')} name="statutoryValue" rules={[limitRule]}>
              <InputNumber min={0} max={999999} precision={0} />
            </Form.Item>
            <Form.Item label=" " name="statutoryUnit">
              <Select options={units} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item label={t('admin.catalogue.edit.promised')} name="promisedValue" rules={[limitRule]}>
              <InputNumber min={0} max={999999} precision={0} />
            </Form.Item>
            <Form.Item label=" " name="promisedUnit">
              <Select options={units} style={{ width: 110 }} />
            </Form.Item>
          </Space>
          <Form.Item
            label={t('admin.catalogue.edit.conditions')}
            name="acceptanceConditions"
            rules={[
              { required: true, whitespace: true, message: t('admin.catalogue.edit.conditionsRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          {saving.error !== undefined && (
            <div style={{ marginBottom: 12 }}>
              <ApiErrorAlert error={saving.error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving.pending}>
            {t('admin.catalogue.edit.save')}
          </Button>
        </Form>
      )}
      {saved && (
        <Alert
          type="success"
          showIcon
          data-testid="item-version-saved"
          title={t('admin.catalogue.edit.saved', { key: saved.itemKey, version: saved.version })}
        />
      )}
    </Space>
  );
}
