import { Prisma } from './generated/sqlite/client';
import type { Db } from './create-prisma-client';

/** The tables whose rows are written once per workflow event (keyed by their primary or unique key). */
export type KeyedTable = 'task' | 'decision' | 'clockEvent' | 'certificate' | 'caseCopy' | 'taskHolder';
/** The tables every acceptance writes (insertRows). */
type AcceptanceTable = 'case' | 'caseItem' | 'caseMaterial' | 'idempotencyRecord';
type RowTable = KeyedTable | AcceptanceTable;
/** A row of `table` as its createMany takes it (no nested writes). */
export type KeyedRow<T extends RowTable> = Exclude<
  Parameters<Db[T]['createMany']>[0],
  undefined
>['data'] extends infer D
  ? Exclude<D, readonly unknown[]>
  : never;

/** Prisma model (camelCase client property) → table name: the schema maps none, so the table is the model name. */
const tableOf = (table: RowTable): string => table[0].toUpperCase() + table.slice(1);
const identifier = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Inserts rows of one table, skipping every row whose key is already there, in one statement:
 * `INSERT … ON CONFLICT DO NOTHING`, which SQLite (3.24+) and PostgreSQL both run, and which leaves a
 * transaction usable either way (a refused plain INSERT aborts a PostgreSQL transaction). Returns how many rows
 * it inserted. Columns are the rows' own keys (undefined ones take their default); values are bound parameters.
 *
 * A raw statement on purpose: on the hot path of every case, and Prisma 6.19 compiles each model query anew
 * (a model create costs ~0.45 ms of CPU, this ~0.11 ms; docs/decisions/0007).
 */
export async function insertOnce<T extends KeyedTable>(
  db: Db,
  table: T,
  rows: KeyedRow<T> | KeyedRow<T>[],
): Promise<number> {
  const insert = insertStatement(table, rows);
  return insert ? db.$executeRaw`${insert} ON CONFLICT DO NOTHING` : 0;
}

/** insertOnce for rows keyed by an `id` column, answering the ids it inserted (`RETURNING`, both databases). */
export async function insertOnceReturningIds<T extends 'task' | 'decision' | 'clockEvent'>(
  db: Db,
  table: T,
  rows: KeyedRow<T>[],
): Promise<string[]> {
  const insert = insertStatement(table, rows);
  if (!insert) return [];
  const inserted = await db.$queryRaw<{ id: string }[]>`${insert} ON CONFLICT DO NOTHING RETURNING "id"`;
  return inserted.map((row) => row.id);
}

/**
 * Inserts rows of one table in one plain `INSERT` (the acceptance's rows: a raw statement for the same reason
 * as insertOnce). A taken key fails the statement; isUniqueViolation recognises that failure. Every column
 * with a default that Prisma would fill (`@default(now())`, `@updatedAt`) must be given: the database's own
 * default would store a different date text.
 */
export async function insertRows<T extends AcceptanceTable>(
  db: Db | Prisma.TransactionClient,
  table: T,
  rows: KeyedRow<T> | KeyedRow<T>[],
): Promise<void> {
  const insert = insertStatement(table, rows);
  if (insert) await db.$executeRaw`${insert}`;
}

function insertStatement(table: RowTable, rows: unknown): Prisma.Sql | undefined {
  const list = (Array.isArray(rows) ? rows : [rows]) as Record<string, unknown>[];
  if (list.length === 0) return undefined;
  const columns = Object.keys(list[0]).filter((column) => list[0][column] !== undefined);
  for (const column of columns)
    if (!identifier.test(column)) throw new Error(`insert: "${column}" is not a column name`);
  for (const row of list) {
    const keys = Object.keys(row).filter((column) => row[column] !== undefined);
    if (keys.length !== columns.length || keys.some((k) => !columns.includes(k)))
      throw new Error(`insert: every ${table} row needs the same columns (${columns.join(', ')})`);
  }
  const values = list.map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`);
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${tableOf(table)}"`)} (${Prisma.raw(columns.map((c) => `"${c}"`).join(', '))}) VALUES ${Prisma.join(values)}`;
}

/** A taken key: P2002 from a model query; from a raw one, P2010 carrying the driver's UniqueConstraintViolation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  } | null;
  return (
    e?.code === 'P2002' ||
    (e?.code === 'P2010' && e.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation')
  );
}
