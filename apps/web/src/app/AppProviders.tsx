import { useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../modules/api-client/query-client';
import { LocaleProvider } from '../modules/i18n/components/LocaleProvider';

interface AppProvidersProps {
  i18n: I18n;
  children: ReactNode;
}

/** One query client per mounted app (a test's render gets its own, so no answer leaks between tests). */
export function AppProviders({ i18n, children }: AppProvidersProps) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocaleProvider>{children}</LocaleProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
