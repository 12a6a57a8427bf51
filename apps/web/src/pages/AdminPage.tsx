import { useTranslation } from 'react-i18next';
import { AdminWorkspace } from '../modules/admin';
import { PageTitle } from '../ui/PageTitle';

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.admin')} description={t('workspace.admin')} />
      <AdminWorkspace />
    </>
  );
}
