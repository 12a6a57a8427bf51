import { Form, Input, Modal, Select, Switch } from 'antd';
import type { AdminDepartment, AdminUser, Role } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { createUser, updateUser } from '../api/admin.api';
import { passwordRule } from './password-rule';
import { DepartmentSelect } from './DepartmentSelect';
import { departmentRoles, roleOptions } from './role-options';

interface UserFormValues {
  username: string;
  displayName: string;
  departmentCode?: string;
  roles: Role[];
  password?: string;
  disabled?: boolean;
}

interface UserFormModalProps {
  /** The account to edit; undefined creates a new one. */
  user?: AdminUser;
  departments: AdminDepartment[];
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}

/** A new account (first password it must change) or an edit of name, department, roles and disabled. */
export function UserFormModal({ user, departments, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const { pending, error, run } = useSubmission();
  const editing = user !== undefined;

  const submit = async () => {
    const values = await form.validateFields();
    const departmentCode = values.departmentCode ?? null;
    const saved = await run(() =>
      editing
        ? updateUser(user.username, {
            displayName: values.displayName,
            departmentCode,
            roles: values.roles,
            disabled: values.disabled ?? false,
          })
        : createUser({
            username: values.username,
            displayName: values.displayName,
            departmentCode,
            roles: values.roles,
            password: values.password ?? '',
          }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <Modal
      open
      title={editing ? t('admin.users.editTitle', { username: user.username }) : t('admin.users.createTitle')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="user-form"
    >
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                departmentCode: user.departmentCode ?? undefined,
                roles: user.roles,
                disabled: user.disabled,
              }
            : { roles: [] }
        }
      >
        <Form.Item
          label={t('admin.users.username')}
          name="username"
          rules={[
            { required: true, message: t('admin.users.usernameRequired') },
            { pattern: /^[\w.@-]+$/, message: t('admin.users.usernameFormat') },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('admin.users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('admin.users.displayNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label={t('admin.users.roles')}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t('admin.users.rolesRequired') }]}
        >
          <Select mode="multiple" options={roleOptions(t)} data-testid="user-roles" />
        </Form.Item>
        <Form.Item
          label={t('admin.users.department')}
          name="departmentCode"
          dependencies={['roles']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value?: string) => {
                const needs = ((getFieldValue('roles') as Role[] | undefined) ?? []).some((r) =>
                  departmentRoles.includes(r),
                );
                return needs && !value
                  ? Promise.reject(new Error(t('admin.users.departmentRequired')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DepartmentSelect departments={departments} data-testid="user-department" />
        </Form.Item>
        {editing ? (
          <Form.Item label={t('admin.users.disabled')} name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('admin.users.firstPassword')}
            name="password"
            extra={t('admin.users.firstPasswordHint')}
            rules={[passwordRule]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
