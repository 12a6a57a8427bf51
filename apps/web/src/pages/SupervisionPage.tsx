import { useTranslation } from 'react-i18next';
import { SupervisionWorkspace } from '../modules/supervision';
import { PageTitle } from '../ui/PageTitle';

export function SupervisionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('supervision.title')} description={t('workspace.supervision')} />
      <SupervisionWorkspace />
    </>
  );
}
