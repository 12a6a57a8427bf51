import { useTranslation } from 'react-i18next';
import { WindowWorkspace } from '../modules/window';
import { PageTitle } from '../ui/PageTitle';

export function WindowPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('window.title')} description={t('workspace.windowDesk')} />
      <WindowWorkspace />
    </>
  );
}
