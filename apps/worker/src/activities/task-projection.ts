import type { CloseTaskInput, OpenTaskInput, SetTaskHoldersInput } from '@onewindow/workflows';
import { inOneTransaction, insertOnce, insertOnceReturningIds, type Db, type KeyedRow } from '@onewindow/db';
import { eventSeq, taskId } from './event-key.util';
import { stepClockOf } from './step-clock-projection';

/** The statuses with which a generation ends because the step's people changed: the next generation takes over. */
const SUPERSEDED: ReadonlySet<CloseTaskInput['status']> = new Set([
  'transferred',
  'delegated',
  'delegation_resolved',
  'signers_changed',
  'claimed',
  'unclaimed',
  'assigned',
]);

/**
 * The Task row's state for a closed generation; the outcome keeps the status. `done`: decided
 * (approved, refused) or sent back (returned: 退回 is the approver's decision on that round);
 * `cancelled`: the case no longer needs it; `superseded`: 转办, 委派 (and its resolution), 加签/减签,
 * 签收 / 退回签收 / 指派 of a group seat —
 * nobody decided, the step's next generation holds the task now, so it is neither in the inbox nor
 * counted as done work.
 */
export const closedTaskState = (status: CloseTaskInput['status']): 'done' | 'cancelled' | 'superseded' =>
  status === 'cancelled' ? 'cancelled' : SUPERSEDED.has(status) ? 'superseded' : 'done';

/**
 * Opens the inbox row once, with everyone who holds it; a retried or late duplicate never reopens a row
 * that was closed meanwhile, nor changes its holders.
 */
export const openTask = (db: Db, input: OpenTaskInput): Promise<void> => openTasks(db, [input]);

/**
 * Opens several inbox rows (the steps a workflow task opened together, e.g. the departments of a new case) in
 * two statements: the rows, then the holders of those rows that were new. Each row as openTask writes it.
 */
export async function openTasks(db: Db, inputs: OpenTaskInput[]): Promise<void> {
  const rows: KeyedRow<'task'>[] = [];
  const holdersOf = new Map<string, string[]>();
  for (const input of inputs) {
    const id = taskId(input.caseNo, input.stepId, input.generation);
    const holders = [...new Set(input.assignees)];
    holdersOf.set(id, holders);
    // Opened while the step clock stands (no due date: 补正, a special procedure, a hold): the step's last clock
    // event says why. A dated task opens running, without a read (every task opens here; docs/decisions/0007).
    const clock = input.dueDate === null ? await stepClockOf(db, input.caseNo, input.stepId) : undefined;
    rows.push({
      id,
      caseNo: input.caseNo,
      stepId: input.stepId,
      seq: input.generation,
      departmentCode: input.departmentCode,
      role: input.role,
      // One holder is the person's inbox; several (会签, a group, a delegate beside other signers) are listed in holders.
      assigneeUserId: holders.length === 1 ? holders[0] : null,
      state: 'open',
      openedAt: new Date(input.at),
      // Null while the step clock is stopped (补正, special procedure, at the window, paused).
      dueDate: input.dueDate,
      // 签收: a group seat waiting to be claimed (待签收), or who claimed it and when.
      claimState: input.claim?.state ?? null,
      claimedBy: input.claim?.state === 'claimed' ? input.claim.by : null,
      claimedAt: input.claim?.state === 'claimed' ? new Date(input.claim.at) : null,
      clockState: clock?.clockState ?? 'running',
      clockReason: clock?.clockReason ?? null,
      claimGroup: claimGroupOf(input.departmentCode, holders),
    });
  }
  // The rows and their holders together (inside a projection batch this joins the batch's transaction).
  await inOneTransaction(db, async (tx) => {
    const opened = await insertOnceReturningIds(tx, 'task', rows);
    await insertOnce(
      tx,
      'taskHolder',
      opened.flatMap((id) => (holdersOf.get(id) ?? []).map((userId) => ({ taskId: id, userId }))),
    );
  });
}

/** The role group seat among a task's holders (`group:<departmentCode>/<role>`): the 待签收 view reads it. */
const claimGroupOf = (departmentCode: string, holders: string[]): string | null =>
  holders.find((h) => h.startsWith(`group:${departmentCode}/`)) ?? null;

export class TaskNotOpenedYetError extends Error {
  override name = 'TaskNotOpenedYetError';
}

/**
 * Closes the row. The decision Update can race the still-retrying openTask, so a missing row is a
 * retryable error: Temporal retries until openTask has written it.
 */
export async function closeTask(db: Db, input: CloseTaskInput): Promise<void> {
  const id = taskId(input.caseNo, input.stepId, input.generation);
  // Raw: one per decision on every case (docs/decisions/0007).
  const closed = await db.$executeRaw`
    UPDATE "Task" SET "state" = ${closedTaskState(input.status)}, "outcome" = ${input.status}, "closedAt" = ${new Date(input.at)}
    WHERE "id" = ${id} AND "state" = 'open'`;
  if (closed === 0 && !(await db.task.findUnique({ where: { id }, select: { id: true } }))) {
    throw new TaskNotOpenedYetError(`task ${id} is not in the projection yet (openTask still retrying?)`);
  }
}

/** Moves the due date of the step's open task (resume after 补正, approved extension). */
export async function setOpenTaskDueDate(
  db: Db,
  caseNo: string,
  stepId: string,
  dueDate: string,
): Promise<void> {
  await db.task.updateMany({ where: { caseNo, stepId, state: 'open' }, data: { dueDate } });
}

/**
 * Replaces who holds an open task row (a vote that did not decide the step). Keyed by the event
 * sequence: a retried or late older write never overwrites a newer one, and a closed row is left alone.
 */
export async function setTaskHolders(db: Db, input: SetTaskHoldersInput): Promise<void> {
  const id = taskId(input.caseNo, input.stepId, input.generation);
  const seq = eventSeq(input.idempotencyKey, input.caseNo);
  const holders = [...new Set(input.holders)];
  await db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({
      where: { id },
      select: { state: true, holdersSeq: true, departmentCode: true },
    });
    if (!task)
      throw new TaskNotOpenedYetError(`task ${id} is not in the projection yet (openTask still retrying?)`);
    if (task.state !== 'open' || task.holdersSeq >= seq) return;
    await tx.taskHolder.deleteMany({ where: { taskId: id } });
    await tx.taskHolder.createMany({ data: holders.map((userId) => ({ taskId: id, userId })) });
    await tx.task.update({
      where: { id },
      data: {
        holdersSeq: seq,
        assigneeUserId: holders.length === 1 ? holders[0] : null,
        claimGroup: claimGroupOf(task.departmentCode, holders),
      },
    });
  });
}
