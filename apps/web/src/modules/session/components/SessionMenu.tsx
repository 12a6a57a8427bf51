import { useState } from 'react';
import { Button, Modal, Space, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/use-session';
import { SignInForm } from './SignInForm';

/** Who is signed in, in the header, with sign-in and sign-out. */
export function SessionMenu() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const [open, setOpen] = useState(false);
  if (session === undefined) return null;
  if (session === null)
    return (
      <>
        <Button size="small" icon={<LoginOutlined />} onClick={() => setOpen(true)}>
          {t('session.signIn')}
        </Button>
        <Modal
          open={open}
          title={t('session.signIn')}
          footer={null}
          onCancel={() => setOpen(false)}
          destroyOnHidden
          width={420}
        >
          <SignInForm onSignedIn={() => setOpen(false)} />
        </Modal>
      </>
    );
  return (
    <Space size="small">
      <Typography.Text style={{ color: '#fff' }} data-testid="session-user">
        <UserOutlined /> {session.user.displayName}
      </Typography.Text>
      <Button
        size="small"
        type="text"
        style={{ color: '#fff' }}
        icon={<LogoutOutlined />}
        onClick={() => void signOut()}
      >
        {t('session.signOut')}
      </Button>
    </Space>
  );
}
