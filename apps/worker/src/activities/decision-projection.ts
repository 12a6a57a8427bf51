import type { RecordDecisionInput } from '@onewindow/workflows';
import { inOneTransaction, insertOnce, type Db } from '@onewindow/db';
import { applyCalendarRefresh } from './clock-projection';
import { recordCopies } from './copy-projection';
import { eventSeq, taskId } from './event-key.util';
import { refreshStepClock, SUSPENDING_DECISIONS } from './step-clock-projection';

/**
 * The human-readable reason column: refusal reasons, the verb's reason (procedure, 退回, 转办, 委派,
 * 加签/减签), the missing materials, the delegate's comment, or the note of a 抄送 / resubmission.
 */
function reasonOf(action: string, details: Record<string, unknown>): string | null {
  const { reasons, reason, materials, comment, note } = details;
  if (Array.isArray(reasons) && reasons.length > 0) return reasons.map(String).join('; ');
  if (typeof reason === 'string' && reason.trim()) return reason;
  if (Array.isArray(materials) && materials.length > 0) return materials.map(String).join('、');
  if (action === 'delegation_resolved' && typeof comment === 'string' && comment.trim()) return comment;
  if ((action === 'cc' || action === 'resubmitted_from_window') && typeof note === 'string' && note.trim())
    return note;
  return null;
}

/**
 * 撤回 of the vote that closed a step (`details.reopened`): the task row of that vote (`details.generation`)
 * is no longer done work — nobody decided, the step's next generation holds the task — so it becomes
 * `superseded` with the outcome `recalled`. A row already changed is left alone (idempotent).
 */
async function supersedeRecalledTask(db: Db, input: RecordDecisionInput): Promise<void> {
  const { reopened, generation } = input.details;
  if (reopened !== true || typeof generation !== 'number' || !input.stepId) return;
  await db.task.updateMany({
    where: { id: taskId(input.caseNo, input.stepId, generation), state: 'done' },
    data: { state: 'superseded', outcome: 'recalled' },
  });
}

/**
 * One Decision row per workflow event (caseNo, eventSeq): a second write of the same event changes
 * nothing. A 抄送 also writes its CaseCopy rows (the read grant) before the Decision row; a calendar refresh
 * moves the open tasks' and the case's due dates after it; a recall (撤回) of a closed step supersedes the
 * task row of the vote it took back; a decision that starts or ends a step's suspension (补正, a special procedure)
 * writes the step clock onto its open task (refreshStepClock).
 */
export async function recordDecision(db: Db, input: RecordDecisionInput): Promise<void> {
  // 补正 or a special procedure, started or ended: why the step clock stands (its suspend may come first),
  // written onto the open task in the same transaction as the decision.
  if (input.stepId && SUSPENDING_DECISIONS.includes(input.action)) {
    const stepId = input.stepId;
    return inOneTransaction(db, async (tx) => {
      await writeDecision(tx, input);
      await refreshStepClock(tx, input.caseNo, stepId);
    });
  }
  await writeDecision(db, input);
}

async function writeDecision(db: Db, input: RecordDecisionInput): Promise<void> {
  const seq = eventSeq(input.idempotencyKey, input.caseNo);
  await recordCopies(db, input);
  await insertOnce(db, 'decision', {
    id: input.idempotencyKey,
    caseNo: input.caseNo,
    eventSeq: seq,
    stepId: input.stepId ?? null,
    verb: input.action,
    actorUserId: input.actor,
    reason: reasonOf(input.action, input.details),
    payload: JSON.stringify(input.details),
    decidedAt: new Date(input.at),
  });
  if (input.action === 'calendar_refreshed') await applyCalendarRefresh(db, input.caseNo, input.details);
  if (input.action === 'recall') await supersedeRecalledTask(db, input);
}
