import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Space, Tabs, Typography } from 'antd';
import { CheckOutlined, SwapOutlined } from '@ant-design/icons';
import type { InboxTask, InboxView, Role } from '@onewindow/contracts';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { SignInForm } from '../../session/components/SignInForm';
import { useSession } from '../../session/hooks/use-session';
import { useCopiedCases, useInbox } from '../hooks/use-inbox';
import { DepartmentSwitcher } from '../../departments/components/DepartmentSwitcher';
import { useMyDepartments } from '../../departments/hooks/use-my-departments';
import { useTaskEvents } from '../hooks/use-task-events';
import { LiveStatus } from './LiveStatus';
import { sendCaseAction } from '../api/approvals.api';
import { newIdempotencyKey } from '../utils/idempotency-key';
import { ActionProblem } from './ActionProblem';
import { BulkApproveModal } from './BulkApproveModal';
import { BulkReassignModal } from './BulkReassignModal';
import { CaseFileDrawer } from './CaseFileDrawer';
import { CopiedCasesTable } from './CopiedCasesTable';
import { InboxFilters, type InboxFilterValues } from './InboxFilters';
import { InboxTable } from './InboxTable';

type Tab = InboxView | 'copied';
const tabs: Tab[] = ['to_claim', 'mine', 'done', 'copied', 'supplement', 'special', 'department'];
/** The roles that work a department's inbox: the API's access policy gives them task.list in their departments. */
const INBOX_ROLES: readonly Role[] = ['dept_approver', 'dept_lead'];

/**
 * 部门审批: the signed-in approver's inbox views, the case file (drawer, `?case=`), every verb as a form,
 * and the leads' bulk actions. Loads again on focus, after every action, and on every server-sent task
 * event of the department (useTaskEvents; the tag beside the tabs says whether the stream is live). A user who
 * holds roles in several departments switches between their inboxes (their own department first).
 */
export function ApprovalsWorkspace() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState<Tab>('mine');
  const [filters, setFilters] = useState<InboxFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<InboxTask[]>([]);
  const [bulk, setBulk] = useState<'approve' | 'reassign'>();
  const [claiming, setClaiming] = useState<string>();
  const [claimError, setClaimError] = useState<unknown>();
  // The departments the user holds a role in (session grants): their own first, then the others.
  const { mine: myDepartments, department, choose: setChosenDepartment } = useMyDepartments(INBOX_ROLES);
  const allowed = can('task.list') && department !== undefined;
  const query = useMemo(
    () =>
      allowed && tab !== 'copied' ? { department: department!, view: tab, ...filters, ...paging } : undefined,
    [allowed, department, tab, filters, paging],
  );
  const inbox = useInbox(query);
  const copied = useCopiedCases(paging.page, paging.pageSize, session != null && tab === 'copied');
  const live = useTaskEvents(allowed ? (filters.department ?? department) : undefined, inbox.refresh);
  const openCase = params.get('case') ?? undefined;
  const itemOptions = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const task of inbox.data?.items ?? [])
      for (const i of task.items) byCode.set(i.implementationCode, i.name);
    return [...byCode].map(([code, name]) => ({ code, name }));
  }, [inbox.data]);

  if (session === undefined) return null;
  if (session === null)
    return (
      <Card title={t('session.signIn')}>
        <SignInForm reason={t('approvals.signInReason')} />
      </Card>
    );

  const refresh = () => {
    inbox.refresh();
    copied.refresh();
  };
  const show = (caseNo: string) => setParams({ case: caseNo });
  // 签收 from the 待签收 row: the workflow decides; a colleague who was quicker is named in the refusal.
  const claim = async (task: InboxTask) => {
    setClaiming(task.id);
    setClaimError(undefined);
    try {
      await sendCaseAction(task.caseNo, { verb: 'claim', stepId: task.stepId }, newIdempotencyKey('claim'));
      void message.success(t('approvals.claim.done'));
    } catch (failure) {
      setClaimError(failure);
    } finally {
      setClaiming(undefined);
      refresh();
    }
  };
  const selectable = tab === 'mine' && can('case.decide');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!can('task.list') && <Alert type="warning" showIcon title={t('approvals.notAllowed')} />}
      {can('task.list') && department === undefined && (
        <Alert type="warning" showIcon title={t('approvals.noDepartment')} />
      )}
      <Card size="small">
        <DepartmentSwitcher
          testId="inbox-department"
          style={{ marginBottom: 8 }}
          departments={myDepartments}
          value={department}
          onChange={(code) => {
            setChosenDepartment(code);
            setPaging((p) => ({ ...p, page: 1 }));
            setSelected([]);
            setClaimError(undefined);
          }}
        />
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            setPaging((p) => ({ ...p, page: 1 }));
            setSelected([]);
            setClaimError(undefined);
          }}
          items={tabs.map((key) => ({ key, label: t(`approvals.views.${key}`) }))}
          tabBarExtraContent={allowed ? <LiveStatus state={live} /> : undefined}
        />
        {tab !== 'copied' && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <InboxFilters
              items={itemOptions}
              loading={inbox.loading}
              onRefresh={refresh}
              onSearch={(values) => {
                setFilters(values);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            />
            {(selectable || can('task.reassign')) && (
              <Space wrap>
                {selectable && (
                  <Button
                    icon={<CheckOutlined />}
                    disabled={selected.length === 0}
                    onClick={() => setBulk('approve')}
                  >
                    {t('approvals.bulk.approve')}
                  </Button>
                )}
                {can('task.reassign') && (
                  <Button icon={<SwapOutlined />} onClick={() => setBulk('reassign')}>
                    {t('approvals.bulk.reassign')}
                  </Button>
                )}
                {selected.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('approvals.bulk.selected', { n: selected.length })}
                  </Typography.Text>
                )}
              </Space>
            )}
            {inbox.error !== undefined && <ApiErrorAlert error={inbox.error} onRetry={inbox.refresh} />}
            {claimError !== undefined && <ActionProblem error={claimError} onReload={refresh} />}
            <InboxTable
              view={tab}
              page={inbox.data}
              loading={inbox.loading}
              onOpen={(task) => show(task.caseNo)}
              onPage={(page, pageSize) => setPaging({ page, pageSize })}
              selection={selectable ? { keys: selected.map((s) => s.id), onChange: setSelected } : undefined}
              onClaim={tab === 'to_claim' && can('case.decide') ? (task) => void claim(task) : undefined}
              claiming={claiming}
            />
          </Space>
        )}
        {tab === 'copied' && (
          <>
            {copied.error !== undefined && <ApiErrorAlert error={copied.error} onRetry={copied.refresh} />}
            <CopiedCasesTable
              page={copied.data}
              loading={copied.loading}
              onOpen={show}
              onPage={(page, pageSize) => setPaging({ page, pageSize })}
            />
          </>
        )}
      </Card>
      {openCase && (
        <CaseFileDrawer
          caseNo={openCase}
          me={session.user.id}
          onClose={() => setParams({})}
          onChanged={refresh}
        />
      )}
      {bulk === 'approve' && (
        <BulkApproveModal
          tasks={selected}
          onClose={() => setBulk(undefined)}
          onDone={() => {
            setSelected([]);
            refresh();
          }}
        />
      )}
      {bulk === 'reassign' && department && (
        <BulkReassignModal department={department} onClose={() => setBulk(undefined)} onDone={refresh} />
      )}
    </Space>
  );
}
