import type { ReactElement } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AppProviders } from '../app/AppProviders';
import { createI18n, type Language } from '../modules/i18n/i18n';

export function renderWithProviders(
  ui: ReactElement,
  { language = 'zh-CN', route = '/' }: { language?: Language; route?: string } = {},
): RenderResult {
  return render(
    <AppProviders i18n={createI18n(language)}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
