import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { DesignerWorkspace } from './DesignerWorkspace';

/** The designer for users who may draft flows (flow.design); a sign-in form otherwise. */
export function DesignerGate() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  if (session === undefined) return null;
  if (session === null)
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('designer.signInReason')} />
      </Card>
    );
  if (!can('flow.design')) return <Alert type="warning" showIcon title={t('designer.notAllowed')} />;
  return <DesignerWorkspace canPublish={can('flow.publish')} />;
}
