import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { chainHash, genesisHash, recordAudit, verifyAuditChain } from '../src';

describe('recordAudit and verifyAuditChain on a real SQLite file', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSqliteTestDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  it('chains entries from the genesis hash, masks personal data and verifies', async () => {
    await recordAudit(t.db, {
      action: 'case.accepted',
      actorUserId: 'clerk',
      target: 'case:C-1',
      payload: { idNumber: '11010519491231002X', phone: '13812345678', email: 'zhangsan@example.com' },
    });
    await recordAudit(t.db, { action: 'case.accepted', actorUserId: 'clerk', target: 'case:C-2' });
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    expect(rows[0].prevHash).toBe(genesisHash);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[1].hash).toBe(chainHash(rows[0].hash, rows[1]));
    expect(JSON.parse(rows[0].payload!)).toEqual({
      idNumber: '110105********002X',
      phone: '138****5678',
      email: 'z***@example.com',
    });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: 2, headHash: rows[1].hash });
  });
});

describe('idempotent appends by eventKey', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSqliteTestDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  const event = {
    action: 'workflow.escalated_overdue',
    actorUserId: 'system',
    target: 'case:C-9',
    payload: { stepId: 's1' },
    at: new Date('2026-12-15T01:00:00Z'),
    eventKey: 'C-9:7',
  };

  it('the same eventKey twice (also at once) appends one entry and returns it; the chain verifies', async () => {
    await recordAudit(t.db, { action: 'POST /api/cases', actorUserId: 'clerk' });
    const [a, b] = await Promise.all([recordAudit(t.db, event), recordAudit(t.db, event)]);
    const c = await recordAudit(t.db, event);
    expect(b.seq).toBe(a.seq);
    expect(c).toEqual(a);
    expect(await t.db.auditEntry.count({ where: { eventKey: 'C-9:7' } })).toBe(1);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('the event key is part of the hashed content (v2); entries without one keep the v1 hash', async () => {
    const plain = await recordAudit(t.db, { action: 'POST /api/cases', actorUserId: 'clerk' });
    const keyed = await recordAudit(t.db, event);
    expect(plain.hash).toBe(chainHash(genesisHash, { ...plain, eventKey: undefined }));
    expect(keyed.hash).toBe(chainHash(plain.hash, keyed));
    expect(keyed.hash).not.toBe(chainHash(plain.hash, { ...keyed, eventKey: 'C-9:8' }));
    expect(keyed.hash).not.toBe(chainHash(plain.hash, { ...keyed, eventKey: null }));
  });
});
