import { bothTestDatabases, createPostgresTestDatabase, type TestDatabase } from '@onewindow/db';
import { nextCaseNo } from '../src/cases/case-number';

// 2026-12-07 10:00 in Shanghai.
const at = new Date('2026-12-07T02:00:00Z');

async function withCases(t: TestDatabase, caseNos: string[]): Promise<void> {
  await t.db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  for (const caseNo of caseNos)
    await t.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
}

describe.each(bothTestDatabases)('nextCaseNo on %s', (_name, createDatabase) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  it('numbers the day from 000001 and continues after the last case of that day only', async () => {
    expect(await nextCaseNo(t.db, at)).toBe('YC20261207000001');
    await withCases(t, ['YC20261206000041', 'YC20261207000001', 'YC20261207000002', 'YC20261208000001']);
    expect(await nextCaseNo(t.db, at)).toBe('YC20261207000003');
  });
});

describe('nextCaseNo on PostgreSQL with a Chinese ICU collation', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createPostgresTestDatabase();
    // A centre's database created with zh-Hans-CN: punctuation sorts before digits there.
    await t.db.$executeRawUnsafe(
      `ALTER TABLE "Case" ALTER COLUMN "caseNo" TYPE text COLLATE "zh-Hans-CN-x-icu"`,
    );
  }, 30_000);
  afterEach(() => t?.dispose());

  it('still finds the last case of the day', async () => {
    await withCases(t, ['YC20261207000001', 'YC20261207000002']);
    expect(await nextCaseNo(t.db, at)).toBe('YC20261207000003');
  });
});
