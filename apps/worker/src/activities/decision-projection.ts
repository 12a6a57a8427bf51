import type { RecordDecisionInput } from '@onewindow/workflows';
import { insertOnce, type Db } from '@onewindow/db';
import { applyCalendarRefresh } from './clock-projection';
import { recordCopies } from './copy-projection';
import { eventSeq } from './event-key.util';

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
 * One Decision row per workflow event (caseNo, eventSeq): a second write of the same event changes
 * nothing. A 抄送 also writes its CaseCopy rows (the read grant) before the Decision row; a calendar refresh
 * moves the open tasks' and the case's due dates after it.
 */
export async function recordDecision(db: Db, input: RecordDecisionInput): Promise<void> {
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
}
