import { Layout, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { NotificationBell } from '../../notifications';
import { SessionMenu } from '../../session/components/SessionMenu';
import { headerBarStyle, ProductTitle } from './ProductTitle';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header style={headerBarStyle}>
      <Link to="/" aria-label={t('nav.home')} style={{ color: '#fff' }}>
        <ProductTitle tagline={t('app.tagline')} />
      </Link>
      <Space size="middle">
        <NotificationBell />
        <SessionMenu />
        <LanguageSwitch />
      </Space>
    </Layout.Header>
  );
}
