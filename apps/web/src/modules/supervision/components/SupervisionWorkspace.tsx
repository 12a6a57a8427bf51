import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import type { ExtensionRequest, Role, SupervisedTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { BulkReassignModal } from '../../approvals/components/BulkReassignModal';
import { CaseFileDrawer } from '../../approvals/components/CaseFileDrawer';
import { DepartmentSwitcher } from '../../departments/components/DepartmentSwitcher';
import { useDepartments } from '../../departments/hooks/use-departments';
import { useMyDepartments } from '../../departments/hooks/use-my-departments';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { fetchOverview } from '../api/supervision.api';
import { ApproveExtensionModal } from './ApproveExtensionModal';
import { EscalationTable, ExtensionTable, TaskTable } from './SupervisionTables';
import { RemindModal } from './RemindModal';
import { RectificationPanel } from './RectificationPanel';

// ECharts is large: the figures load in their own chunk when their tab is opened.
/** A lead's 督办 covers the departments they lead. */
const LEAD_ROLES: readonly Role[] = ['dept_lead'];
const FiguresPanel = lazy(() => import('./FiguresPanel').then((m) => ({ default: m.FiguresPanel })));
const DemandPanel = lazy(() => import('./DemandPanel').then((m) => ({ default: m.DemandPanel })));
const EvaluationRatesPanel = lazy(() =>
  import('./EvaluationRatesPanel').then((m) => ({ default: m.EvaluationRatesPanel })),
);

type Tab =
  | 'extensions'
  | 'overdue'
  | 'atRisk'
  | 'escalations'
  | 'figures'
  | 'demand'
  | 'rectifications'
  | 'evaluations';

/**
 * 督办: a department lead sees their department (or, holding roles in several, the one switched to), the centre
 * supervisor every department (or one picked):
 * the extension requests waiting for approval, overdue and at-risk work with 催办, the escalations the
 * workflow raised, the per-department figures, demand analytics, 差评整改 and the 好差评 rates, and the
 * hand-over of a person's open work (leave, departure).
 */
export function SupervisionWorkspace() {
  const { t } = useTranslation();
  const { session, can } = useSession();
  const me = session?.user;
  const allowed = can('supervision.read');
  const centreWide = !!me?.roles.includes('supervisor');
  const departments = useDepartments(centreWide);
  const [picked, setPicked] = useState<string>();
  // A lead works in their own department, or switches to another they hold a role in (docs/decisions/0023).
  const led = useMyDepartments(LEAD_ROLES);
  const department = centreWide ? picked : led.department;
  const overview = useApiQuery(
    `supervision-overview:${department ?? '*'}`,
    (signal) => fetchOverview({ department }, signal),
    { refreshIntervalMs: 60_000, enabled: !!me && allowed },
  );
  const [tab, setTab] = useState<Tab>('extensions');
  const [openCase, setOpenCase] = useState<string>();
  const [approving, setApproving] = useState<ExtensionRequest>();
  const [reminding, setReminding] = useState<SupervisedTask>();
  const [reassigning, setReassigning] = useState(false);
  const data = overview.data;
  const query = { department };
  const count = (n: number | undefined, danger = false) => (
    <Badge
      count={n ?? 0}
      showZero
      color={danger && (n ?? 0) > 0 ? 'red' : '#8c8c8c'}
      style={{ marginInlineStart: 4 }}
    />
  );

  /** A list tab: its label with the count (red when it asks for action), the list once the overview is in. */
  const listTab = (key: Tab, testId: string, n: number | undefined, danger: boolean, list: ReactNode) => ({
    key,
    label: (
      <span data-testid={`tab-${testId}`}>
        {t(`supervision.tabs.${key}`)}
        {count(n, danger)}
      </span>
    ),
    children: data && list,
  });
  const taskTable = (table: 'overdue' | 'at-risk', rows: SupervisedTask[]) => (
    <TaskTable table={table} rows={rows} query={query} onOpenCase={setOpenCase} onRemind={setReminding} />
  );

  const tabs = [
    listTab(
      'extensions',
      'extensions',
      data?.extensions.length,
      true,
      data && (
        <ExtensionTable
          rows={data.extensions}
          query={query}
          onOpenCase={setOpenCase}
          onApprove={setApproving}
        />
      ),
    ),
    listTab('overdue', 'overdue', data?.overdue.length, true, data && taskTable('overdue', data.overdue)),
    listTab('atRisk', 'at-risk', data?.atRisk.length, false, data && taskTable('at-risk', data.atRisk)),
    listTab(
      'escalations',
      'escalations',
      data?.escalations.filter((e) => e.open).length,
      true,
      data && <EscalationTable rows={data.escalations} query={query} onOpenCase={setOpenCase} />,
    ),
    {
      key: 'figures',
      label: <span data-testid="tab-figures">{t('supervision.tabs.figures')}</span>,
      children: tab === 'figures' && (
        <Suspense fallback={<Skeleton active />}>
          <FiguresPanel department={query.department} />
        </Suspense>
      ),
    },
    {
      key: 'demand',
      label: <span data-testid="tab-demand">{t('supervision.tabs.demand')}</span>,
      children: tab === 'demand' && (
        <Suspense fallback={<Skeleton active />}>
          <DemandPanel department={query.department} />
        </Suspense>
      ),
    },
    {
      key: 'rectifications',
      label: <span data-testid="tab-rectifications">{t('evaluation.orders.tab')}</span>,
      children: tab === 'rectifications' && (
        <RectificationPanel department={query.department} onOpenCase={setOpenCase} />
      ),
    },
    {
      key: 'evaluations',
      label: <span data-testid="tab-evaluations">{t('supervision.tabs.evaluations')}</span>,
      children: tab === 'evaluations' && (
        <Suspense fallback={<Skeleton active />}>
          <EvaluationRatesPanel department={query.department} />
        </Suspense>
      ),
    },
  ];

  if (session === undefined) return null;
  if (session === null)
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('supervision.signInReason')} />
      </Card>
    );
  if (!allowed)
    return (
      <Alert type="info" showIcon title={t('supervision.noAccess')} data-testid="supervision-no-access" />
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="supervision">
      <Space wrap>
        {centreWide ? (
          <Select
            style={{ minWidth: 260 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('supervision.allDepartments')}
            aria-label={t('supervision.department')}
            data-testid="supervision-department"
            loading={departments.loading}
            value={picked}
            onChange={(v) => setPicked(v)}
            options={(departments.data?.departments ?? []).map((d) => ({
              value: d.code,
              label: `${d.name}（${d.code}）`,
            }))}
          />
        ) : led.mine.length > 1 ? (
          <DepartmentSwitcher
            testId="supervision-lead-department"
            departments={led.mine}
            value={department}
            onChange={led.choose}
          />
        ) : (
          <Typography.Text strong>
            {t('supervision.ownDepartment', { department: me?.departmentCode ?? '—' })}
          </Typography.Text>
        )}
        <Button icon={<ReloadOutlined />} onClick={overview.refresh} loading={overview.loading}>
          {t('supervision.refresh')}
        </Button>
        <Button
          icon={<SwapOutlined />}
          disabled={!department}
          title={department ? undefined : t('supervision.reassignPickDepartment')}
          onClick={() => setReassigning(true)}
          data-testid="supervision-reassign"
        >
          {t('supervision.reassign')}
        </Button>
        {data && (
          <Typography.Text type="secondary">
            {t('supervision.referenceDay', { day: data.on })}
          </Typography.Text>
        )}
      </Space>
      {centreWide && !picked && <Alert type="info" showIcon title={t('supervision.allDepartmentsHint')} />}
      {overview.error !== undefined && <ApiErrorAlert error={overview.error} onRetry={overview.refresh} />}
      {!data && overview.error === undefined && <Skeleton active />}
      <Tabs activeKey={tab} onChange={(k) => setTab(k as Tab)} items={tabs} />
      {openCase && me && (
        <CaseFileDrawer
          caseNo={openCase}
          me={me.id}
          onClose={() => setOpenCase(undefined)}
          onChanged={overview.refresh}
        />
      )}
      {approving && (
        <ApproveExtensionModal
          request={approving}
          onClose={() => setApproving(undefined)}
          onDone={overview.refresh}
          onOpenCase={(caseNo) => {
            setApproving(undefined);
            setOpenCase(caseNo);
          }}
        />
      )}
      {reminding && (
        <RemindModal task={reminding} onClose={() => setReminding(undefined)} onDone={overview.refresh} />
      )}
      {reassigning && department && (
        <BulkReassignModal
          department={department}
          onClose={() => setReassigning(false)}
          onDone={overview.refresh}
        />
      )}
    </Space>
  );
}
