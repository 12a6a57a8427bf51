import type { CaseDetailsResponse, ProjectedTask } from '@onewindow/contracts';
import { caseStateQuery } from '@onewindow/workflows';
import type { TaskHolderModel as TaskHolder, TaskModel as Task } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import type { CaseView as CaseVisibility } from '../auth/access-policy';
import { notFound } from '../http/problem';
import { isTemporalUnreachable } from './temporal-errors';

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
    statutoryDueDate: row.statutoryDueDate,
    promisedDueDate: row.promisedDueDate,
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
    return limitToViewer(
      { ...base, source: 'workflow', view: view as unknown as CaseDetailsResponse['view'] },
      visible,
      row.applicant.idNumber,
    );
  } catch (error) {
    const note = isTemporalUnreachable(error)
      ? `Temporal at ${deps.temporal.address} did not answer in time: this is the database projection, which may lag the workflow`
      : `The workflow could not be queried (${error instanceof Error ? error.message : String(error)}): this is the database projection`;
    deps.logger.warn({ caseNo, err: error }, 'case view from the projection');
    return limitToViewer({ ...base, source: 'projection', note }, visible, row.applicant.idNumber);
  }
}
