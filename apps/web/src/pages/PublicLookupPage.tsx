import { useTranslation } from 'react-i18next';
import { PublicLookupForm } from '../modules/public-lookup/components/PublicLookupForm';
import { PageTitle } from '../ui/PageTitle';

export function PublicLookupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('lookup.title')} description={t('lookup.description')} />
      <PublicLookupForm />
    </>
  );
}
