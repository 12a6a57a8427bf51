import type { ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { LocaleProvider } from '../modules/i18n/components/LocaleProvider';

interface AppProvidersProps {
  i18n: I18n;
  children: ReactNode;
}

export function AppProviders({ i18n, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleProvider>{children}</LocaleProvider>
    </I18nextProvider>
  );
}
