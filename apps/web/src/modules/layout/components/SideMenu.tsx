import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../../session/hooks/use-session';
import { visibleTo, workspaces, type Workspace } from '../workspaces';

function toMenuItem(
  workspace: Workspace,
  label: (w: Workspace) => string,
): NonNullable<MenuProps['items']>[number] {
  const Icon = workspace.icon;
  if (workspace.children) {
    return {
      key: workspace.key,
      icon: <Icon />,
      label: label(workspace),
      children: workspace.children.map((child) => toMenuItem(child, label)),
    };
  }
  return { key: workspace.key, icon: <Icon />, label: <Link to={workspace.path}>{label(workspace)}</Link> };
}

function selectedKey(pathname: string): string {
  const leaves = workspaces.flatMap((w) => w.children ?? [w]);
  const match = leaves.filter((w) =>
    w.path === '/' ? pathname === '/' : pathname === w.path || pathname.startsWith(`${w.path}/`),
  );
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.key ?? '';
}

export function SideMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { can } = useSession();
  const items = workspaces
    .filter(visibleTo(can))
    .map((workspace) => toMenuItem(workspace, (w) => t(w.labelKey)));
  return (
    <nav aria-label={t('app.mainNavigation')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[selectedKey(pathname)]}
        defaultOpenKeys={['window']}
        style={{ borderInlineEnd: 0 }}
      />
    </nav>
  );
}
