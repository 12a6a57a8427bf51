import {
  addWorkingDays,
  toShanghaiDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '@onewindow/calendar';
import type {
  Escalation,
  ExtensionRequest,
  SupervisedTask,
  SupervisionOverview,
  SupervisionOverviewQuery,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { stepNamesOf } from '../tasks/step-names';
import {
  departmentNames,
  escalationEvents,
  extensionDecisions,
  openTasksDueBy,
  reminderCounts,
  tasksOfSteps,
  userNames,
  type DepartmentScope,
} from './supervision.repository';

type Deps = Pick<ApiDeps, 'db' | 'logger'>;

/** At most this many rows per list: the oldest due first, enough for a page the supervisor acts on. */
const LIST_LIMIT = 500;
/** Escalations of the last 30 days before the reference day. */
const ESCALATION_DAYS = 30;

const json = (payload: string | null): Record<string, unknown> => {
  try {
    return payload ? (JSON.parse(payload) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/**
 * 督办 overview: the open tasks overdue on `on` and those due within `atRiskDays` working days, the
 * escalations the workflow raised, and the extension requests waiting for a lead's or the supervisor's approval.
 */
export async function supervisionOverview(
  deps: Deps,
  scope: DepartmentScope,
  q: SupervisionOverviewQuery,
  now: Date = new Date(),
): Promise<SupervisionOverview> {
  const { calendar } = await getCalendarInForce(deps, now);
  const on = q.on ?? toShanghaiDate(now.getTime());
  const riskEnd = addWorkingDays(calendar, on, q.atRiskDays ?? 2);
  const [tasks, escalations, extensions] = await Promise.all([
    dueTasks(deps, scope, on, riskEnd, calendar),
    escalationList(deps, scope, on),
    pendingExtensions(deps, scope),
  ]);
  return {
    on,
    departments: scope ? [...scope] : null,
    overdue: tasks.filter((t) => t.dueDate < on),
    atRisk: tasks.filter((t) => t.dueDate >= on),
    escalations,
    extensions,
  };
}

async function dueTasks(
  deps: Deps,
  scope: DepartmentScope,
  on: string,
  riskEnd: string,
  calendar: WorkingCalendar,
): Promise<SupervisedTask[]> {
  const rows = await openTasksDueBy(deps.db, scope, riskEnd, LIST_LIMIT);
  const caseNos = [...new Set(rows.map((r) => r.caseNo))];
  const holdersOf = (r: (typeof rows)[number]) =>
    r.holders.length > 0 ? r.holders.map((h) => h.userId).sort() : r.assigneeUserId ? [r.assigneeUserId] : [];
  const [stepNames, departments, people, reminders] = await Promise.all([
    stepNamesOf(
      deps.db,
      rows.map((r) => r.case.flowVersionId),
    ),
    departmentNames(
      deps.db,
      rows.map((r) => r.departmentCode),
    ),
    userNames(deps.db, rows.flatMap(holdersOf)),
    reminderCounts(deps.db, caseNos),
  ]);
  return rows.map((r) => ({
    caseNo: r.caseNo,
    stepId: r.stepId,
    stepName: stepNames.get(`${r.case.flowVersionId}\u0000${r.stepId}`) ?? r.stepId,
    departmentCode: r.departmentCode,
    departmentName: departments.get(r.departmentCode) ?? r.departmentCode,
    holders: holdersOf(r).map((id) => ({ id, name: people.get(id) ?? id })),
    openedAt: r.openedAt.toISOString(),
    dueDate: r.dueDate!,
    workingDaysLeft: workingDaysBetween(calendar, on, r.dueDate!),
    statutoryDueDate: r.case.statutoryDueDate,
    reminders: reminders.get(`${r.caseNo}\u0000step:${r.stepId}`) ?? 0,
  }));
}

async function escalationList(deps: Deps, scope: DepartmentScope, on: string): Promise<Escalation[]> {
  const since = new Date(`${addNaturalDaysBack(on, ESCALATION_DAYS)}T00:00:00+08:00`);
  const events = await escalationEvents(deps.db, since, LIST_LIMIT * 4);
  const steps = events.map((e) => ({ caseNo: e.caseNo, stepId: e.clockId.replace(/^step:/, '') }));
  const tasks = await tasksOfSteps(deps.db, steps);
  const latest = new Map<string, (typeof tasks)[number]>();
  for (const t of tasks) {
    const key = `${t.caseNo}\u0000${t.stepId}`;
    if ((latest.get(key)?.seq ?? -1) < t.seq) latest.set(key, t);
  }
  const rows = events
    .map((e, i) => {
      const p = json(e.payload);
      const task = latest.get(`${steps[i].caseNo}\u0000${steps[i].stepId}`);
      // Rows recorded before the routing named real departments said `WINDOW`; the step's task knows better.
      const named =
        typeof p.departmentCode === 'string' && p.departmentCode !== 'WINDOW' ? p.departmentCode : null;
      const departmentCode = named ?? task?.departmentCode ?? null;
      return {
        event: e,
        p,
        step: steps[i],
        departmentCode,
        windowDepartmentCode: typeof p.windowDepartmentCode === 'string' ? p.windowDepartmentCode : null,
        open: task?.state === 'open',
      };
    })
    .filter(
      (r) =>
        !scope ||
        (r.departmentCode !== null && scope.includes(r.departmentCode)) ||
        (r.windowDepartmentCode !== null && scope.includes(r.windowDepartmentCode)),
    )
    .slice(0, LIST_LIMIT);
  const leadIds = rows.flatMap((r) => (Array.isArray(r.p.leads) ? r.p.leads.map(String) : []));
  const [departments, people] = await Promise.all([
    departmentNames(
      deps.db,
      rows.flatMap((r) => (r.departmentCode ? [r.departmentCode] : [])),
    ),
    userNames(deps.db, leadIds),
  ]);
  return rows.map((r) => ({
    caseNo: r.step.caseNo,
    stepId: r.step.stepId,
    departmentCode: r.departmentCode,
    departmentName: r.departmentCode ? (departments.get(r.departmentCode) ?? r.departmentCode) : '—',
    leads: (Array.isArray(r.p.leads) ? r.p.leads.map(String) : []).map((id) => ({
      id,
      name: people.get(id) ?? id,
    })),
    windowDepartmentCode: r.windowDepartmentCode,
    dueDate: typeof r.p.dueDate === 'string' ? r.p.dueDate : null,
    escalatedAt: r.event.at.toISOString(),
    open: r.open,
  }));
}

/** `on` minus `days` natural days (a plain date subtraction). */
function addNaturalDaysBack(on: string, days: number): string {
  const d = new Date(`${on}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

async function pendingExtensions(deps: Deps, scope: DepartmentScope): Promise<ExtensionRequest[]> {
  const decisions = await extensionDecisions(deps.db, scope);
  const waiting = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) {
    if (!d.stepId) continue;
    const key = `${d.caseNo}\u0000${d.stepId}`;
    if (d.verb === 'extension_requested') waiting.set(key, d);
    else waiting.delete(key);
  }
  const requests = [...waiting.values()];
  const tasks = await tasksOfSteps(
    deps.db,
    requests.map((r) => ({ caseNo: r.caseNo, stepId: r.stepId! })),
  );
  const openDepartment = new Map(
    tasks.filter((t) => t.state === 'open').map((t) => [`${t.caseNo}\u0000${t.stepId}`, t.departmentCode]),
  );
  const open = requests
    .map((r) => ({ r, departmentCode: openDepartment.get(`${r.caseNo}\u0000${r.stepId}`) }))
    .filter(
      (x): x is { r: (typeof requests)[number]; departmentCode: string } =>
        x.departmentCode !== undefined && (!scope || scope.includes(x.departmentCode)),
    );
  const [stepNames, departments, people] = await Promise.all([
    stepNamesOf(
      deps.db,
      open.map((x) => x.r.case.flowVersionId),
    ),
    departmentNames(
      deps.db,
      open.map((x) => x.departmentCode),
    ),
    userNames(
      deps.db,
      open.map((x) => x.r.actorUserId),
    ),
  ]);
  return open
    .sort((a, b) => a.r.decidedAt.getTime() - b.r.decidedAt.getTime())
    .map(({ r, departmentCode }) => {
      const p = json(r.payload);
      return {
        caseNo: r.caseNo,
        stepId: r.stepId!,
        stepName: stepNames.get(`${r.case.flowVersionId}\u0000${r.stepId}`) ?? r.stepId!,
        departmentCode,
        departmentName: departments.get(departmentCode) ?? departmentCode,
        days: typeof p.days === 'number' ? p.days : 0,
        reason: typeof p.reason === 'string' ? p.reason : '',
        requestedBy: { id: r.actorUserId, name: people.get(r.actorUserId) ?? r.actorUserId },
        requestedAt: r.decidedAt.toISOString(),
        statutoryDueDate: r.case.statutoryDueDate,
      };
    });
}
