/** `<caseNo>:<seq>` → seq. The workflow's event sequence keys every projection row. */
export function eventSeq(idempotencyKey: string, caseNo: string): number {
  const prefix = `${caseNo}:`;
  const seq = idempotencyKey.startsWith(prefix) ? Number(idempotencyKey.slice(prefix.length)) : Number.NaN;
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`idempotency key "${idempotencyKey}" is not "<caseNo>:<seq>" for case ${caseNo}`);
  return seq;
}

/** Task rows are keyed by (caseNo, stepId, generation): the same step opened again is a new row. */
export const taskId = (caseNo: string, stepId: string, generation: number): string => `${caseNo}:${stepId}:${generation}`;

/** Clock ids in the ClockEvent projection: the case clocks by name, a department step as `step:<id>`. */
export const clockId = (clock: string, stepId?: string): string => (stepId ? `step:${stepId}` : clock === 'statutory' ? 'case' : clock);

/** P2002, by code: the SQLite and PostgreSQL clients are generated separately, so no shared error class to test against. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';

/** A concurrent attempt of the same activity may win the insert race: a duplicate key then means "already written". */
export async function ignoreDuplicate(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) return;
    throw error;
  }
}
