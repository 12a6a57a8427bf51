import { spawn } from 'node:child_process';
import { createSqliteTestDatabase, sqliteFilePath } from '../src';

// The API and the worker are two processes writing one SQLite file. A transaction that reads and then
// writes must not fail when the other process commits in between (with the adapter's deferred BEGIN it
// did: SQLITE_BUSY_SNAPSHOT at once, busy_timeout not applied — HTTP 500 on acceptance under load).
const otherProcess = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[1], { timeout: 10000 });
const insert = db.prepare('INSERT INTO "IdempotencyRecord" (key, requestHash, response, status) VALUES (?, ?, ?, 0)');
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < Number(process.argv[2]); i++) {
  insert.run('other-' + i, 'h', '{}');
  Atomics.wait(pause, 0, 0, 1);
}
db.close();
`;

// Holds the write lock for a while, then commits; says "locked" once it holds it.
const lockHolder = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare('INSERT INTO "IdempotencyRecord" (key, requestHash, response, status) VALUES (?, ?, ?, 0)').run('holder', 'h', '{}');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
db.exec('COMMIT');
db.close();
`;

describe('SQLite shared by two processes', () => {
  it('waits for the other process to release the write lock, longer than the 2 s Prisma allows by default, without blocking its own event loop', async () => {
    const t = await createSqliteTestDatabase();
    try {
      // Longer than Prisma's default maxWait (2 s) to start a transaction: waiting for the lock counts in it.
      const holdMs = 2500;
      const child = spawn(process.execPath, ['-e', lockHolder, sqliteFilePath(t.url), String(holdMs)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const childDone = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk) => String(chunk).includes('locked') && resolve()),
      );
      // While our transaction waits for the lock, timers of this process must keep firing.
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      try {
        await t.db.$transaction(async (tx) => {
          await tx.idempotencyRecord.create({
            data: { key: 'ours', requestHash: 'h', response: '{}', status: 0 },
          });
        });
      } finally {
        clearInterval(ticker);
      }
      expect(await childDone).toBe(0);
      expect(await t.db.idempotencyRecord.count()).toBe(2);
      // A synchronous busy wait (busy_timeout inside BEGIN) would have let at most one tick through.
      expect(ticks).toBeGreaterThan(10);
    } finally {
      await t.dispose();
    }
  });

  it('commits every read-then-write transaction while another process keeps writing', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const otherWrites = 300;
      const child = spawn(
        process.execPath,
        ['-e', otherProcess, sqliteFilePath(t.url), String(otherWrites)],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const childDone = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const ours = 60;
      for (let i = 0; i < ours; i++) {
        await t.db.$transaction(async (tx) => {
          const seen = await tx.idempotencyRecord.count();
          // Give the other process time to commit between our read and our write.
          await new Promise((r) => setTimeout(r, 2));
          await tx.idempotencyRecord.create({
            data: { key: `ours-${i}`, requestHash: String(seen), response: '{}', status: 0 },
          });
        });
      }
      expect(await childDone).toBe(0);
      expect(stderr).toBe('');
      expect(await t.db.idempotencyRecord.count({ where: { key: { startsWith: 'ours-' } } })).toBe(ours);
      expect(await t.db.idempotencyRecord.count({ where: { key: { startsWith: 'other-' } } })).toBe(
        otherWrites,
      );
    } finally {
      await t.dispose();
    }
  });
});
