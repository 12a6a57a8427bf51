import { useState } from 'react';
import { Alert, Card, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useBundles } from '../../catalogue/hooks/use-bundles';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { useChecklistPreview } from '../hooks/use-checklist-preview';
import { useDemoApplicants } from '../hooks/use-demo-applicants';
import { useItemNames } from '../hooks/use-item-names';
import { ChecklistPicker, type ChecklistSelection } from './ChecklistPicker';
import { ChecklistSummary } from './ChecklistSummary';
import { ChecklistTable } from './ChecklistTable';

const emptySelection: ChecklistSelection = {
  mode: 'items',
  itemKeys: [],
  bundleCode: undefined,
  applicantIdNumber: undefined,
};

/** The clerk picks items or a bundle and an applicant, and sees the one merged material list (一套材料). */
export function ChecklistPreview() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const [selection, setSelection] = useState<ChecklistSelection>(emptySelection);
  const [pickedNames, setPickedNames] = useState<Record<string, string>>({});
  const bundles = useBundles();
  const applicants = useDemoApplicants();
  const { checklist, error, loading, preview, clear } = useChecklistPreview();
  const itemNames = useItemNames(checklist?.itemCodes ?? [], pickedNames);

  if (session === null) {
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('checklist.signInReason')} />
      </Card>
    );
  }

  const onPreview = () =>
    void preview(
      selection.mode === 'items'
        ? { itemKeys: selection.itemKeys, applicantIdNumber: selection.applicantIdNumber }
        : { itemKeys: [], bundleCode: selection.bundleCode, applicantIdNumber: selection.applicantIdNumber },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('checklist.pickTitle')} size="small">
        {session && !can('case.accept') && (
          <Alert type="warning" showIcon title={t('checklist.notAllowed')} style={{ marginBottom: 12 }} />
        )}
        {bundles.error !== undefined && <ApiErrorAlert error={bundles.error} onRetry={bundles.refresh} />}
        <ChecklistPicker
          selection={selection}
          onChange={(next, names) => {
            setSelection(next);
            if (names) setPickedNames((current) => ({ ...current, ...names }));
          }}
          bundles={bundles.data}
          applicants={applicants.data}
          loading={loading}
          onPreview={onPreview}
          onClear={() => {
            setSelection(emptySelection);
            clear();
          }}
        />
      </Card>
      <Card title={t('checklist.resultTitle')} size="small" data-testid="checklist-result">
        {error !== undefined && <ApiErrorAlert error={error} onRetry={onPreview} />}
        {checklist ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space size={[4, 4]} wrap>
              {checklist.itemCodes.map((code) => (
                <Tag key={code} color="blue">
                  {itemNames[code] ?? code}
                </Tag>
              ))}
            </Space>
            <ChecklistSummary checklist={checklist} />
            <ChecklistTable checklist={checklist} itemNames={itemNames} />
          </Space>
        ) : (
          error === undefined && <Alert type="info" title={t('checklist.pickSomething')} />
        )}
      </Card>
    </Space>
  );
}
