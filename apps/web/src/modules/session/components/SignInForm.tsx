import { useState } from 'react';
import { Alert, Button, Divider, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchSignInOptions } from '../api/session.api';
import { useSession } from '../hooks/use-session';

interface SignInFormProps {
  /** Why the user is asked to sign in here. */
  reason?: string;
  onSignedIn?: () => void;
}

export function SignInForm({ reason, onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const options = useApiQuery('sign-in-options', fetchSignInOptions);

  const onFinish = async ({ username, password }: { username: string; password: string }) => {
    setPending(true);
    setError(undefined);
    try {
      await signIn(username, password);
      onSignedIn?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Form
      layout="vertical"
      onFinish={onFinish}
      style={{ maxWidth: 360 }}
      data-testid="sign-in-form"
      requiredMark={false}
    >
      {reason && <Alert type="info" showIcon title={reason} style={{ marginBottom: 12 }} />}
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} />
        </div>
      )}
      <Form.Item
        label={t('session.username')}
        name="username"
        rules={[{ required: true, message: t('session.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" />
      </Form.Item>
      <Form.Item
        label={t('session.password')}
        name="password"
        rules={[{ required: true, message: t('session.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} block>
        {t('session.signIn')}
      </Button>
      {options.data?.oidc && (
        <>
          <Divider plain>{t('session.or')}</Divider>
          <Button icon={<SafetyOutlined />} href="/api/auth/oidc/start" block data-testid="oidc-sign-in">
            {t('session.signInWithOidc')}
          </Button>
        </>
      )}
    </Form>
  );
}
