import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import {
  caseStateQuery,
  caseWorkflow,
  taskHolders,
  type CaseView,
  type CaseWorkflowInput,
  type StepView,
} from '@onewindow/workflows';
import { closeTask, openTask, taskId, TERMINAL_CASE_STATUSES } from '@onewindow/worker';

export type DriftKind =
  | 'missing_task'
  | 'task_open_in_db_closed_in_workflow'
  | 'task_closed_in_db_open_in_workflow'
  | 'orphan_task'
  | 'wrong_due_date'
  | 'wrong_holders'
  | 'case_status'
  | 'case_due_date'
  | 'workflow_not_started'
  | 'workflow_unreadable';

export interface Drift {
  caseNo: string;
  kind: DriftKind;
  stepId?: string;
  expected?: string | null;
  actual?: string | null;
  repaired: boolean;
}

export interface CheckOptions {
  db: Db;
  client: Client;
  taskQueue: string;
  repair: boolean;
  /** Only these cases (default: every case that is not issued, withdrawn or rejected). */
  caseNos?: string[];
}

/** The Case.status the projection should show for a workflow view. */
export function expectedCaseStatus(view: CaseView): string {
  if (view.phase === 'completed') return 'issued';
  if (view.phase === 'withdrawn') return 'withdrawn';
  if (view.phase === 'awaiting_issuance') return 'decided';
  if (!view.clocks.suspended) return 'in_review';
  // The first suspension holds the case clocks (the projection reads its reason): 补正 or a special procedure.
  const first = view.steps
    .flatMap((s) => (s.suspension ? [s.suspension] : []))
    .sort((a, b) => a.since.localeCompare(b.since))[0];
  return first?.kind === 'supplement' ? 'awaiting_supplement' : 'special_procedure';
}

/**
 * Compares each open case's workflow state (the source of truth) with its Task and Case rows and,
 * with `repair`, rewrites the rows through the same idempotent writers the activities use.
 */
export async function checkProjections(options: CheckOptions): Promise<Drift[]> {
  const { db } = options;
  const cases = await db.case.findMany({
    where: options.caseNos
      ? { caseNo: { in: options.caseNos } }
      : { status: { notIn: TERMINAL_CASE_STATUSES } },
    orderBy: { caseNo: 'asc' },
  });
  const drift: Drift[] = [];
  for (const row of cases) {
    let view: CaseView;
    try {
      view = await options.client.workflow.getHandle(row.caseNo).query(caseStateQuery);
    } catch (error) {
      drift.push(await unreadable(options, row.caseNo, error));
      continue;
    }
    drift.push(...(await checkTasks(options, row.caseNo, view)));
    const status = expectedCaseStatus(view);
    if (row.status !== status) {
      if (options.repair) await db.case.update({ where: { caseNo: row.caseNo }, data: { status } });
      drift.push({
        caseNo: row.caseNo,
        kind: 'case_status',
        expected: status,
        actual: row.status,
        repaired: options.repair,
      });
    }
    const due = view.clocks.statutory.dueDate;
    if (due && row.statutoryDueDate !== due) {
      if (options.repair)
        await db.case.update({ where: { caseNo: row.caseNo }, data: { statutoryDueDate: due } });
      drift.push({
        caseNo: row.caseNo,
        kind: 'case_due_date',
        expected: due,
        actual: row.statutoryDueDate,
        repaired: options.repair,
      });
    }
  }
  return drift;
}

/** No workflow for a recorded case: start it from its stored start command (the acceptance outbox). */
async function unreadable(options: CheckOptions, caseNo: string, error: unknown): Promise<Drift> {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof WorkflowNotFoundError))
    return { caseNo, kind: 'workflow_unreadable', actual: message, repaired: false };
  const command = await options.db.idempotencyRecord.findUnique({
    where: { key: `workflow-start:${caseNo}` },
  });
  if (!command || !options.repair) return { caseNo, kind: 'workflow_not_started', repaired: false };
  await options.client.workflow
    .start(caseWorkflow, {
      taskQueue: options.taskQueue,
      workflowId: caseNo,
      args: [JSON.parse(command.response) as CaseWorkflowInput],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    })
    .catch((e: Error) => (e.name === 'WorkflowExecutionAlreadyStartedError' ? undefined : Promise.reject(e)));
  await options.db.idempotencyRecord.update({ where: { key: command.key }, data: { status: 1 } });
  return { caseNo, kind: 'workflow_not_started', repaired: true };
}

async function checkTasks(options: CheckOptions, caseNo: string, view: CaseView): Promise<Drift[]> {
  const { db, repair } = options;
  const rows = await db.task.findMany({ where: { caseNo } });
  const drift: Drift[] = [];
  const expectedIds = new Set(view.steps.map((s) => taskId(caseNo, s.stepId, s.generation)));
  for (const step of view.steps) {
    const id = taskId(caseNo, step.stepId, step.generation);
    const row = rows.find((r) => r.id === id);
    const found = (kind: DriftKind, expected?: string | null, actual?: string | null) =>
      drift.push({
        caseNo,
        kind,
        stepId: step.stepId,
        ...(expected !== undefined ? { expected } : {}),
        ...(actual !== undefined ? { actual } : {}),
        repaired: repair,
      });
    if (!row) {
      found('missing_task', step.status, null);
      if (repair) await recreateTask(db, caseNo, step);
      continue;
    }
    // A step sent back to the window is open in the workflow while its row is closed (returned) until resubmitted.
    const atWindow = step.hold?.kind === 'at_window';
    if (step.status === 'open' && row.state !== 'open' && !atWindow) {
      found('task_closed_in_db_open_in_workflow', 'open', row.state);
      if (repair)
        await db.task.update({ where: { id }, data: { state: 'open', outcome: null, closedAt: null } });
    }
    if (step.status !== 'open' && row.state === 'open') {
      found('task_open_in_db_closed_in_workflow', step.status, row.state);
      if (repair)
        await closeTask(db, {
          idempotencyKey: `${caseNo}:repair`,
          caseNo,
          at: step.closedAt ?? new Date().toISOString(),
          stepId: step.stepId,
          generation: step.generation,
          status: step.status,
        });
    }
    if (step.status === 'open' && !atWindow && step.clock.dueDate && row.dueDate !== step.clock.dueDate) {
      found('wrong_due_date', step.clock.dueDate, row.dueDate);
      if (repair) await db.task.update({ where: { id }, data: { dueDate: step.clock.dueDate } });
    }
    if (step.status === 'open' && !atWindow) {
      const holders = taskHolders(step).sort();
      const actual = (
        await db.taskHolder.findMany({ where: { taskId: id }, orderBy: { userId: 'asc' } })
      ).map((h) => h.userId);
      if (holders.join(',') !== actual.join(',')) {
        found('wrong_holders', holders.join(','), actual.join(','));
        if (repair) await resetHolders(db, id, holders);
      }
    }
  }
  for (const row of rows.filter((r) => r.state === 'open' && !expectedIds.has(r.id))) {
    drift.push({
      caseNo,
      kind: 'orphan_task',
      stepId: row.stepId,
      expected: 'cancelled',
      actual: row.state,
      repaired: repair,
    });
    if (repair)
      await db.task.update({
        where: { id: row.id },
        data: { state: 'cancelled', outcome: 'cancelled', closedAt: new Date() },
      });
  }
  return drift;
}

async function recreateTask(db: Db, caseNo: string, step: StepView): Promise<void> {
  const base = {
    idempotencyKey: `${caseNo}:repair`,
    caseNo,
    stepId: step.stepId,
    generation: step.generation,
  };
  await openTask(db, {
    ...base,
    at: step.openedAt,
    name: step.name,
    departmentCode: step.departmentCode,
    role: step.role,
    assignees: taskHolders(step),
    dueDate: step.clock.dueDate,
    provisional: step.clock.provisional,
  });
  if (step.status !== 'open')
    await closeTask(db, { ...base, at: step.closedAt ?? step.openedAt, status: step.status });
}

async function resetHolders(db: Db, id: string, holders: string[]): Promise<void> {
  await db.$transaction([
    db.taskHolder.deleteMany({ where: { taskId: id } }),
    db.taskHolder.createMany({ data: holders.map((userId) => ({ taskId: id, userId })) }),
    db.task.update({ where: { id }, data: { assigneeUserId: holders.length === 1 ? holders[0] : null } }),
  ]);
}
