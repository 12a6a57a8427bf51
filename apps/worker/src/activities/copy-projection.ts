import type { RecordDecisionInput } from '@onewindow/workflows';
import { insertOnce, type Db } from '@onewindow/db';

const people = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];

/**
 * 抄送 (`recordDecision` with action `cc`): one CaseCopy row per (case, step, person), which lets the
 * person read the case (masked, read-only). A repeated event, or the same person copied again on the
 * same step, keeps the first row.
 */
export async function recordCopies(db: Db, input: RecordDecisionInput): Promise<void> {
  if (input.action !== 'cc' || !input.stepId) return;
  const stepId = input.stepId;
  const note = typeof input.details.note === 'string' ? input.details.note : null;
  const rows = [...new Set(people(input.details.to))].map((userId) => ({
    id: `${input.idempotencyKey}:${userId}`,
    caseNo: input.caseNo,
    stepId,
    userId,
    copiedBy: input.actor,
    note,
    eventKey: input.idempotencyKey,
    copiedAt: new Date(input.at),
  }));
  await insertOnce(db, 'caseCopy', rows);
}
