import type { RecordDecisionInput } from '@onewindow/workflows';
import type { Db } from '@onewindow/db';
import { eventSeq, ignoreDuplicate } from './event-key.util';

/** The human-readable reason column: refusal reasons, the procedure's reason, or the missing materials. */
function reasonOf(details: Record<string, unknown>): string | null {
  const { reasons, reason, materials } = details;
  if (Array.isArray(reasons) && reasons.length > 0) return reasons.map(String).join('; ');
  if (typeof reason === 'string' && reason.trim()) return reason;
  if (Array.isArray(materials) && materials.length > 0) return materials.map(String).join('、');
  return null;
}

/** One Decision row per workflow event (caseNo, eventSeq): a second write of the same event changes nothing. */
export async function recordDecision(db: Db, input: RecordDecisionInput): Promise<void> {
  const seq = eventSeq(input.idempotencyKey, input.caseNo);
  await ignoreDuplicate(() =>
    db.decision.upsert({
      where: { caseNo_eventSeq: { caseNo: input.caseNo, eventSeq: seq } },
      update: {},
      create: {
        id: input.idempotencyKey,
        caseNo: input.caseNo,
        eventSeq: seq,
        stepId: input.stepId ?? null,
        verb: input.action,
        actorUserId: input.actor,
        reason: reasonOf(input.details),
        payload: JSON.stringify(input.details),
        decidedAt: new Date(input.at),
      },
    }),
  );
}
