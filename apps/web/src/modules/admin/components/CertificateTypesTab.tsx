import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { CertificateType } from '@onewindow/standards';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { CatalogueEntriesHeader } from './CatalogueEntriesHeader';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { saveCertificateType } from '../api/admin.api';
import { useCatalogueDepartments, useCertificateTypes } from '../hooks/use-admin-data';

interface TypeFields {
  code: string;
  name: string;
  definingAuthority: string;
  definingAuthorityCode: string;
  holderCodeType: 'resident_id' | 'uscc';
  validityYears?: number | null;
  issuerDepartmentCode?: string;
  notes?: string;
}

function CertificateTypeModal({
  type,
  onClose,
  onSaved,
}: {
  /** The type to edit; undefined creates one. */
  type?: CertificateType;
  onClose: () => void;
  onSaved: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TypeFields>();
  const departments = useCatalogueDepartments();
  const { pending, error, run } = useSubmission();
  const shownOnForm = useFormFieldProblems(form, error);
  const editing = type !== undefined;
  const submit = async () => {
    const values = await form.validateFields();
    const body = {
      name: values.name,
      definingAuthority: values.definingAuthority,
      definingAuthorityCode: values.definingAuthorityCode,
      holderCodeType: values.holderCodeType,
      validityYears: values.validityYears ?? null,
      issuerDepartmentCode: values.issuerDepartmentCode ?? null,
      notes: values.notes ?? null,
    };
    const saved = await run(() =>
      editing
        ? saveCertificateType('edit', body, type.code)
        : saveCertificateType('create', { ...body, code: values.code.trim() }),
    );
    if (saved) onSaved(saved.code);
  };
  return (
    <Modal
      open
      width={640}
      title={
        editing
          ? t('admin.catalogue.types.editTitle', { code: type.code })
          : t('admin.catalogue.types.createTitle')
      }
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      mask={{ closable: false }}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="certificate-type-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          type
            ? { ...type, validityYears: type.validityYears ?? null }
            : { holderCodeType: 'uscc', validityYears: null }
        }
      >
        <Form.Item
          label={t('admin.catalogue.types.code')}
          name="code"
          extra={editing ? undefined : t('admin.catalogue.types.codeHint')}
          rules={[{ required: !editing, whitespace: true, message: t('admin.catalogue.types.codeRequired') }]}
        >
          <Input disabled={editing} maxLength={21} />
        </Form.Item>
        <Form.Item
          label={t('admin.catalogue.types.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('admin.catalogue.types.nameRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            label={t('admin.catalogue.types.authority')}
            name="definingAuthority"
            rules={[
              { required: true, whitespace: true, message: t('admin.catalogue.types.authorityRequired') },
            ]}
          >
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item
            label={t('admin.catalogue.types.authorityCode')}
            name="definingAuthorityCode"
            rules={[
              { required: true, whitespace: true, message: t('admin.catalogue.types.authorityCodeRequired') },
            ]}
          >
            <Input maxLength={18} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item label={t('admin.catalogue.types.holder')} name="holderCodeType">
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'resident_id', label: t('admin.catalogue.types.resident_id') },
                { value: 'uscc', label: t('admin.catalogue.types.uscc') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('admin.catalogue.types.validity')}
            name="validityYears"
            extra={t('admin.catalogue.types.validityHint')}
          >
            <InputNumber
              precision={0}
              style={{ width: 160 }}
              suffix={t('admin.catalogue.types.years')}
              placeholder={t('admin.catalogue.types.longTerm')}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('admin.catalogue.types.issuer')} name="issuerDepartmentCode">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('admin.catalogue.types.issuerPlaceholder')}
            loading={departments.loading}
            options={(departments.data ?? []).map((d) => ({
              value: d.code,
              label: `${d.name}（${d.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('admin.catalogue.types.notes')} name="notes">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} shownOnForm={shownOnForm} />}
    </Modal>
  );
}

/**
 * 证照类型: every certificate type of the catalogue in a table; one is created or edited in a form (name, defining
 * authority, holder, validity, issuing department) and saved in place — certificates already issued keep the
 * validity they were issued with.
 */
export function CertificateTypesTab() {
  const { t } = useTranslation();
  const types = useCertificateTypes();
  const departments = useCatalogueDepartments();
  const [editing, setEditing] = useState<CertificateType | 'new'>();
  const [saved, setSaved] = useState<string>();
  const departmentName = (code?: string) =>
    code ? (departments.data?.find((d) => d.code === code)?.name ?? code) : '—';
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="certificate-types-tab">
      <CatalogueEntriesHeader
        hint={t('admin.catalogue.types.hint')}
        createLabel={t('admin.catalogue.types.create')}
        onCreate={() => setEditing('new')}
        saved={
          saved === undefined
            ? undefined
            : { testId: 'certificate-type-saved', message: t('admin.catalogue.types.saved', { code: saved }) }
        }
        errors={[types.error]}
      />
      <Table
        size="small"
        rowKey="code"
        loading={types.loading}
        dataSource={types.data ?? []}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('admin.catalogue.types.code'), dataIndex: 'code', width: 210 },
          { title: t('admin.catalogue.types.name'), dataIndex: 'name' },
          { title: t('admin.catalogue.types.authority'), dataIndex: 'definingAuthority' },
          {
            title: t('admin.catalogue.types.issuer'),
            dataIndex: 'issuerDepartmentCode',
            render: (code?: string) => departmentName(code),
          },
          {
            title: t('admin.catalogue.types.validity'),
            dataIndex: 'validityYears',
            width: 100,
            render: (years?: number) =>
              years ? t('admin.catalogue.types.yearsN', { n: years }) : t('admin.catalogue.types.longTerm'),
          },
          {
            title: t('admin.catalogue.types.holder'),
            dataIndex: 'holderCodeType',
            width: 130,
            render: (holder: string) => t(`admin.catalogue.types.${holder}`),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 90,
            render: (_, type) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(type)}>
                {t('admin.catalogue.types.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <CertificateTypeModal
          type={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(code) => {
            setEditing(undefined);
            setSaved(code);
            types.refresh();
          }}
        />
      )}
    </Space>
  );
}
