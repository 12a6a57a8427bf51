import { useTranslation } from 'react-i18next';
import { CatalogueBrowser } from '../modules/catalogue/components/CatalogueBrowser';
import { PageTitle } from '../ui/PageTitle';

export function CataloguePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('catalogue.title')} description={t('workspace.catalogue')} />
      <CatalogueBrowser />
    </>
  );
}
