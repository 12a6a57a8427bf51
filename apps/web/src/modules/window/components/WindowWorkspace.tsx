import { useState } from 'react';
import { Alert, Card, Space, Tabs } from 'antd';
import type { WindowCorrectionEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { IntakeDesk } from './IntakeDesk';
import { CorrectionsQueue } from './CorrectionsQueue';
import { IssuanceQueue } from './IssuanceQueue';
import { WindowCounters } from './WindowCounters';
import { PreReviewQueue } from '../../online-submission';

/**
 * 综合窗口: today's counters of the signed-in clerk, 收件 and 受理 (case.accept), 统一出件 of the window's decided
 * cases and 补正待收 (case.issue); an application opened from 补正待收 opens in 收件受理 under its number.
 */
export function WindowWorkspace() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [tab, setTab] = useState<string>();
  /** An application with a one-time notice, opened from 补正待收 to be accepted under its number. */
  const [resume, setResume] = useState<WindowCorrectionEntry>();
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
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <WindowCounters />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...(can('case.accept')
            ? [
                {
                  key: 'intake',
                  label: t('window.tabs.intake'),
                  children: (
                    <IntakeDesk
                      key={resume?.caseNo ?? 'new'}
                      resume={resume}
                      onNext={() => setResume(undefined)}
                    />
                  ),
                },
              ]
            : []),
          ...(can('case.accept')
            ? [
                {
                  key: 'pre-review',
                  label: t('onlineSubmission.preReview.tab'),
                  children: <PreReviewQueue />,
                },
              ]
            : []),
          ...(can('case.issue')
            ? [{ key: 'issuance', label: t('window.tabs.issuance'), children: <IssuanceQueue /> }]
            : []),
          ...(can('case.issue')
            ? [
                {
                  key: 'corrections',
                  label: t('window.tabCorrections'),
                  children: (
                    <CorrectionsQueue
                      onResume={(entry) => {
                        setResume(entry);
                        setTab('intake');
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
