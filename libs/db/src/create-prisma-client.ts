import { setTimeout as sleep } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { Mutex } from 'async-mutex';
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
    const adapter = new PrismaBetterSQLite3({
      url: `file:${sqliteFilePath(url)}`,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    // The adapter opens its one connection lazily in connect(); tune that connection before first use.
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connection = await connect();
      beginTransactionsWithoutBlocking(
        connection,
        (connection as unknown as { client: BetterSqlite3.Database }).client,
      );
      return connection;
    };
    // Waiting for the other process's write lock counts in a transaction's maxWait (Prisma's default: 2 s);
    // allow as long as the lock wait itself (below).
    return new SqlitePrismaClient({ adapter, transactionOptions: { maxWait: SQLITE_BUSY_TIMEOUT_MS } });
  }
  const adapter = new PrismaPg({ connectionString: url });
  return new PostgresqlPrismaClient({ adapter }) as unknown as Db;
}

type SqliteConnection = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type SqliteTransaction = Awaited<ReturnType<SqliteConnection['startTransaction']>>;

const isBusy = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * Per-connection settings for a SQLite file shared by several processes (the API and the worker):
 * - WAL journal (migrateDatabase sets it once; it persists in the file — set here too for a file it did not migrate),
 *   so readers never wait for the writer;
 * - busy_timeout, so a write outside a transaction waits for the lock instead of failing at once;
 * - every transaction — interactive ($transaction) and Prisma's own (nested writes) — begins with BEGIN IMMEDIATE
 *   instead of the adapter's deferred BEGIN. A deferred transaction that reads first and then writes cannot wait
 *   for the lock: when the other process committed in between, SQLite fails the write at once with
 *   SQLITE_BUSY(_SNAPSHOT) and busy_timeout does not apply (what the API answered as HTTP 500 on acceptance
 *   under load). BEGIN IMMEDIATE takes the write lock up front;
 * - and it waits for that lock without blocking the process. better-sqlite3 is synchronous: under busy_timeout a
 *   BEGIN that waits for the other process's transaction froze the whole event loop (the load run's profiles:
 *   16 s of 60 in the API's startTransaction). So BEGIN IMMEDIATE is tried without a busy timeout and, while the
 *   other process holds the lock, retried after short sleeps (1, 2, then 4 ms) that let the process serve
 *   everything else, for up to SQLITE_BUSY_TIMEOUT_MS. The sleeps stop at 4 ms: at 16 ms the lock stood idle
 *   between the API and the worker, and acceptances at 20/s took a median of 133–153 ms against 34–44 ms (p95
 *   376–474 ms against 100–304 ms; tools/bench/acceptance.bench.ts, quiet host); at 2 ms the polling cost more. This connection's own transactions still run one at a time (a mutex, as in the
 *   adapter, whose BEGIN then finds the transaction open and does nothing).
 */
function beginTransactionsWithoutBlocking(
  connection: SqliteConnection,
  client: BetterSqlite3.Database,
): void {
  if (!client.memory && client.pragma('journal_mode', { simple: true }) !== 'wal')
    client.pragma('journal_mode = WAL');
  client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const prepare = client.prepare.bind(client);
  const reuse = reusedStatements(prepare);
  let begun = false;
  const alreadyBegun = { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  client.prepare = ((source: string) => {
    if (source !== 'BEGIN') return reuse(source);
    if (!begun) return prepare('BEGIN IMMEDIATE');
    begun = false;
    return alreadyBegun;
  }) as typeof client.prepare;

  const beginImmediate = async () => {
    const begin = prepare('BEGIN IMMEDIATE');
    const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 4)) {
      client.pragma('busy_timeout = 0');
      try {
        begin.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      } finally {
        client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      }
      await sleep(pause);
    }
  };

  const transactions = new Mutex();
  const startTransaction = connection.startTransaction.bind(connection);
  connection.startTransaction = async (isolationLevel) => {
    const release = await transactions.acquire();
    let transaction: SqliteTransaction;
    try {
      await beginImmediate();
      begun = true;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        begun = false;
        client.prepare('ROLLBACK').run();
        throw error;
      }
    } catch (error) {
      release();
      throw error;
    }
    const commit = transaction.commit.bind(transaction);
    const rollback = transaction.rollback.bind(transaction);
    transaction.commit = () => commit().finally(release);
    transaction.rollback = () => rollback().finally(release);
    return transaction;
  };
}

/** How many prepared statements a SQLite connection keeps for reuse (the oldest is dropped first). */
const REUSED_STATEMENTS = 500;

/**
 * The adapter prepares every statement anew (SQLite parses and plans the SQL each time: 4–7 % of the API's
 * and the worker's CPU under load) and binds its values with bind(), which a better-sqlite3 statement allows
 * once. This keeps each SQL text's statement and hands the adapter a statement-like object that passes the
 * values to every call instead, so one prepared statement serves every execution of the same SQL text.
 * better-sqlite3 runs each call to completion synchronously, so calls never interleave on a statement.
 */
function reusedStatements(prepare: (source: string) => BetterSqlite3.Statement) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (source: string) => {
    let statement = statements.get(source);
    if (statement) return statement;
    if (statements.size >= REUSED_STATEMENTS) statements.delete(statements.keys().next().value as string);
    statement = prepare(source);
    statements.set(source, statement);
    return statement;
  };
  return (source: string) => {
    const statement = statementFor(source);
    const withValues = (values: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(values),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(values) }),
    });
    return { ...withValues([]), bind: (values: unknown[]) => withValues(values) };
  };
}
