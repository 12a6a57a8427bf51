import { Button, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AdminDepartment, AdminUser, Role } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { createUser, updateUser } from '../api/admin.api';
import { passwordRule } from './password-rule';
import { DepartmentSelect } from './DepartmentSelect';
import { departmentRoleOptions, departmentRoles, roleOptions } from './role-options';

interface UserFormValues {
  username: string;
  displayName: string;
  departmentCode?: string;
  roles: Role[];
  /** 其他部门的角色: rows of a role and the department it is held in (blank rows are checked, not dropped). */
  otherGrants?: { role?: Role; departmentCode?: string }[];
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

/**
 * A new account (first password it must change) or an edit of name, own department (所属部门), roles there,
 * roles in other departments (其他部门的角色: a role and a department per row) and disabled.
 */
export function UserFormModal({ user, departments, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const { pending, error, run } = useSubmission();
  const shownOnForm = useFormFieldProblems(form, error);
  const editing = user !== undefined;

  const submit = async () => {
    const values = await form.validateFields();
    const departmentCode = values.departmentCode ?? null;
    const otherGrants = (values.otherGrants ?? []).map((g) => ({
      role: g.role as Role,
      departmentCode: g.departmentCode ?? '',
    }));
    const saved = await run(() =>
      editing
        ? updateUser(user.username, {
            displayName: values.displayName,
            departmentCode,
            roles: values.roles,
            otherGrants,
            disabled: values.disabled ?? false,
          })
        : createUser({
            username: values.username,
            displayName: values.displayName,
            departmentCode,
            roles: values.roles,
            otherGrants,
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
          <ApiErrorAlert error={error} shownOnForm={shownOnForm} />
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
                otherGrants: user.otherGrants.map(({ role, departmentCode }) => ({ role, departmentCode })),
                disabled: user.disabled,
              }
            : { roles: [], otherGrants: [] }
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
        <Form.Item label={t('admin.users.otherGrants')} extra={t('admin.users.otherGrantsHint')}>
          <Form.List name="otherGrants">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="user-other-grants">
                {fields.length === 0 && (
                  <Typography.Text type="secondary">{t('admin.users.otherGrantsNone')}</Typography.Text>
                )}
                {fields.map((field, index) => (
                  <Space
                    key={field.key}
                    align="start"
                    style={{ width: '100%' }}
                    data-testid="other-grant-row"
                  >
                    <Form.Item
                      name={[field.name, 'role']}
                      style={{ marginBottom: 0, width: 170 }}
                      rules={[{ required: true, message: t('admin.users.otherGrantRoleRequired') }]}
                    >
                      <Select
                        options={departmentRoleOptions(t)}
                        placeholder={t('admin.users.otherGrantRole')}
                        aria-label={t('admin.users.otherGrantRole')}
                        data-testid={`other-grant-role-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'departmentCode']}
                      style={{ marginBottom: 0, width: 250 }}
                      dependencies={['departmentCode', 'otherGrants']}
                      rules={[
                        { required: true, message: t('admin.users.otherGrantDepartmentRequired') },
                        ({ getFieldValue }) => ({
                          validator: (_rule, value?: string) => {
                            if (!value) return Promise.resolve();
                            if (value === getFieldValue('departmentCode'))
                              return Promise.reject(new Error(t('admin.users.otherGrantIsHome')));
                            const rows = (getFieldValue('otherGrants') ??
                              []) as UserFormValues['otherGrants'];
                            const role = rows?.[index]?.role;
                            const twice = rows?.some(
                              (g, i) => i < index && g?.role === role && g?.departmentCode === value,
                            );
                            return twice
                              ? Promise.reject(new Error(t('admin.users.otherGrantDuplicate')))
                              : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <DepartmentSelect
                        departments={departments}
                        placeholder={t('admin.users.otherGrantDepartment')}
                        aria-label={t('admin.users.otherGrantDepartment')}
                        data-testid={`other-grant-department-${index}`}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('admin.users.otherGrantRemove')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="other-grant-add">
                  {t('admin.users.otherGrantAdd')}
                </Button>
              </Space>
            )}
          </Form.List>
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
