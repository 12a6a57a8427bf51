import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrateDatabase, sqliteFilePath } from '../src';
import { createPostgresTestDatabase, createSqliteTestDatabase, type TestDatabase } from '../src';

async function exerciseModel(t: TestDatabase): Promise<void> {
  await t.db.department.create({ data: { code: 'SCJG', name: '市场监督管理局', region: '370800' } });
  await t.db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  await t.db.case.create({ data: { caseNo: 'C1', applicantId: 'A1', kind: 'item', status: 'accepted' } });
  await t.db.task.create({
    data: {
      id: 'T1',
      caseNo: 'C1',
      stepId: 's1',
      seq: 1,
      departmentCode: 'SCJG',
      role: 'dept_approver',
      state: 'open',
      openedAt: new Date(),
      dueDate: '2026-10-16',
    },
  });
  // The (caseNo, stepId, seq) key makes a replayed projection write a no-op instead of a duplicate.
  await expect(
    t.db.task.create({
      data: {
        id: 'T2',
        caseNo: 'C1',
        stepId: 's1',
        seq: 1,
        departmentCode: 'SCJG',
        role: 'x',
        state: 'open',
        openedAt: new Date(),
      },
    }),
  ).rejects.toThrow();
  const inbox = await t.db.task.findMany({
    where: { departmentCode: 'SCJG', state: 'open' },
    orderBy: { dueDate: 'asc' },
  });
  expect(inbox.map((task) => task.id)).toEqual(['T1']);
  // A case file belongs to one of the case's materials; the bytes come back as they went in.
  await t.db.caseMaterial.create({
    data: { id: 'C1:M1', caseNo: 'C1', materialCode: 'M1', provenance: 'submitted' },
  });
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
  await t.db.caseFile.create({
    data: {
      caseNo: 'C1',
      materialCode: 'M1',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: 'x'.repeat(64),
      bytes,
      uploadedBy: 'u1',
      uploadedAt: new Date(),
    },
  });
  expect(
    Buffer.from(
      (
        await t.db.caseFile.findUniqueOrThrow({
          where: { caseNo_materialCode: { caseNo: 'C1', materialCode: 'M1' } },
        })
      ).bytes,
    ),
  ).toEqual(Buffer.from(bytes));
  await expect(
    t.db.caseFile.create({
      data: {
        caseNo: 'C1',
        materialCode: 'NOT-OF-THIS-CASE',
        contentType: 'application/pdf',
        size: 1,
        sha256: 'y'.repeat(64),
        bytes,
        uploadedBy: 'u1',
        uploadedAt: new Date(),
      },
    }),
  ).rejects.toThrow();
}

describe('migrateDatabase', () => {
  it('creates every table on a new SQLite file, and a second run applies nothing', async () => {
    const t = await createSqliteTestDatabase();
    try {
      await exerciseModel(t);
      expect((await migrateDatabase(t.url)).applied).toEqual([]);
    } finally {
      await t.dispose();
    }
  });

  it('refuses a database migrated by a different schema, naming what to do', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const raw = new Database(sqliteFilePath(t.url));
      raw.prepare('UPDATE "_onewindow_migrations" SET checksum = ?').run('changed');
      raw.close();
      await expect(migrateDatabase(t.url)).rejects.toThrow(
        /migrated by an older, different schema.*Move it aside/,
      );
      expect(fs.existsSync(sqliteFilePath(t.url))).toBe(true);
    } finally {
      await t.dispose();
    }
  });

  it('applies the PostgreSQL migrations and the same model works there', async () => {
    const t = await createPostgresTestDatabase();
    try {
      await exerciseModel(t);
      expect((await migrateDatabase(t.url)).applied).toEqual([]);
    } finally {
      await t.dispose();
    }
  });
});
