import type BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { PrismaClient as PostgresqlPrismaClient } from './generated/postgresql/client';
import { sqliteFilePath } from './migrate-database';

/** Both generated clients share one model API; we type against the SQLite one. */
export type Db = SqlitePrismaClient;

/**
 * How long a SQLite statement waits for another process's write lock (busy_timeout) before it fails
 * with SQLITE_BUSY (Prisma P1008). The API and the worker are two processes writing one file.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const kinds = new WeakMap<Db, 'sqlite' | 'postgresql'>();

/**
 * The database behind a client of createPrismaClient; undefined for any other client. Its SQLite
 * transactions all begin with BEGIN IMMEDIATE (below).
 */
export const databaseKindOf = (db: Db): 'sqlite' | 'postgresql' | undefined => kinds.get(db);

/** A Prisma client over the driver adapter that DATABASE_URL names (file: → SQLite, postgresql: → pg). */
export function createPrismaClient(url: string): Db {
  const client = openPrismaClient(url);
  kinds.set(client, url.startsWith('file:') ? 'sqlite' : 'postgresql');
  return client;
}

function openPrismaClient(url: string): Db {
  if (url.startsWith('file:')) {
    const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
    // The adapter opens its one connection lazily in connect(); tune that connection before first use.
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connection = await connect();
      tuneSqliteConnection((connection as unknown as { client: BetterSqlite3.Database }).client);
      return connection;
    };
    return new SqlitePrismaClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url });
  return new PostgresqlPrismaClient({ adapter }) as unknown as Db;
}

/**
 * Per-connection settings for a SQLite file shared by several processes:
 * - WAL journal (migrateDatabase sets it once; it persists in the file — set here too for a file it did not migrate),
 *   so readers never wait for the writer;
 * - busy_timeout (the adapter's `timeout` option) so a writer waits for the lock instead of failing at once;
 * - every transaction — interactive ($transaction) and Prisma's own (nested writes, upserts) — begins with
 *   BEGIN IMMEDIATE instead of the adapter's deferred BEGIN. A deferred transaction that reads first and then
 *   writes cannot wait for the lock: when the other process committed in between, SQLite fails the write at
 *   once with SQLITE_BUSY(_SNAPSHOT) and busy_timeout does not apply (what the API answered as HTTP 500 on
 *   acceptance under load). BEGIN IMMEDIATE takes the write lock up front, waiting on busy_timeout.
 */
function tuneSqliteConnection(client: BetterSqlite3.Database): void {
  if (!client.memory && client.pragma('journal_mode', { simple: true }) !== 'wal') client.pragma('journal_mode = WAL');
  client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => prepare(source === 'BEGIN' ? 'BEGIN IMMEDIATE' : source)) as typeof client.prepare;
}
