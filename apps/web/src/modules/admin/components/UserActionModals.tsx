import { Form, Input, Modal, Typography } from 'antd';
import type { AdminUser } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { mapOidcSubject, resetPassword } from '../api/admin.api';
import { passwordRule } from './password-rule';

interface UserActionModalProps {
  user: AdminUser;
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}

/** A temporary password: the user must change it at the next sign-in; their sessions end. */
export function ResetPasswordModal({ user, onClose, onSaved }: UserActionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { pending, error, run } = useSubmission();
  const submit = async () => {
    const { password } = await form.validateFields();
    const saved = await run(() => resetPassword(user.username, password));
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open
      title={t('admin.users.resetTitle', { username: user.username })}
      okText={t('admin.users.reset')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="reset-password-form"
    >
      <Typography.Paragraph type="secondary">{t('admin.users.resetHint')}</Typography.Paragraph>
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label={t('admin.users.temporaryPassword')} name="password" rules={[passwordRule]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Maps the identity provider's subject ("sub") to the user, or removes the mapping when left empty. */
export function OidcSubjectModal({ user, onClose, onSaved }: UserActionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ oidcSubject?: string }>();
  const { pending, error, run } = useSubmission();
  const submit = async () => {
    const { oidcSubject } = await form.validateFields();
    const saved = await run(() => mapOidcSubject(user.username, oidcSubject?.trim() || null));
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open
      title={t('admin.users.oidcTitle', { username: user.username })}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="oidc-subject-form"
    >
      <Typography.Paragraph type="secondary">{t('admin.users.oidcHint')}</Typography.Paragraph>
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form form={form} layout="vertical" initialValues={{ oidcSubject: user.oidcSubject ?? '' }}>
        <Form.Item label={t('admin.users.oidcSubject')} name="oidcSubject" rules={[{ max: 255 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
