import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language';
import type { Language } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { label: t('language.zh'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
    />
  );
}
