import { yearsWithoutNotice, provisionalReason, type WorkingCalendar } from '@onewindow/calendar';
import type { CaseDetailsResponse, CaseLimitBasis, ProjectedTask } from '@onewindow/contracts';
import { servicePlanSchema } from '@onewindow/flow-model';
import { caseStateQuery } from '@onewindow/workflows';
import type { CaseModel, TaskHolderModel as TaskHolder, TaskModel as Task } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import type { CaseView as CaseVisibility } from '../auth/access-policy';
import { notFound } from '../http/problem';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { shanghaiDay } from './case-number';
import { caseLimits, jointDeclaration } from './case-plan';
import { isTemporalUnreachable } from './temporal-errors';
import { SYSTEM_ACCEPTOR, SYSTEM_ACCEPTOR_LABEL } from './system-acceptor';
import { activeBundle } from './validate-application';

export const toProjectedTask = (t: Task & { holders?: TaskHolder[] }): ProjectedTask => ({
  id: t.id,
  caseNo: t.caseNo,
  stepId: t.stepId,
  generation: t.seq,
  departmentCode: t.departmentCode,
  role: t.role,
  assigneeUserId: t.assigneeUserId,
  holders: t.holders ? t.holders.map((h) => h.userId).sort() : t.assigneeUserId ? [t.assigneeUserId] : [],
  state: t.state as ProjectedTask['state'],
  outcome: t.outcome,
  openedAt: t.openedAt.toISOString(),
  dueDate: t.dueDate,
  closedAt: t.closedAt?.toISOString() ?? null,
});

/** Only the first 3 and last 4 characters: enough to confirm, not to copy. */
const mask = (id: string): string =>
  `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;

const FULL: CaseVisibility = { applicantIdentity: 'full', materials: true, departments: 'all' };

/** Keeps what the viewer may see: other departments' steps, tasks and step history are left out. */
export function limitToViewer(
  details: CaseDetailsResponse,
  visible: CaseVisibility,
  idNumber: string,
): CaseDetailsResponse {
  const own = (departmentCode: string) =>
    visible.departments === 'all' || visible.departments.includes(departmentCode);
  const withIdentity =
    visible.applicantIdentity === 'full'
      ? { ...details, applicant: { ...details.applicant, idNumber } }
      : details;
  if (visible.departments === 'all') return withIdentity;
  const view = details.view;
  const hidden = new Set(view?.steps.filter((s) => !own(s.departmentCode)).map((s) => s.stepId) ?? []);
  return {
    ...withIdentity,
    tasks: details.tasks.filter((t) => own(t.departmentCode)),
    ...(view
      ? {
          view: {
            ...view,
            steps: view.steps.filter((s) => !hidden.has(s.stepId)),
            history: view.history.filter((h) => typeof h.stepId !== 'string' || !hidden.has(h.stepId)),
          },
        }
      : {}),
  };
}

/** The workflow's own view when Temporal answers; otherwise the database projection, saying so. */
export async function caseDetails(
  deps: ApiDeps,
  caseNo: string,
  visible: CaseVisibility = FULL,
): Promise<CaseDetailsResponse> {
  const row = await deps.db.case.findUnique({
    where: { caseNo },
    include: {
      applicant: true,
      items: true,
      tasks: { orderBy: [{ stepId: 'asc' }, { seq: 'asc' }], include: { holders: true } },
    },
  });
  if (!row) throw notFound(`No case ${caseNo}`);
  const certificates = await deps.db.certificate.findMany({
    where: { sourceCaseNo: caseNo },
    orderBy: { number: 'asc' },
  });
  const base: Omit<CaseDetailsResponse, 'source'> = {
    caseNo,
    status: row.status,
    applicant: {
      kind: row.applicant.kind,
      name: row.applicant.name,
      idNumberMasked: mask(row.applicant.idNumber),
    },
    items: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    ...optional('acceptedBy', row.acceptedAt ? await acceptorOf(deps, row.acceptedBy) : undefined),
    statutoryDueDate: row.statutoryDueDate,
    promisedDueDate: row.promisedDueDate,
    kind: row.kind,
    bundleCode: row.bundleCode,
    ...optional('limitBasis', await limitBasisOf(deps, row)),
    tasks: row.tasks.map(toProjectedTask),
    certificates: certificates.map((c) => ({
      number: c.number,
      typeCode: c.typeCode,
      status: c.status,
      validFrom: c.validFrom,
    })),
  };
  try {
    const view = await deps.temporal.connection.withDeadline(Date.now() + 5_000, () =>
      deps.temporal.client.workflow.getHandle(caseNo).query(caseStateQuery),
    );
    const shown = view as unknown as NonNullable<CaseDetailsResponse['view']>;
    const dues = [
      shown.clocks.statutory,
      shown.clocks.promised,
      shown.clocks.issuance,
      ...shown.steps.map((s) => s.clock),
    ].flatMap((c) => (c?.provisional && c.dueDate ? [c.dueDate] : []));
    return limitToViewer(
      {
        ...base,
        ...optional('provisional', await provisionalOf(deps, row.acceptedAt, dues)),
        source: 'workflow',
        view: shown,
      },
      visible,
      row.applicant.idNumber,
    );
  } catch (error) {
    const note = isTemporalUnreachable(error)
      ? `Temporal at ${deps.temporal.address} did not answer in time: this is the database projection, which may lag the workflow`
      : `The workflow could not be queried (${error instanceof Error ? error.message : String(error)}): this is the database projection`;
    deps.logger.warn({ caseNo, err: error }, 'case view from the projection');
    const dues = [row.statutoryDueDate, row.promisedDueDate].flatMap((d) => (d ? [d] : []));
    return limitToViewer(
      {
        ...base,
        ...optional('provisional', await provisionalOf(deps, row.acceptedAt, dues)),
        source: 'projection',
        note,
      },
      visible,
      row.applicant.idNumber,
    );
  }
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

const isoDay = (at: Date): string => {
  const d = shanghaiDay(at);
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
};

/**
 * Which years without a holiday notice the due dates shown count on ("provisional: no holiday notice for 2027
 * yet"), from acceptance to the latest of them, on the calendar in force; undefined when none does.
 */
async function provisionalOf(
  deps: ApiDeps,
  acceptedAt: Date | null,
  dueDates: string[],
): Promise<CaseDetailsResponse['provisional']> {
  if (!acceptedAt || dueDates.length === 0) return undefined;
  const from = isoDay(acceptedAt);
  const to = dueDates.reduce((a, b) => (a > b ? a : b));
  if (to < from) return undefined;
  const { calendar } = await getCalendarInForce(deps);
  return provisionalFor(calendar, from, to);
}

function provisionalFor(
  calendar: WorkingCalendar,
  from: string,
  to: string,
): CaseDetailsResponse['provisional'] {
  const years = yearsWithoutNotice(calendar, from, to);
  const reason = provisionalReason(calendar, from, to);
  return years.length > 0 && reason
    ? { yearsWithoutNotice: years, reason: `provisional: ${reason}` }
    : undefined;
}

/**
 * Which statutory limit the case runs on and why, worked out again as at acceptance (caseLimits) from its item
 * versions, the bundle it was accepted as and its pinned plan. Undefined when an item version is gone.
 */
export async function limitBasisOf(
  deps: Pick<ApiDeps, 'db'>,
  row: Pick<CaseModel, 'bundleCode' | 'flowVersionId'> & {
    items: { implementationCode: string; itemVersion: number }[];
  },
): Promise<CaseLimitBasis | undefined> {
  if (row.items.length === 0) return undefined;
  const [items, bundle, flow] = await Promise.all([
    deps.db.item.findMany({
      where: {
        OR: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
      },
    }),
    row.bundleCode ? activeBundle(deps.db, row.bundleCode) : undefined,
    row.flowVersionId ? deps.db.flowVersion.findUnique({ where: { id: row.flowVersionId } }) : null,
  ]);
  const plan = flow ? servicePlanSchema.safeParse(JSON.parse(flow.planJson)) : undefined;
  if (items.length < row.items.length || !plan?.success) return undefined;
  const declared = jointDeclaration(bundle, plan.data);
  // The bundle code is the case's even if that bundle is no longer active.
  return caseLimits(items, plan.data, {
    ...declared,
    ...(row.bundleCode ? { bundleCode: row.bundleCode } : {}),
  }).basis;
}

/** Who accepted a case as the case file shows it: the clerk by name, or the system (视为受理). */
async function acceptorOf(
  deps: Pick<ApiDeps, 'db'>,
  acceptedBy: string | null,
): Promise<CaseDetailsResponse['acceptedBy']> {
  if (acceptedBy === SYSTEM_ACCEPTOR) return { kind: 'system', name: SYSTEM_ACCEPTOR_LABEL };
  if (!acceptedBy) return undefined;
  const clerk = await deps.db.user.findUnique({ where: { id: acceptedBy }, select: { displayName: true } });
  return { kind: 'clerk', name: clerk?.displayName ?? acceptedBy };
}
