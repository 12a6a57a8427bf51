import { useTranslation } from 'react-i18next';
import { DesignerGate } from '../modules/designer';
import { PageTitle } from '../ui/PageTitle';

export function DesignerPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('nav.designer')} description={t('workspace.designer')} />
      <DesignerGate />
    </>
  );
}
