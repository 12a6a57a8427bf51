import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render-with-providers';
import { languageStorageKey, readStoredLanguage } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

describe('LanguageSwitch', () => {
  beforeEach(() => window.localStorage.clear());

  it('starts in Chinese and remembers a switch to English', () => {
    expect(readStoredLanguage()).toBe('zh-CN');
    renderWithProviders(<LanguageSwitch />);
    fireEvent.click(screen.getByText('English'));
    expect(window.localStorage.getItem(languageStorageKey)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(readStoredLanguage()).toBe('en');
  });

  it('ignores an unknown stored value', () => {
    window.localStorage.setItem(languageStorageKey, 'fr');
    expect(readStoredLanguage()).toBe('zh-CN');
  });
});
