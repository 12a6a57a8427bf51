import { useTranslation } from 'react-i18next';
import { ChecklistPreview } from '../modules/checklist/components/ChecklistPreview';
import { PageTitle } from '../ui/PageTitle';

export function ChecklistPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('checklist.title')} description={t('workspace.checklist')} />
      <ChecklistPreview />
    </>
  );
}
