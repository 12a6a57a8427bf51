import type { ReactNode } from 'react';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useLanguage } from '../hooks/use-language';
import type { Language } from '../i18n';

const antdLocales: Record<Language, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCNLocale,
  en: enUSLocale,
};

/** antd follows the interface language; AntdApp gives message/notification the same locale and theme. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider
      locale={antdLocales[language]}
      componentSize="middle"
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4, fontSize: 14 } }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
