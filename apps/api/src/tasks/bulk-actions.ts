import type { ApproveTasksRequest, BulkItemResult, ReassignTasksRequest } from '@onewindow/contracts';
import { caseStateQuery } from '@onewindow/workflows';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { isUniqueViolation } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { departmentsOf } from '../auth/grants';
import type { AuthUser } from '../auth/auth-context';
import { caseActionUpdate } from '../cases/case-actions';
import { checkPeople, peopleProblem } from '../cases/case-people';
import { requestHash } from '../cases/idempotency-key';
import { isTemporalUnreachable } from '../cases/temporal-errors';
import { ProblemError, ProblemType } from '../http/problem';
import { refusalSentence } from './action-refusals';

type Deps = Pick<ApiDeps, 'db' | 'temporal'>;
type Problems = { path: string; message: string }[];

/** Updates wait for the worker; bounded like single actions. */
const updateDeadline = () => Date.now() + 30_000;

/** A per-item Update id derived from the request's Idempotency-Key: a retried batch applies each item once. */
const itemUpdateId = (key: string | undefined, caseNo: string, stepId: string) =>
  key ? `${key}:${caseNo}:${stepId}` : undefined;

/**
 * The workflow's refusal — a claimed, changed, decided or other department's task as the single action says it
 * (refusalSentence: who did what and when, in Chinese), else its validator's sentence — or why the Update could
 * not be sent.
 */
async function refusal(deps: Pick<ApiDeps, 'db'>, error: unknown, address: string): Promise<string> {
  if (error instanceof WorkflowUpdateFailedError)
    return (await refusalSentence(deps, error.cause)) ?? error.cause?.message ?? error.message;
  if (isTemporalUnreachable(error))
    return `Temporal at ${address} did not answer in time; nothing is known to have changed for this task, send it again`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Bulk requests with an Idempotency-Key: the answer is kept under (route, user, key), so a retried batch
 * gets the first answer instead of being validated again against tasks it already closed. The same key
 * with a different body is 422. (Each item's Update id also derives from the key, so even a retry after
 * a crash before the answer was kept applies each item once.)
 */
export async function replayedBulkAnswer<T>(
  deps: Pick<ApiDeps, 'db'>,
  route: string,
  user: AuthUser,
  key: string | undefined,
  body: unknown,
): Promise<T | undefined> {
  if (!key) return undefined;
  const record = await deps.db.idempotencyRecord.findUnique({ where: { key: `${route}:${user.id}:${key}` } });
  if (!record) return undefined;
  if (record.requestHash !== requestHash(body)) {
    throw new ProblemError(
      422,
      ProblemType.conflict,
      'Idempotency key reused',
      `Idempotency-Key ${key} was already used for a different ${route} request; use a new key for a new batch`,
    );
  }
  return JSON.parse(record.response) as T;
}

export async function keepBulkAnswer(
  deps: Pick<ApiDeps, 'db'>,
  route: string,
  user: AuthUser,
  key: string | undefined,
  body: unknown,
  answer: unknown,
): Promise<void> {
  if (!key) return;
  try {
    await deps.db.idempotencyRecord.create({
      data: {
        key: `${route}:${user.id}:${key}`,
        requestHash: requestHash(body),
        response: JSON.stringify(answer),
        status: 200,
      },
    });
  } catch (error) {
    // A concurrent retry kept its answer first: both answers report the same Updates.
    if (!isUniqueViolation(error)) throw error;
  }
}

const summary = (items: BulkItemResult[]) => ({
  ok: items.filter((i) => i.outcome === 'ok').length,
  refused: items.filter((i) => i.outcome === 'refused').length,
  items,
});

/**
 * The department whose tasks a reassignment moves: the one the request names, when `from` holds a role there
 * (docs/decisions/0023), else that of `from` (who may be disabled: they left). 422 when `from` is unknown or
 * has no department; a Chinese 400 when the named department is not one `from` works in. Nothing is sent.
 */
export async function reassignmentDepartment(deps: Deps, request: ReassignTasksRequest): Promise<string> {
  const from = await deps.db.user.findUnique({
    where: { id: request.from },
    select: { departmentCode: true, roles: { select: { departmentCode: true } } },
  });
  const problems: Problems = from
    ? []
    : await checkPeople(deps, [request.from], { path: 'from', single: true, why: '' });
  if (from && !from.departmentCode && request.departmentCode === undefined)
    problems.push({
      path: 'from',
      message: `user "${request.from}" belongs to no department: there is no department inbox to reassign from`,
    });
  if (problems.length > 0 || !from)
    throw peopleProblem(
      `Nothing was reassigned — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  const asked = request.departmentCode;
  if (asked === undefined || asked === from.departmentCode) return asked ?? from.departmentCode!;
  if (from.roles.some((r) => r.departmentCode === asked)) return asked;
  const worksIn = [
    ...new Set([
      ...(from.departmentCode ? [from.departmentCode] : []),
      ...from.roles.map((r) => r.departmentCode).filter((c) => c !== ''),
    ]),
  ];
  const message = `用户“${request.from}”在部门 ${asked} 没有角色，不能转办其在该部门的待办；可选的部门：${worksIn.join('、') || '无'}（不填则为其所属部门）`;
  throw new ProblemError(400, ProblemType.validation, '输入有误', `未转办任何待办 — ${message}`, [
    { path: 'departmentCode', message },
  ]);
}

/** `to` must be an active member of the department (home, or a role granted there: 转办 stays inside it); 422 otherwise. */
export async function assertReassignableTo(
  deps: Deps,
  request: ReassignTasksRequest,
  departmentCode: string,
): Promise<void> {
  const problems = await checkPeople(deps, [request.to], {
    path: 'to',
    single: true,
    departmentCode,
    why: `tasks are reassigned inside department ${departmentCode}`,
  });
  if (problems.length > 0)
    throw peopleProblem(
      `Nothing was reassigned — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
}

/**
 * 转办 of every open place of `from` on the department's open steps, with the lead's authority. The open
 * steps are read from each workflow (the source of truth) for the cases with open tasks in the
 * department; each step is its own Update and is answered on its own. A place `from` holds as a
 * delegate (委派) cannot be handed on: it is reported, for the owner to take back or transfer.
 */
export async function reassignOpenTasks(
  deps: Deps,
  lead: AuthUser,
  departmentCode: string,
  request: ReassignTasksRequest,
  key?: string,
): Promise<ReturnType<typeof summary>> {
  const cases = await deps.db.task.findMany({
    where: { departmentCode, state: 'open' },
    select: { caseNo: true },
    distinct: ['caseNo'],
    orderBy: { caseNo: 'asc' },
  });
  const items: BulkItemResult[] = [];
  for (const { caseNo } of cases) {
    const handle = deps.temporal.client.workflow.getHandle(caseNo);
    let view;
    try {
      view = await deps.temporal.connection.withDeadline(Date.now() + 5_000, () =>
        handle.query(caseStateQuery),
      );
    } catch (error) {
      items.push({
        caseNo,
        stepId: '*',
        outcome: 'refused',
        detail: `the case's open steps could not be read: ${await refusal(deps, error, deps.temporal.address)}`,
      });
      continue;
    }
    for (const step of view.steps.filter((s) => s.status === 'open' && s.departmentCode === departmentCode)) {
      const place = step.assignees.find((a) => a.status === 'pending' && a.userId === request.from);
      const delegatedTo = step.assignees.find(
        (a) => a.status === 'pending' && a.delegation?.to === request.from,
      );
      if (!place) {
        if (delegatedTo) {
          items.push({
            caseNo,
            stepId: step.stepId,
            outcome: 'refused',
            detail: `${request.from} holds step "${step.stepId}" as the delegate (委派) of ${delegatedTo.userId}: ${delegatedTo.userId} takes it back when it is resolved, or transfers it then`,
          });
        }
        continue;
      }
      const updateId = itemUpdateId(key, caseNo, step.stepId);
      // 转办 with the lead's authority, built by the verb registry like a single action.
      const { update, payload } = caseActionUpdate(
        'transfer',
        {
          verb: 'transfer',
          stepId: step.stepId,
          from: request.from,
          to: [request.to],
          reason: request.reason,
        },
        lead.id,
        { authority: 'lead' },
      );
      try {
        const result = await deps.temporal.connection.withDeadline(updateDeadline(), () =>
          handle.executeUpdate(update, { args: [payload], ...(updateId ? { updateId } : {}) }),
        );
        items.push({
          caseNo,
          stepId: step.stepId,
          outcome: 'ok',
          step: result as unknown as Record<string, unknown>,
        });
      } catch (error) {
        items.push({
          caseNo,
          stepId: step.stepId,
          outcome: 'refused',
          detail: await refusal(deps, error, deps.temporal.address),
        });
      }
    }
  }
  return summary(items);
}

/**
 * Every task of the batch must be an open task of the caller's department that the caller holds; else
 * 422 naming each bad item, and nothing is sent.
 */
export async function assertApprovable(
  deps: Deps,
  me: AuthUser,
  request: ApproveTasksRequest,
): Promise<void> {
  const problems: Problems = [];
  for (const [i, t] of request.tasks.entries()) {
    const path = `tasks.${i}`;
    const open = await deps.db.task.findFirst({
      where: { caseNo: t.caseNo, stepId: t.stepId, state: 'open' },
      include: { holders: true },
    });
    if (!open) {
      const known = await deps.db.case.findUnique({ where: { caseNo: t.caseNo }, select: { caseNo: true } });
      problems.push({
        path,
        message: known ? `case ${t.caseNo} has no open task for step "${t.stepId}"` : `no case ${t.caseNo}`,
      });
      continue;
    }
    const mine = departmentsOf(me);
    if (!mine.includes(open.departmentCode)) {
      problems.push({
        path,
        message: `step "${t.stepId}" of case ${t.caseNo} belongs to ${open.departmentCode}, not to your department (${mine.join(', ') || 'none'})`,
      });
      continue;
    }
    const holders = open.holders.map((h) => h.userId);
    if (open.assigneeUserId !== me.id && !holders.includes(me.id)) {
      problems.push({
        path,
        message: `you do not hold step "${t.stepId}" of case ${t.caseNo} (held by ${holders.join(', ') || open.assigneeUserId || 'nobody yet'})`,
      });
    }
  }
  if (problems.length > 0) {
    throw peopleProblem(
      `Nothing was approved: ${problems.length} of ${request.tasks.length} task(s) cannot be approved by you — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

/**
 * One approveStep per task, in the order given; each answered on its own (each case is its own workflow). A task
 * with the revision its page showed is refused when the step changed since (claimed, decided, transferred …).
 */
export async function approveTasks(
  deps: Deps,
  me: AuthUser,
  request: ApproveTasksRequest,
  key?: string,
): Promise<ReturnType<typeof summary>> {
  const items: BulkItemResult[] = [];
  for (const t of request.tasks) {
    const updateId = itemUpdateId(key, t.caseNo, t.stepId);
    const { update, payload } = caseActionUpdate(
      'approve',
      {
        verb: 'approve',
        stepId: t.stepId,
        // The revision the page showed: the workflow refuses a task changed since, and nothing changes.
        ...(t.expectedRevision !== undefined ? { expectedRevision: t.expectedRevision } : {}),
        ...(request.comment ? { comment: request.comment } : {}),
      },
      me.id,
    );
    try {
      const result = await deps.temporal.connection.withDeadline(updateDeadline(), () =>
        deps.temporal.client.workflow
          .getHandle(t.caseNo)
          .executeUpdate(update, { args: [payload], ...(updateId ? { updateId } : {}) }),
      );
      items.push({
        caseNo: t.caseNo,
        stepId: t.stepId,
        outcome: 'ok',
        step: result as unknown as Record<string, unknown>,
      });
    } catch (error) {
      items.push({
        caseNo: t.caseNo,
        stepId: t.stepId,
        outcome: 'refused',
        detail: await refusal(deps, error, deps.temporal.address),
      });
    }
  }
  return summary(items);
}
