import { useTranslation } from 'react-i18next';
import { ApprovalsWorkspace } from '../modules/approvals';
import { PageTitle } from '../ui/PageTitle';

export function ApprovalsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('approvals.title')} description={t('workspace.approvals')} />
      <ApprovalsWorkspace />
    </>
  );
}
