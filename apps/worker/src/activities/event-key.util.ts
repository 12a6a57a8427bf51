import { kindOfClient, type Db } from '@onewindow/db';

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

/** The keyed projection tables written once per event. */
type KeyedTable = 'task' | 'decision' | 'clockEvent' | 'certificate' | 'caseCopy';
/** A row of `table` as its createMany takes it (no nested writes). */
export type KeyedRow<T extends KeyedTable> = Exclude<Parameters<Db[T]['createMany']>[0], undefined>['data'] extends infer D ? Exclude<D, readonly unknown[]> : never;

/**
 * Inserts a keyed row once and says whether it did: a second insert of the same key — a retried activity, a
 * late duplicate, a concurrent attempt that won the race — writes nothing. One INSERT, where an upsert with an
 * empty update took three statements (read, insert, read back). A refused INSERT leaves a SQLite transaction
 * usable but aborts a PostgreSQL one (a projection batch is one transaction), so there it is
 * INSERT … ON CONFLICT DO NOTHING (createMany with skipDuplicates, which Prisma offers on PostgreSQL only).
 */
export async function insertOnce<T extends KeyedTable>(db: Db, table: T, row: KeyedRow<T>): Promise<boolean> {
  const rows = db[table] as unknown as { create(args: object): Promise<unknown>; createMany(args: object): Promise<{ count: number }> };
  if (kindOfClient(db) === 'postgresql') return (await rows.createMany({ data: [row], skipDuplicates: true })).count === 1;
  try {
    await rows.create({ data: row });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
