import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import {
  bothTestDatabases,
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  sqliteFilePath,
  type TestDatabase,
} from '@onewindow/db';
import { recordAudit, verifyAuditChain } from '../src';
import { chainHash, genesisHash } from '@onewindow/audit';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

async function runVerifier(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/audit/verify-audit-chain.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

async function appendSome(t: TestDatabase, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await recordAudit(t.db, {
      action: 'case.accepted',
      actorUserId: 'demo-clerk',
      target: `case:C-${i}`,
      ip: '10.0.0.1',
      requestId: `req-${i}`,
      payload: { items: i },
    });
  }
}

describe.each(bothTestDatabases)('audit chain on %s', (_kind, createDatabase) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  it('links each entry to the previous one and verifies', async () => {
    await appendSome(t, 3);
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    expect(rows[0].prevHash).toBe(genesisHash);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].hash).toBe(chainHash(rows[1].hash, rows[2]));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 3, headHash: rows[2].hash });
  });

  it('keeps one unbroken chain when two processes append at the same time', async () => {
    const child = run(
      process.execPath,
      ['--import', 'tsx', 'apps/api/test/support/append-audit-entries.ts', '25', 'child'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.url },
      },
    );
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        recordAudit(t.db, { action: 'concurrent', target: `parent:${i}` }),
      ),
    );
    await child;
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 50 });
    expect(await t.db.auditEntry.count({ where: { target: { startsWith: 'child:' } } })).toBe(25);
  }, 60_000);

  it('masks personal data in what it stores', async () => {
    await recordAudit(t.db, {
      action: 'applicant.registered',
      target: 'applicant:11010519491231002X',
      payload: { phone: '13812345678', note: 'ID 11010519491231002X' },
    });
    const row = await t.db.auditEntry.findFirstOrThrow();
    expect(row.target).toBe('applicant:110105********002X');
    expect(JSON.parse(row.payload!)).toEqual({ phone: '138****5678', note: 'ID 110105********002X' });
  });
});

describe('tampering (SQLite file edited directly)', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSqliteTestDatabase();
    await appendSome(t, 5);
  });
  afterEach(() => t?.dispose());

  it('the database refuses UPDATE and DELETE of audit entries', () => {
    const raw = new Database(sqliteFilePath(t.url));
    try {
      expect(() => raw.prepare('UPDATE "AuditEntry" SET "action" = ? WHERE "seq" = 2').run('x')).toThrow(
        /append-only/,
      );
      expect(() => raw.prepare('DELETE FROM "AuditEntry" WHERE "seq" = 2').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('an edited entry is reported by the verifier function and the command (exit 1)', async () => {
    expect(await runVerifier(t.url)).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Audit chain intact: 5 entries verified\.\nHead hash: [0-9a-f]{64}\n$/),
    });
    // Someone with file access drops the guard and rewrites history.
    const raw = new Database(sqliteFilePath(t.url));
    raw.exec('DROP TRIGGER "AuditEntry_no_update"');
    raw.prepare('UPDATE "AuditEntry" SET "actorUserId" = ? WHERE "seq" = 3').run('someone-else');
    raw.close();

    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      entries: 2,
      brokenAtSeq: 3,
      reason: expect.stringMatching(/entry #3 was changed/),
    });
    const result = await runVerifier(t.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Audit chain BROKEN at entry #3: entry #3 was changed after it was written/,
    );
  }, 60_000);

  it('a removed entry breaks the link of the one after it', async () => {
    const raw = new Database(sqliteFilePath(t.url));
    raw.exec('DROP TRIGGER "AuditEntry_no_delete"');
    raw.prepare('DELETE FROM "AuditEntry" WHERE "seq" = 2').run();
    raw.close();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: expect.stringMatching(/does not follow/),
    });
  });

  it('a recomputed hash does not hide an edit: the next link breaks', async () => {
    const raw = new Database(sqliteFilePath(t.url));
    raw.exec('DROP TRIGGER "AuditEntry_no_update"');
    const row = raw.prepare('SELECT * FROM "AuditEntry" WHERE "seq" = 2').get() as {
      prevHash: string;
      at: number | string;
    };
    const forged = {
      at: new Date(row.at),
      actorUserId: 'forger',
      action: 'case.accepted',
      target: 'case:C-2',
      ip: '10.0.0.1',
      requestId: 'req-2',
      payload: '{"items":2}',
    };
    raw
      .prepare('UPDATE "AuditEntry" SET "actorUserId" = ?, "hash" = ? WHERE "seq" = 2')
      .run('forger', chainHash(row.prevHash, forged));
    raw.close();
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });
});

describe('tampering (PostgreSQL edited directly)', () => {
  it('the triggers refuse edits; once dropped, the verifier finds the edited entry', async () => {
    const t = await createPostgresTestDatabase();
    try {
      await appendSome(t, 4);
      const client = new Client({ connectionString: t.url });
      await client.connect();
      try {
        await expect(client.query(`UPDATE "AuditEntry" SET "action" = 'x' WHERE "seq" = 2`)).rejects.toThrow(
          /append-only/,
        );
        await expect(client.query(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/append-only/);
        await expect(client.query(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
        await client.query(`DROP TRIGGER "AuditEntry_no_update_or_delete" ON "AuditEntry"`);
        await client.query(`UPDATE "AuditEntry" SET "payload" = '{"items":99}' WHERE "seq" = 2`);
      } finally {
        await client.end();
      }
      expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, entries: 1, brokenAtSeq: 2 });
      const result = await runVerifier(t.url);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/BROKEN at entry #2/);
    } finally {
      await t.dispose();
    }
  }, 60_000);
});
