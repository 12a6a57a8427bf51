import { useState } from 'react';
import { Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { ChangeOwnPasswordCard } from '../../admin';
import { useSession } from '../../session/hooks/use-session';
import { SideMenu } from './SideMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const { session, update } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <Layout>
        <Layout.Sider
          width={224}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          trigger={
            <span aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}>
              {collapsed ? '»' : '«'}
            </span>
          }
          style={{ borderInlineEnd: '1px solid #e8e8e8' }}
        >
          <SideMenu />
        </Layout.Sider>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 16, background: '#f3f5f8' }}>
          {/* A password an administrator set must be changed before anything else (the API refuses the rest). */}
          {session?.mustChangePassword ? (
            <ChangeOwnPasswordCard onChanged={(next) => update?.(next)} />
          ) : (
            <Outlet />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
