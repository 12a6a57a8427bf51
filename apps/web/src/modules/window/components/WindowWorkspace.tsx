import { Alert, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { IntakeDesk } from './IntakeDesk';
import { IssuanceQueue } from './IssuanceQueue';
import { PreReviewQueue } from '../../online-submission';

/** 综合窗口: 收件 and 受理 (case.accept), and 统一出件 of the window's decided cases (case.issue). */
export function WindowWorkspace() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  if (session === undefined) return null;
  if (session === null)
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('window.signInReason')} />
      </Card>
    );
  if (!can('case.accept') && !can('case.issue'))
    return <Alert type="warning" showIcon title={t('window.notAllowed')} />;
  return (
    <Tabs
      items={[
        ...(can('case.accept')
          ? [{ key: 'intake', label: t('window.tabs.intake'), children: <IntakeDesk /> }]
          : []),
        ...(can('case.accept')
          ? [{ key: 'pre-review', label: t('onlineSubmission.preReview.tab'), children: <PreReviewQueue /> }]
          : []),
        ...(can('case.issue')
          ? [{ key: 'issuance', label: t('window.tabs.issuance'), children: <IssuanceQueue /> }]
          : []),
      ]}
    />
  );
}
