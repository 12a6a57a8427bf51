import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/PageTitle';
import { OnlineSubmissionForm } from './OnlineSubmissionForm';
import { SubmissionStatusLookup } from './SubmissionStatusLookup';

/** /apply: the public form. */
export function OnlineSubmissionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('onlineSubmission.title')} description={t('onlineSubmission.description')} />
      <OnlineSubmissionForm />
    </>
  );
}

/** /apply/status: the applicant's status look-up (the receipt links here with the number filled in). */
export function SubmissionStatusPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('onlineSubmission.status.title')} />
      <SubmissionStatusLookup />
    </>
  );
}
