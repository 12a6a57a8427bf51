import { Flex, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { SessionMenu } from '../../session/components/SessionMenu';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        paddingInline: 20,
        height: 52,
        lineHeight: '52px',
        background: '#0f3d7a',
      }}
    >
      <Link to="/" aria-label={t('nav.home')} style={{ color: '#fff' }}>
        <Flex align="baseline" gap={10}>
          <Typography.Title
            level={1}
            style={{ color: '#fff', margin: 0, fontSize: 19, letterSpacing: 1 }}
            data-testid="product-name"
          >
            一窗通办 <span style={{ fontWeight: 400, fontSize: 15 }}>OneWindow</span>
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', fontSize: 12 }}>
            {t('app.tagline')}
          </Typography.Text>
        </Flex>
      </Link>
      <Space size="middle">
        <SessionMenu />
        <LanguageSwitch />
      </Space>
    </Layout.Header>
  );
}
