import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Table } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { createDepartmentRequestSchema, type AdminDepartment } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { createDepartment, renameDepartment } from '../api/admin.api';
import { useAdminDepartments } from '../hooks/use-admin-data';
import { DepartmentSelect } from './DepartmentSelect';

/** The API's own rule for one field of a new department (the catalogue standard's code and region formats). */
const fieldRule = (field: 'code' | 'region') => ({
  validator: (_rule: unknown, value?: string) => {
    const shape = createDepartmentRequestSchema.shape[field];
    const parsed = shape.safeParse(value ?? '');
    return parsed.success ? Promise.resolve() : Promise.reject(new Error(parsed.error.issues[0].message));
  },
});

interface DepartmentModalProps {
  /** The department to rename; undefined creates one. */
  department?: AdminDepartment;
  departments: AdminDepartment[];
  onClose: () => void;
  onSaved: (department: AdminDepartment) => void;
}

function DepartmentModal({ department, departments, onClose, onSaved }: DepartmentModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string; name: string; region: string; parentCode?: string }>();
  const { pending, error, run } = useSubmission();
  const shownOnForm = useFormFieldProblems(form, error);
  const renaming = department !== undefined;
  const submit = async () => {
    const values = await form.validateFields();
    const saved = await run(() =>
      renaming
        ? renameDepartment(department.code, values.name)
        : createDepartment({
            code: values.code.trim(),
            name: values.name,
            region: values.region.trim(),
            parentCode: values.parentCode ?? null,
          }),
    );
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open
      title={
        renaming
          ? t('admin.departments.renameTitle', { code: department.code })
          : t('admin.departments.createTitle')
      }
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="department-form"
    >
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} shownOnForm={shownOnForm} />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          department ? { code: department.code, name: department.name, region: department.region } : {}
        }
      >
        <Form.Item
          label={t('admin.departments.code')}
          name="code"
          extra={renaming ? t('admin.departments.codeFixed') : t('admin.departments.codeHint')}
          rules={renaming ? [] : [fieldRule('code')]}
        >
          <Input disabled={renaming} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('admin.departments.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('admin.departments.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        {!renaming && (
          <>
            <Form.Item
              label={t('admin.departments.region')}
              name="region"
              extra={t('admin.departments.regionHint')}
              rules={[fieldRule('region')]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item label={t('admin.departments.parent')} name="parentCode">
              <DepartmentSelect departments={departments} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 部门: every department with its code (per the catalogue standard), region and number of accounts. */
export function DepartmentsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useAdminDepartments();
  const [dialog, setDialog] = useState<{ department?: AdminDepartment }>();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
          {t('admin.departments.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={departments.refresh} loading={departments.loading}>
          {t('admin.refresh')}
        </Button>
      </Space>
      {departments.error !== undefined && (
        <ApiErrorAlert error={departments.error} onRetry={departments.refresh} />
      )}
      <Table<AdminDepartment>
        data-testid="departments-table"
        rowKey="code"
        size="small"
        loading={departments.loading && !departments.data}
        dataSource={departments.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('admin.departments.code'), dataIndex: 'code', width: 180 },
          { title: t('admin.departments.name'), dataIndex: 'name' },
          { title: t('admin.departments.region'), dataIndex: 'region', width: 120 },
          {
            title: t('admin.departments.parent'),
            dataIndex: 'parentCode',
            width: 160,
            render: (code: string | null) => code ?? '—',
          },
          { title: t('admin.departments.users'), dataIndex: 'users', width: 100 },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 120,
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => setDialog({ department: d })}>
                {t('admin.departments.rename')}
              </Button>
            ),
          },
        ]}
      />
      {dialog && (
        <DepartmentModal
          department={dialog.department}
          departments={departments.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={(d) => {
            setDialog(undefined);
            void message.success(t('admin.departments.saved', { name: d.name }));
            departments.refresh();
          }}
        />
      )}
    </Space>
  );
}
