import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { toShanghaiDate } from '@onewindow/calendar';
import { insertOnce, type Db } from '@onewindow/db';
import {
  caseStateQuery,
  caseWorkflow,
  taskHolders,
  type CaseView,
  type CaseWorkflowInput,
  type HistoryEntry,
  type StepView,
} from '@onewindow/workflows';
import {
  closedTaskState,
  closeTask,
  issueCertificate,
  openTask,
  recordDecision,
  taskId,
} from '@onewindow/worker';

export type DriftKind =
  | 'missing_task'
  | 'task_open_in_db_closed_in_workflow'
  | 'task_closed_in_db_open_in_workflow'
  | 'orphan_task'
  | 'phantom_task'
  | 'wrong_task_outcome'
  | 'wrong_opened_at'
  | 'wrong_closed_at'
  | 'wrong_due_date'
  | 'wrong_holders'
  | 'wrong_step_clock'
  | 'missing_decision'
  | 'phantom_decision'
  | 'wrong_decision_time'
  | 'missing_copy'
  | 'phantom_copy'
  | 'wrong_copy_time'
  | 'missing_certificate'
  | 'phantom_certificate'
  | 'wrong_certificate'
  | 'case_status'
  | 'case_due_date'
  | 'case_promised_due_date'
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
  /** Only these cases (default: every case with a workflow, open or closed: not rejected at intake). */
  caseNos?: string[];
}

/** The Case.status the projection should show for a workflow view. */
export function expectedCaseStatus(view: CaseView): string {
  // 终止办理 (a tolerated material's date missed under the `terminate` rule) ends the case as `terminated`.
  if ((view.outcome as string | undefined) === 'terminated') return 'terminated';
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
 * Compares each case's workflow state (the source of truth; a closed workflow answers the query too, replayed
 * from its history) with every row the workflow decides — tasks (state, outcome, times, due date, holders, step
 * clock), decisions, copies (抄送 read grants), certificates, the case's status and due dates — and, with
 * `repair`, rewrites the differences from the workflow's state (workflow times, not the clock of the repair).
 */
export async function checkProjections(options: CheckOptions): Promise<Drift[]> {
  const { db } = options;
  const cases = await db.case.findMany({
    where: options.caseNos ? { caseNo: { in: options.caseNos } } : { status: { not: 'rejected_at_intake' } },
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
    drift.push(...(await checkCopies(options, row.caseNo, view)));
    drift.push(...(await checkDecisions(options, row.caseNo, view)));
    drift.push(...(await checkCertificates(options, row.caseNo, view)));
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
    const promised = view.clocks.promised?.dueDate;
    if (promised && row.promisedDueDate !== promised) {
      if (options.repair)
        await db.case.update({ where: { caseNo: row.caseNo }, data: { promisedDueDate: promised } });
      drift.push({
        caseNo: row.caseNo,
        kind: 'case_promised_due_date',
        expected: promised,
        actual: row.promisedDueDate,
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
  const current = new Map(view.steps.map((s) => [s.stepId, s]));
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
          at: step.closedAt ?? step.openedAt,
          stepId: step.stepId,
          generation: step.generation,
          status: step.status,
        });
    } else if (step.status !== 'open') {
      // Closed on both sides: how and when (the workflow time of the decision, not of an abandoned attempt).
      if (row.outcome !== step.status) {
        found('wrong_task_outcome', step.status, row.outcome);
        if (repair)
          await db.task.update({
            where: { id },
            data: { state: closedTaskState(step.status), outcome: step.status },
          });
      }
      const closedAt = row.closedAt?.toISOString() ?? null;
      if (step.closedAt && closedAt !== step.closedAt) {
        found('wrong_closed_at', step.closedAt, closedAt);
        if (repair) await db.task.update({ where: { id }, data: { closedAt: new Date(step.closedAt) } });
      }
    }
    // The first generation opens when the step does; later ones when its people changed (not in the view).
    if (step.generation === 1 && row.openedAt.toISOString() !== step.openedAt) {
      found('wrong_opened_at', step.openedAt, row.openedAt.toISOString());
      if (repair) await db.task.update({ where: { id }, data: { openedAt: new Date(step.openedAt) } });
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
      const clock = stepClockState(step);
      if (row.clockState !== clock) {
        found('wrong_step_clock', clock, row.clockState);
        if (repair)
          await db.task.update({
            where: { id },
            data: {
              clockState: clock,
              clockReason: clock === 'running' ? null : (step.suspension?.reason ?? row.clockReason),
            },
          });
      }
    }
  }
  for (const row of rows) {
    const step = current.get(row.stepId);
    if (step && row.seq === step.generation) continue;
    if (!step || row.seq > step.generation) {
      // A row the workflow never opened (a step or generation of an attempt that did not commit).
      drift.push({ caseNo, kind: 'phantom_task', stepId: row.stepId, actual: row.state, repaired: repair });
      if (repair) await db.task.delete({ where: { id: row.id } });
    } else if (row.state === 'open') {
      // An earlier generation still open: the workflow has moved on to the next one (opened when this one ended).
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
          data: { state: 'cancelled', outcome: 'cancelled', closedAt: await nextOpenedAt(db, row, step) },
        });
    }
  }
  return drift;
}

/** The step clock as the Task row keeps it (`clockState`), from the workflow's step. */
function stepClockState(step: StepView): string {
  if (step.suspension) return step.suspension.kind === 'supplement' ? 'supplement' : 'special_procedure';
  return step.hold ? 'hold' : 'running';
}

/** When the generation after `row` opened (the workflow time the earlier one ended), else the step's opening. */
async function nextOpenedAt(
  db: Db,
  row: { caseNo: string; stepId: string; seq: number },
  step: StepView,
): Promise<Date> {
  const next = await db.task.findFirst({
    where: { caseNo: row.caseNo, stepId: row.stepId, seq: { gt: row.seq } },
    orderBy: { seq: 'asc' },
    select: { openedAt: true },
  });
  return next?.openedAt ?? new Date(step.openedAt);
}

/**
 * The history entries that are decisions (each written as one Decision row by recordDecision), by the name the
 * history gives them; the Decision row names two of them differently (DECISION_VERB).
 */
const DECISION_ACTIONS = new Set([
  'approve',
  'refuse',
  'cc',
  'assign',
  'claim',
  'unclaim',
  'delegate',
  'delegation_resolved',
  'recall',
  'add_signers',
  'remove_signers',
  'extension_requested',
  'extension_approved',
  'resubmitted_from_window',
  'return_for_supplement',
  'supplement_submitted',
  'send_back',
  'transfer',
  'special_procedure_started',
  'special_procedure_ended',
  'calendar_refreshed',
  'tolerated_material_supplied',
  'withdrawn',
  'terminated',
  'plan_error',
]);
const DECISION_VERB: Record<string, string> = { withdrawn: 'withdraw', terminated: 'terminate' };
const HISTORY_ACTION: Record<string, string> = { withdraw: 'withdrawn', terminate: 'terminated' };

/**
 * A missing Decision row gets an event sequence above any the workflow will use, so that a later write of the
 * workflow (keyed by its own sequence) is never taken for it.
 */
const REPAIR_SEQ_BASE = 1_000_000;

/**
 * Decision rows against the workflow's history: each decision entry has one row with its action, step, actor and
 * workflow time; a row no entry matches was written by an attempt that did not commit (deleted on repair); an
 * entry with no row is written; a row off only in its time gets the entry's time.
 */
async function checkDecisions(options: CheckOptions, caseNo: string, view: CaseView): Promise<Drift[]> {
  const { db, repair } = options;
  const drift: Drift[] = [];
  const rows = await db.decision.findMany({ where: { caseNo }, orderBy: { eventSeq: 'asc' } });
  const key = (action: string, stepId: string | null | undefined, actor: string) =>
    `${action}|${stepId ?? ''}|${actor}`;
  const entries = view.history.filter((h) => DECISION_ACTIONS.has(h.action));
  const unmatchedRows = rows.filter((r) => {
    const at = r.decidedAt.toISOString();
    const i = entries.findIndex(
      (h) =>
        key(h.action, h.stepId, h.actor) === key(HISTORY_ACTION[r.verb] ?? r.verb, r.stepId, r.actorUserId) &&
        h.at === at,
    );
    if (i < 0) return true;
    entries.splice(i, 1);
    return false;
  });
  for (const row of unmatchedRows) {
    const i = entries.findIndex(
      (h) =>
        key(h.action, h.stepId, h.actor) ===
        key(HISTORY_ACTION[row.verb] ?? row.verb, row.stepId, row.actorUserId),
    );
    const stepId = row.stepId ? { stepId: row.stepId } : {};
    if (i >= 0) {
      const [entry] = entries.splice(i, 1);
      drift.push({
        caseNo,
        kind: 'wrong_decision_time',
        ...stepId,
        expected: `${row.verb} ${entry.at}`,
        actual: `${row.verb} ${row.decidedAt.toISOString()}`,
        repaired: repair,
      });
      if (repair)
        await db.decision.update({ where: { id: row.id }, data: { decidedAt: new Date(entry.at) } });
    } else {
      drift.push({ caseNo, kind: 'phantom_decision', ...stepId, actual: row.verb, repaired: repair });
      if (repair) await db.decision.delete({ where: { id: row.id } });
    }
  }
  for (const entry of entries) {
    drift.push({
      caseNo,
      kind: 'missing_decision',
      ...(entry.stepId ? { stepId: entry.stepId } : {}),
      expected: entry.action,
      repaired: repair,
    });
    if (repair) await writeMissingDecision(db, caseNo, entry);
  }
  return drift;
}

async function writeMissingDecision(db: Db, caseNo: string, entry: HistoryEntry): Promise<void> {
  // A 抄送's copies are checked (and written) before the decisions: recordDecision finds them there.
  await recordDecision(db, {
    idempotencyKey: `${caseNo}:${REPAIR_SEQ_BASE + entry.seq}`,
    caseNo,
    at: entry.at,
    ...(entry.stepId ? { stepId: entry.stepId } : {}),
    action: DECISION_VERB[entry.action] ?? entry.action,
    actor: entry.actor,
    details: entry.details ?? {},
  });
}

/**
 * 抄送 read grants against the workflow: one CaseCopy per (step, person) a `cc` entry names, at the first such
 * entry's time. A copy no entry names (an abandoned attempt's 抄送) is a read grant the workflow never gave.
 */
async function checkCopies(options: CheckOptions, caseNo: string, view: CaseView): Promise<Drift[]> {
  const { db, repair } = options;
  const drift: Drift[] = [];
  const expected = new Map<string, { stepId: string; userId: string; entry: HistoryEntry }>();
  for (const entry of view.history) {
    if (entry.action !== 'cc' || !entry.stepId) continue;
    const to = Array.isArray(entry.details?.to) ? entry.details.to : [];
    for (const userId of to)
      if (typeof userId === 'string' && !expected.has(`${entry.stepId}|${userId}`))
        expected.set(`${entry.stepId}|${userId}`, { stepId: entry.stepId, userId, entry });
  }
  const rows = await db.caseCopy.findMany({ where: { caseNo } });
  for (const row of rows) {
    const want = expected.get(`${row.stepId}|${row.userId}`);
    expected.delete(`${row.stepId}|${row.userId}`);
    if (!want) {
      drift.push({ caseNo, kind: 'phantom_copy', stepId: row.stepId, actual: row.userId, repaired: repair });
      if (repair) await db.caseCopy.delete({ where: { id: row.id } });
    } else if (row.copiedAt.toISOString() !== want.entry.at || row.copiedBy !== want.entry.actor) {
      drift.push({
        caseNo,
        kind: 'wrong_copy_time',
        stepId: row.stepId,
        expected: `${want.entry.actor} ${want.entry.at}`,
        actual: `${row.copiedBy} ${row.copiedAt.toISOString()}`,
        repaired: repair,
      });
      if (repair)
        await db.caseCopy.update({
          where: { id: row.id },
          data: { copiedAt: new Date(want.entry.at), copiedBy: want.entry.actor },
        });
    }
  }
  for (const { stepId, userId, entry } of expected.values()) {
    drift.push({ caseNo, kind: 'missing_copy', stepId, expected: userId, repaired: repair });
    if (repair) {
      const note = typeof entry.details?.note === 'string' ? entry.details.note : null;
      await insertOnce(db, 'caseCopy', {
        id: `${caseNo}:history-${entry.seq}:${userId}`,
        caseNo,
        stepId,
        userId,
        copiedBy: entry.actor,
        note,
        eventKey: `${caseNo}:history-${entry.seq}`,
        copiedAt: new Date(entry.at),
      });
    }
  }
  return drift;
}

/**
 * Certificates of the case against the workflow's list (number, type), issued at the workflow time of 出件. A
 * certificate the workflow does not list was issued by an attempt that did not commit (deleted on repair); a
 * listed one that is missing is issued again under its number.
 */
async function checkCertificates(options: CheckOptions, caseNo: string, view: CaseView): Promise<Drift[]> {
  const { db, repair } = options;
  const drift: Drift[] = [];
  const issued = view.history.find((h) => h.action === 'issued');
  const rows = await db.certificate.findMany({ where: { sourceCaseNo: caseNo } });
  const listed = new Map(view.certificates.map((c) => [c.certificateNo, c]));
  for (const row of rows) {
    const want = listed.get(row.number);
    listed.delete(row.number);
    if (!want) {
      drift.push({ caseNo, kind: 'phantom_certificate', actual: row.number, repaired: repair });
      if (repair) await db.certificate.delete({ where: { id: row.id } });
      continue;
    }
    const at = row.issuedAt.toISOString();
    if (row.typeCode !== want.certificateTypeCode || (issued && at !== issued.at)) {
      drift.push({
        caseNo,
        kind: 'wrong_certificate',
        stepId: want.stepId,
        expected: `${want.certificateNo} ${want.certificateTypeCode} ${issued?.at ?? at}`,
        actual: `${row.number} ${row.typeCode} ${at}`,
        repaired: repair,
      });
      if (repair)
        await db.certificate.update({
          where: { id: row.id },
          data: { typeCode: want.certificateTypeCode, issuedAt: new Date(issued?.at ?? at) },
        });
    }
  }
  for (const want of listed.values()) {
    drift.push({
      caseNo,
      kind: 'missing_certificate',
      stepId: want.stepId,
      expected: want.certificateNo,
      repaired: repair,
    });
    const seq = /-Z(\d+)$/.exec(want.certificateNo)?.[1];
    if (repair && issued && seq) {
      const step = view.steps.find((s) => s.stepId === want.stepId);
      await issueCertificate(db, {
        idempotencyKey: `${caseNo}:${Number(seq)}`,
        caseNo,
        at: issued.at,
        stepId: want.stepId,
        ...(step?.itemCode ? { itemCode: step.itemCode } : {}),
        certificateTypeCode: want.certificateTypeCode,
        name: await certificateName(db, caseNo, want),
        issuedBy: issued.actor,
        on: toShanghaiDate(issued.at),
      });
    }
  }
  return drift;
}

/** The certificate's name as the case's plan gives it (its start command), else the certificate type's. */
async function certificateName(
  db: Db,
  caseNo: string,
  want: CaseView['certificates'][number],
): Promise<string> {
  const command = await db.idempotencyRecord.findUnique({ where: { key: `workflow-start:${caseNo}` } });
  const input = command
    ? (JSON.parse(command.response) as { plan?: { nodes?: { id: string; result?: { name?: string } }[] } })
    : undefined;
  const named = input?.plan?.nodes?.find((n) => n.id === want.stepId)?.result?.name;
  if (named) return named;
  const type = await db.certificateType.findUnique({ where: { code: want.certificateTypeCode } });
  return type?.name ?? want.certificateTypeCode;
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
