import { useState } from 'react';
import { Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BUNDLE_JOINT_HANDLING_LABELS,
  SERVICE_OBJECTS,
  type Bundle,
  type BundleFormField,
} from '@onewindow/standards';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { CatalogueEntriesHeader } from './CatalogueEntriesHeader';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { fetchBundle, saveBundle, searchCatalogueItems } from '../api/admin.api';
import { useCatalogueBundles } from '../hooks/use-admin-data';

type JointHandling = keyof typeof BUNDLE_JOINT_HANDLING_LABELS;

interface BundleFields {
  code: string;
  name: string;
  description?: string;
  serviceObjects: Bundle['serviceObjects'];
  jointHandling?: JointHandling;
  notes?: string;
  items: { itemCode?: string; optional: boolean; after: string[] }[];
}

/** What the form edits of a bundle; the merged form's fields (一表申请) are kept as they are. */
const fieldsOf = (bundle: Bundle): BundleFields => ({
  code: bundle.code,
  name: bundle.name,
  description: bundle.description,
  serviceObjects: bundle.serviceObjects,
  jointHandling: bundle.jointHandling,
  notes: bundle.notes,
  items: bundle.items.map((i) => ({ itemCode: i.itemCode, optional: i.optional, after: i.after })),
});

const optionalText = (text?: string) => (text?.trim() ? text.trim() : undefined);

function BundleModal({
  editing,
  onClose,
  onSaved,
}: {
  /** The bundle to edit (its active version, its items' names); undefined creates one. */
  editing?: { bundle: Bundle; version: number; itemNames: Record<string, string> };
  onClose: () => void;
  onSaved: (saved: { code: string; version?: number; changed: boolean }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BundleFields>();
  const [names, setNames] = useState<Record<string, string>>(editing?.itemNames ?? {});
  const [found, setFound] = useState<string[]>([]);
  const searching = useSubmission();
  const { pending, error, run } = useSubmission();
  const shownOnForm = useFormFieldProblems(form, error);
  const chosen = Form.useWatch('items', form) ?? [];
  const kept: BundleFormField[] = editing?.bundle.form ?? [];

  const search = async (q: string) => {
    const items = await searching.run(() => searchCatalogueItems(q));
    if (!items) return;
    setNames((known) => ({ ...known, ...Object.fromEntries(items.map((i) => [i.itemKey, i.name])) }));
    setFound(items.map((i) => i.itemKey));
  };
  const label = (code: string) => (names[code] ? `${names[code]}（${code}）` : code);
  const itemOptions = (current?: string) =>
    [...new Set([...(current ? [current] : []), ...found])].map((code) => ({
      value: code,
      label: label(code),
    }));

  const submit = async () => {
    const values = await form.validateFields();
    const bundle: Bundle = {
      code: (editing?.bundle.code ?? values.code).trim(),
      name: values.name.trim(),
      ...(optionalText(values.description) ? { description: optionalText(values.description) } : {}),
      serviceObjects: values.serviceObjects,
      items: values.items.map((i) => ({
        itemCode: i.itemCode ?? '',
        optional: i.optional,
        after: (i.after ?? []).filter((code) => values.items.some((other) => other.itemCode === code)),
      })),
      form: kept,
      ...(values.jointHandling ? { jointHandling: values.jointHandling } : {}),
      ...(editing?.bundle.illustrative !== undefined ? { illustrative: editing.bundle.illustrative } : {}),
      ...(optionalText(values.notes) ? { notes: optionalText(values.notes) } : {}),
    };
    const saved = await run(() => saveBundle(editing ? 'edit' : 'create', bundle));
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open
      width={880}
      title={
        editing
          ? t('admin.catalogue.bundles.editTitle', { code: editing.bundle.code, version: editing.version })
          : t('admin.catalogue.bundles.createTitle')
      }
      okText={editing ? t('admin.catalogue.bundles.saveVersion') : t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      mask={{ closable: false }}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="bundle-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? fieldsOf(editing.bundle)
            : {
                serviceObjects: ['1'],
                items: [
                  { optional: false, after: [] },
                  { optional: false, after: [] },
                ],
              }
        }
      >
        <Space wrap align="start">
          <Form.Item
            label={t('admin.catalogue.bundles.code')}
            name="code"
            rules={[
              { required: !editing, whitespace: true, message: t('admin.catalogue.bundles.codeRequired') },
            ]}
          >
            <Input disabled={editing !== undefined} maxLength={50} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            label={t('admin.catalogue.bundles.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('admin.catalogue.bundles.nameRequired') }]}
          >
            <Input maxLength={200} style={{ width: 520 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            label={t('admin.catalogue.bundles.serviceObjects')}
            name="serviceObjects"
            rules={[{ required: true, message: t('admin.catalogue.bundles.serviceObjectsRequired') }]}
          >
            <Select
              mode="multiple"
              style={{ width: 380 }}
              options={Object.entries(SERVICE_OBJECTS).map(([value, text]) => ({ value, label: text }))}
            />
          </Form.Item>
          <Form.Item
            label={t('admin.catalogue.bundles.jointHandling')}
            name="jointHandling"
            extra={t('admin.catalogue.bundles.jointHandlingHint')}
          >
            <Select
              allowClear
              style={{ width: 380 }}
              placeholder={t('admin.catalogue.bundles.jointNone')}
              options={Object.entries(BUNDLE_JOINT_HANDLING_LABELS).map(([value, text]) => ({
                value,
                label: text,
              }))}
            />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('admin.catalogue.bundles.items')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
          {t('admin.catalogue.bundles.itemsHint')}
        </Typography.Paragraph>
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid="bundle-items">
              {rows.map((row, index) => {
                const code = chosen[index]?.itemCode;
                const others = chosen
                  .map((c) => c?.itemCode)
                  .filter((c): c is string => c !== undefined && c !== code);
                return (
                  <Space key={row.key} align="start" wrap data-testid="bundle-item-row">
                    <Form.Item
                      name={[row.name, 'itemCode']}
                      style={{ marginBottom: 8 }}
                      rules={[{ required: true, message: t('admin.catalogue.bundles.itemRequired') }]}
                    >
                      <Select
                        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
                        onFocus={() => found.length === 0 && void search('')}
                        placeholder={t('admin.catalogue.bundles.pickItem')}
                        style={{ width: 420 }}
                        loading={searching.pending}
                        options={itemOptions(code)}
                        aria-label={t('admin.catalogue.bundles.itemN', { n: index + 1 })}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'optional']}
                      valuePropName="checked"
                      style={{ marginBottom: 8 }}
                    >
                      <Checkbox>{t('admin.catalogue.bundles.optional')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={[row.name, 'after']} style={{ marginBottom: 8 }}>
                      <Select
                        mode="multiple"
                        allowClear
                        style={{ width: 220 }}
                        placeholder={t('admin.catalogue.bundles.after')}
                        options={others.map((c) => ({ value: c, label: names[c] ?? c }))}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('admin.catalogue.bundles.removeItem', { n: index + 1 })}
                      onClick={() => remove(row.name)}
                    />
                  </Space>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ optional: false, after: [] })}>
                {t('admin.catalogue.bundles.addItem')}
              </Button>
            </Space>
          )}
        </Form.List>
        {kept.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('admin.catalogue.bundles.formKept', {
              n: kept.length,
              fields: kept.map((f) => f.label).join('、'),
            })}
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t('admin.catalogue.bundles.description')}
          name="description"
          style={{ marginTop: 12 }}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('admin.catalogue.bundles.notes')} name="notes">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} shownOnForm={shownOnForm} />}
    </Modal>
  );
}

/**
 * 一件事: the active bundles in a table; one is created (version 1) or edited in a form — name, the items it
 * combines, which are optional and which wait for others, how they are handled together — and saved as its next
 * version: the version before is superseded, cases already accepted keep theirs.
 */
export function BundlesTab() {
  const { t } = useTranslation();
  const bundles = useCatalogueBundles();
  const [editing, setEditing] = useState<Parameters<typeof BundleModal>[0]['editing'] | 'new'>();
  const [saved, setSaved] = useState<{ code: string; version?: number; changed: boolean }>();
  const opening = useSubmission();
  const [openingCode, setOpeningCode] = useState<string>();
  const open = async (code: string) => {
    setOpeningCode(code);
    const detail = await opening.run(() => fetchBundle(code));
    if (detail) setEditing(detail);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bundles-tab">
      <CatalogueEntriesHeader
        hint={t('admin.catalogue.bundles.hint')}
        createLabel={t('admin.catalogue.bundles.create')}
        onCreate={() => setEditing('new')}
        saved={
          saved && {
            testId: 'bundle-saved',
            message: saved.changed
              ? t('admin.catalogue.bundles.saved', { code: saved.code, version: saved.version })
              : t('admin.catalogue.bundles.unchanged', { code: saved.code, version: saved.version }),
          }
        }
        errors={[bundles.error, opening.error]}
      />
      <Table
        size="small"
        rowKey="code"
        loading={bundles.loading}
        dataSource={bundles.data ?? []}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('admin.catalogue.bundles.code'), dataIndex: 'code', width: 200 },
          { title: t('admin.catalogue.bundles.name'), dataIndex: 'name' },
          {
            title: t('admin.catalogue.bundles.itemCount'),
            key: 'items',
            width: 150,
            render: (_, b: Bundle) =>
              t('admin.catalogue.bundles.itemCountText', {
                n: b.items.length,
                optional: b.items.filter((i) => i.optional).length,
              }),
          },
          {
            title: t('admin.catalogue.bundles.jointHandling'),
            dataIndex: 'jointHandling',
            width: 110,
            render: (joint?: JointHandling) =>
              joint ? <Tag color="blue">{BUNDLE_JOINT_HANDLING_LABELS[joint]}</Tag> : '—',
          },
          {
            title: t('admin.catalogue.bundles.serviceObjects'),
            dataIndex: 'serviceObjects',
            width: 180,
            render: (objects: Bundle['serviceObjects']) => objects.map((o) => SERVICE_OBJECTS[o]).join('、'),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 90,
            render: (_, b: Bundle) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                loading={opening.pending && openingCode === b.code}
                onClick={() => void open(b.code)}
              >
                {t('admin.catalogue.bundles.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <BundleModal
          editing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(result) => {
            setEditing(undefined);
            setSaved(result);
            bundles.refresh();
          }}
        />
      )}
    </Space>
  );
}
