import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { chainHash, genesisHash, recordAudit, verifyAuditChain } from '../src';

describe('recordAudit and verifyAuditChain on a real SQLite file', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSqliteTestDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  it('chains entries from the genesis hash, masks personal data and verifies', async () => {
    await recordAudit(t.db, { action: 'case.accepted', actorUserId: 'clerk', target: 'case:C-1', payload: { idNumber: '11010519491231002X', phone: '13812345678' } });
    await recordAudit(t.db, { action: 'case.accepted', actorUserId: 'clerk', target: 'case:C-2' });
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    expect(rows[0].prevHash).toBe(genesisHash);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[1].hash).toBe(chainHash(rows[0].hash, rows[1]));
    expect(JSON.parse(rows[0].payload!)).toEqual({ idNumber: '110105********002X', phone: '138****5678' });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 2, headHash: rows[1].hash });
  });
});
