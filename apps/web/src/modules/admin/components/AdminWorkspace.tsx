import { Alert, Card, Tabs } from 'antd';
import type { AccessAction } from '@onewindow/contracts';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { AuditPanel } from './AuditPanel';
import { CalendarPanel } from './CalendarPanel';
import { CataloguePanel } from './CataloguePanel';
import { DepartmentsPanel } from './DepartmentsPanel';
import { UsersPanel } from './UsersPanel';

/** The workspace's pages, each behind its own grant (the API decides each request again). */
const sections: { key: string; action: AccessAction; Panel: () => React.JSX.Element | null }[] = [
  { key: 'users', action: 'user.manage', Panel: UsersPanel },
  { key: 'departments', action: 'department.manage', Panel: DepartmentsPanel },
  { key: 'calendar', action: 'calendar.write', Panel: CalendarPanel },
  { key: 'catalogue', action: 'catalogue.write', Panel: CataloguePanel },
  { key: 'audit', action: 'audit.read', Panel: AuditPanel },
];

/** 系统管理 (/admin/:section): users and roles, departments, the working calendar, the catalogue, the audit log. Administrators only. */
export function AdminWorkspace() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const { section } = useParams();
  if (session === undefined) return null;
  if (session === null)
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('admin.signInReason')} />
      </Card>
    );
  // Only administrators work here; a supervisor's audit.read alone does not open the workspace.
  if (!can('user.manage')) return <Alert type="warning" showIcon title={t('admin.notAllowed')} />;
  const allowed = sections.filter((s) => can(s.action));
  const active = allowed.find((s) => s.key === section) ?? allowed[0];
  return (
    <Card size="small">
      <Tabs
        activeKey={active.key}
        onChange={(key) => void navigate(`/admin/${key}`)}
        destroyOnHidden
        items={allowed.map(({ key, Panel }) => ({
          key,
          label: t(`admin.sections.${key}`),
          children: <Panel />,
        }))}
      />
    </Card>
  );
}
