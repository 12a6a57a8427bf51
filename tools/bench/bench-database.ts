// What the database benchmarks (inbox query, supervision figures, notifications) share: a scratch database of
// each kind asked for, rows seeded in bulk through the bare driver (better-sqlite3 / pg), the bare driver that
// runs the baseline statements, and deterministic data helpers.
import { createRequire } from 'node:module';
import path from 'node:path';
import type BetterSqlite3Type from 'better-sqlite3';
import { Client } from 'pg';
import { repoRoot } from '@onewindow/config';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  sqliteFilePath,
  type TestDatabase,
} from '@onewindow/db';

export type Kind = 'sqlite' | 'postgresql';
export type Row = Record<string, unknown>;

/**
 * The SQLite library of Prisma's adapter (it ships its own better-sqlite3). A second copy of SQLite in the process
 * must never open the file Prisma has open: closing it drops the other copy's POSIX locks and corrupts the file.
 */
const BetterSqlite3 = createRequire(
  createRequire(path.join(repoRoot(), 'package.json')).resolve('@prisma/adapter-better-sqlite3'),
)('better-sqlite3') as typeof BetterSqlite3Type;

/** A DateTime as Prisma stores it: ISO text with an offset on SQLite, a UTC timestamp on PostgreSQL. */
const stored = (kind: Kind, v: unknown) =>
  v instanceof Date
    ? kind === 'sqlite'
      ? v.toISOString().replace('Z', '+00:00')
      : v.toISOString().slice(0, 23)
    : v;

/**
 * Rows (every row of a table with the same keys) in bulk through the bare driver: one SQLite transaction of
 * prepared inserts, or PostgreSQL multi-row INSERTs of 1,000 rows. DateTimes as Prisma stores them.
 */
export async function bulkInsert(kind: Kind, url: string, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const names = columns.map((c) => `"${c}"`).join(', ');
  if (kind === 'sqlite') {
    const sqlite = new BetterSqlite3(sqliteFilePath(url));
    try {
      const insert = sqlite.prepare(
        `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      sqlite.transaction(() => {
        for (const row of rows) insert.run(...columns.map((c) => stored(kind, row[c])));
      })();
    } finally {
      sqlite.close();
    }
    return;
  }
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    for (let k = 0; k < rows.length; k += 1000) {
      const chunk = rows.slice(k, k + 1000);
      const placeholders = chunk.map(
        (_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
      );
      await pg.query(
        `INSERT INTO "${table}" (${names}) VALUES ${placeholders.join(', ')}`,
        chunk.flatMap((row) => columns.map((c) => stored(kind, row[c]))),
      );
    }
  } finally {
    await pg.end();
  }
}

export interface BareDriver {
  query(sql: string, params: unknown[]): Promise<unknown[]>;
  explain(sql: string, params: unknown[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The bare driver on the same database, one statement at a time: `sql` with PostgreSQL's `$n` placeholders (on
 * SQLite each becomes `?` with the n-th parameter at its place), parameters as stored (DateTimes as Prisma stores
 * them). `explain` gives the plan: SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN ANALYZE.
 */
export async function bareDriver(kind: Kind, url: string): Promise<BareDriver> {
  const values = (params: unknown[]) => params.map((v) => stored(kind, v));
  if (kind === 'sqlite') {
    const sqlite = new BetterSqlite3(sqliteFilePath(url), { readonly: true });
    const toSqlite = (sql: string, params: unknown[]) => ({
      sql: sql.replace(/\$\d+/g, '?'),
      params: values([...sql.matchAll(/\$(\d+)/g)].map((m) => params[Number(m[1]) - 1])),
    });
    return {
      query: async (sql, params) => {
        const q = toSqlite(sql, params);
        return sqlite.prepare(q.sql).all(...q.params);
      },
      explain: async (sql, params) => {
        const q = toSqlite(`EXPLAIN QUERY PLAN ${sql}`, params);
        return sqlite
          .prepare(q.sql)
          .all(...q.params)
          .map((r) => (r as { detail: string }).detail)
          .join('\n');
      },
      close: async () => void sqlite.close(),
    };
  }
  const pg = new Client({ connectionString: url });
  await pg.connect();
  return {
    query: async (sql, params) => (await pg.query(sql, values(params))).rows,
    explain: async (sql, params) =>
      (await pg.query(`EXPLAIN ANALYZE ${sql}`, values(params))).rows
        .map((r: Record<string, string>) => r['QUERY PLAN'])
        .join('\n'),
    close: () => pg.end(),
  };
}

export const postgresSkipped =
  'TEST_POSTGRES_URL is not set (a PostgreSQL database beside which a scratch one may be created)';

/**
 * `measure` on a fresh scratch database of each kind in `kinds`, one after the other, each disposed of after (or,
 * with `keep`, left in place with its URL printed). PostgreSQL without TEST_POSTGRES_URL is skipped and says so.
 */
export async function onEachDatabase<R>(
  kinds: Kind[],
  measure: (kind: Kind, database: TestDatabase) => Promise<R>,
  { keep = false }: { keep?: boolean } = {},
): Promise<Partial<Record<Kind, R | { skipped: string }>>> {
  const results: Partial<Record<Kind, R | { skipped: string }>> = {};
  for (const kind of kinds) {
    if (kind === 'postgresql' && !process.env.TEST_POSTGRES_URL) {
      results.postgresql = { skipped: postgresSkipped };
      continue;
    }
    const database = await (kind === 'sqlite' ? createSqliteTestDatabase() : createPostgresTestDatabase());
    try {
      results[kind] = await measure(kind, database);
    } finally {
      if (keep) {
        console.error(`${kind}: kept ${database.url}`);
        await database.db.$disconnect();
      } else await database.dispose();
    }
  }
  return results;
}

/** Deterministic pseudo-random numbers (the same data every run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The calendar day `n` days after `day` (YYYY-MM-DD). */
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
