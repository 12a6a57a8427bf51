import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AdminUser } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useNotifyApiError } from '../../api-client/hooks/use-notify-api-error';
import { revokeSessions, unlockUser } from '../api/admin.api';
import { useAdminDepartments, useAdminUsers } from '../hooks/use-admin-data';
import { OidcSubjectModal, ResetPasswordModal } from './UserActionModals';
import { UserFormModal } from './UserFormModal';
import { centreTime } from '../../../ui/centre-day';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'password'; user: AdminUser }
  | { kind: 'oidc'; user: AdminUser };

/** 用户与角色: every account with its department, roles and state, and what an administrator does to it. */
export function UsersPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyApiError();
  const users = useAdminUsers();
  const departments = useAdminDepartments();
  const [dialog, setDialog] = useState<Dialog>();
  const saved = (text: string) => {
    setDialog(undefined);
    void message.success(text);
    users.refresh();
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
    } catch (error) {
      notify(error);
    } finally {
      users.refresh();
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.users.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={users.refresh} loading={users.loading}>
          {t('admin.refresh')}
        </Button>
      </Space>
      {users.error !== undefined && <ApiErrorAlert error={users.error} onRetry={users.refresh} />}
      <Table<AdminUser>
        data-testid="users-table"
        rowKey="username"
        size="small"
        loading={users.loading && !users.data}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('admin.users.user'),
            key: 'user',
            width: 190,
            render: (_, u) => (
              <>
                <div>{u.displayName}</div>
                <Typography.Text type="secondary">{u.username}</Typography.Text>
              </>
            ),
          },
          {
            title: t('admin.users.department'),
            key: 'department',
            width: 200,
            render: (_, u) =>
              u.departmentCode ? (
                <>
                  {u.departmentName ?? u.departmentCode}{' '}
                  <Typography.Text type="secondary">{u.departmentCode}</Typography.Text>
                </>
              ) : (
                '—'
              ),
          },
          {
            title: t('admin.users.roles'),
            key: 'roles',
            render: (_, u) => (
              <>
                {u.roles.map((role) => (
                  <Tag key={role}>{t(`admin.roles.${role}`)}</Tag>
                ))}
                {/* 其他部门的角色: the role · the department it is held in. */}
                {u.otherGrants.map((g) => (
                  <Tag key={`${g.role}:${g.departmentCode}`} color="blue" data-testid="other-grant">
                    {t(`admin.roles.${g.role}`)} · {g.departmentName ?? g.departmentCode}
                  </Tag>
                ))}
              </>
            ),
          },
          {
            title: t('admin.users.state'),
            key: 'state',
            width: 200,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.disabled ? (
                  <Tag color="default">{t('admin.users.stateDisabled')}</Tag>
                ) : (
                  <Tag color="green">{t('admin.users.stateActive')}</Tag>
                )}
                {u.lockedUntil && (
                  <Tag color="red">
                    {t('admin.users.stateLocked', { until: centreTime(u.lockedUntil, 'HH:mm') })}
                  </Tag>
                )}
                {u.mustChangePassword && <Tag color="orange">{t('admin.users.stateMustChange')}</Tag>}
                {u.oidcSubject && (
                  <Tooltip title={u.oidcSubject}>
                    <Tag color="blue">{t('admin.users.stateOidc')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 290,
            fixed: 'right',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('admin.users.edit')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
                  {t('admin.users.reset')}
                </Button>
                {u.lockedUntil && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void act(() => unlockUser(u.username), t('admin.users.unlocked'))}
                  >
                    {t('admin.users.unlock')}
                  </Button>
                )}
                <Popconfirm
                  title={t('admin.users.revokeConfirm', { username: u.username })}
                  okText={t('admin.confirm')}
                  cancelText={t('admin.cancel')}
                  onConfirm={() => act(() => revokeSessions(u.username), t('admin.users.revoked'))}
                >
                  <Button type="link" size="small">
                    {t('admin.users.revoke')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'oidc', user: u })}>
                  {t('admin.users.oidc')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          departments={departments.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={(user) =>
            saved(
              t(dialog.kind === 'edit' ? 'admin.users.updated' : 'admin.users.created', {
                username: user.username,
              }),
            )
          }
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onSaved={(user) => saved(t('admin.users.resetDone', { username: user.username }))}
        />
      )}
      {dialog?.kind === 'oidc' && (
        <OidcSubjectModal
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onSaved={(user) => saved(t('admin.users.oidcDone', { username: user.username }))}
        />
      )}
    </Space>
  );
}
