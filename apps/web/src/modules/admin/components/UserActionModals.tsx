import type { ReactNode } from 'react';
import { Form, Input, Modal, Typography, type FormItemProps } from 'antd';
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

interface OneFieldModalProps extends Omit<UserActionModalProps, 'user'> {
  title: string;
  okText: string;
  hint: string;
  testId: string;
  label: string;
  rules: FormItemProps['rules'];
  initialValue?: string;
  input: ReactNode;
  /** Sends the field's value; the saved user closes the dialog, a refusal is shown in it. */
  send: (value: string | undefined) => Promise<AdminUser>;
}

/** A dialog that asks for one value about a user and sends it: the hint, the server's refusal, the field. */
function OneFieldModal({
  title,
  okText,
  hint,
  testId,
  label,
  rules,
  initialValue,
  input,
  send,
  onClose,
  onSaved,
}: OneFieldModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ value?: string }>();
  const { pending, error, run } = useSubmission();
  const submit = async () => {
    const { value } = await form.validateFields();
    const saved = await run(() => send(value));
    if (saved) onSaved(saved);
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('admin.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid={testId}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form
        form={form}
        name={testId}
        layout="vertical"
        requiredMark={false}
        initialValues={{ value: initialValue }}
      >
        <Form.Item label={label} name="value" rules={rules}>
          {input}
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A temporary password: the user must change it at the next sign-in; their sessions end. */
export function ResetPasswordModal({ user, ...props }: UserActionModalProps) {
  const { t } = useTranslation();
  return (
    <OneFieldModal
      {...props}
      title={t('admin.users.resetTitle', { username: user.username })}
      okText={t('admin.users.reset')}
      hint={t('admin.users.resetHint')}
      testId="reset-password-form"
      label={t('admin.users.temporaryPassword')}
      rules={[passwordRule]}
      input={<Input.Password autoComplete="new-password" />}
      send={(password) => resetPassword(user.username, password ?? '')}
    />
  );
}

/** Maps the identity provider's subject ("sub") to the user, or removes the mapping when left empty. */
export function OidcSubjectModal({ user, ...props }: UserActionModalProps) {
  const { t } = useTranslation();
  return (
    <OneFieldModal
      {...props}
      title={t('admin.users.oidcTitle', { username: user.username })}
      okText={t('admin.save')}
      hint={t('admin.users.oidcHint')}
      testId="oidc-subject-form"
      label={t('admin.users.oidcSubject')}
      rules={[{ max: 255 }]}
      initialValue={user.oidcSubject ?? ''}
      input={<Input autoComplete="off" />}
      send={(subject) => mapOidcSubject(user.username, subject?.trim() || null)}
    />
  );
}
