import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyLanguageSideEffects,
  defaultLanguage,
  isLanguage,
  rememberLanguage,
  type Language,
} from '../i18n';

export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const setLanguage = useCallback(
    (next: Language) => {
      rememberLanguage(next);
      applyLanguageSideEffects(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return { language, setLanguage };
}
