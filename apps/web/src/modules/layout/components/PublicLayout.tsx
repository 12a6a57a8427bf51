import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { headerBarStyle, ProductTitle } from './ProductTitle';

/**
 * The frame of the applicant's pages (网上申报, 办件查询): the product's name and the language switch, and
 * nothing of the staff's — no menu of workspaces, no sign-in. An applicant has no business there.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Header style={headerBarStyle}>
        <ProductTitle tagline={t('app.publicTagline')} />
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content
        id="main-content"
        tabIndex={-1}
        data-testid="public-layout"
        style={{ padding: '16px 24px', background: '#f3f5f8' }}
      >
        <div style={{ maxWidth: 1080, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
