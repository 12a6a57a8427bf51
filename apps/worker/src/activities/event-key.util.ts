/** `<caseNo>:<seq>` → seq. The workflow's event sequence keys every projection row. */
export function eventSeq(idempotencyKey: string, caseNo: string): number {
  const prefix = `${caseNo}:`;
  const seq = idempotencyKey.startsWith(prefix) ? Number(idempotencyKey.slice(prefix.length)) : Number.NaN;
  if (!Number.isInteger(seq) || seq < 1)
    throw new Error(`idempotency key "${idempotencyKey}" is not "<caseNo>:<seq>" for case ${caseNo}`);
  return seq;
}

/** Task rows are keyed by (caseNo, stepId, generation): the same step opened again is a new row. */
export const taskId = (caseNo: string, stepId: string, generation: number): string =>
  `${caseNo}:${stepId}:${generation}`;

/** Clock ids in the ClockEvent projection: the case clocks by name, a department step as `step:<id>`. */
export const clockId = (clock: string, stepId?: string): string =>
  stepId ? `step:${stepId}` : clock === 'statutory' ? 'case' : clock;
