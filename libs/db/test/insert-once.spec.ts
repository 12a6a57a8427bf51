import {
  bothTestDatabases,
  inOneTransaction,
  insertOnce,
  insertOnceReturningIds,
  insertRows,
  isUniqueViolation,
  type TestDatabase,
} from '../src';

const caseNo = 'YC20261202000009';
const decision = (seq: number, reason: string | null = null) => ({
  id: `${caseNo}:${seq}`,
  caseNo,
  eventSeq: seq,
  stepId: 'item_FOOD',
  verb: 'approve',
  actorUserId: 'food-1',
  reason,
  payload: JSON.stringify({ seq }),
  decidedAt: new Date('2026-12-02T04:30:00.123Z'),
});

describe.each(bothTestDatabases)('insertOnce on %s', (_name, createDatabase) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createDatabase();
    await t.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await t.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
  }, 30_000);
  afterEach(() => t?.dispose());

  it('writes a row that reads back exactly as Prisma wrote it (dates, nulls, JSON text)', async () => {
    expect(await insertOnce(t.db, 'decision', decision(1))).toBe(1);
    await t.db.decision.create({ data: decision(2) });
    const [raw, viaPrisma] = await t.db.decision.findMany({ orderBy: { eventSeq: 'asc' } });
    expect(raw).toEqual(decision(1));
    expect({ ...raw, id: viaPrisma.id, eventSeq: 2, payload: viaPrisma.payload }).toEqual(viaPrisma);
    // Same stored date text, so ordering and range filters see raw and Prisma rows alike.
    expect(
      await t.db.decision.count({ where: { decidedAt: { gte: new Date('2026-12-02T04:30:00.123Z') } } }),
    ).toBe(2);
  });

  it('skips a row whose key is taken (the first stays) and says how many it inserted', async () => {
    expect(await insertOnce(t.db, 'decision', [decision(1, 'first'), decision(2)])).toBe(2);
    expect(await insertOnce(t.db, 'decision', [decision(1, 'second'), decision(3)])).toBe(1);
    // Another unique key (caseNo, eventSeq) under a new id is skipped as well.
    expect(await insertOnce(t.db, 'decision', { ...decision(2), id: 'other-id' })).toBe(0);
    const rows = await t.db.decision.findMany({
      orderBy: { eventSeq: 'asc' },
      select: { id: true, reason: true },
    });
    expect(rows).toEqual([
      { id: `${caseNo}:1`, reason: 'first' },
      { id: `${caseNo}:2`, reason: null },
      { id: `${caseNo}:3`, reason: null },
    ]);
  });

  it('a skipped row leaves the transaction usable (PostgreSQL aborts a transaction on a refused INSERT)', async () => {
    await insertOnce(t.db, 'decision', decision(1));
    await inOneTransaction(t.db, async (tx) => {
      expect(await insertOnce(tx, 'decision', decision(1))).toBe(0);
      expect(await insertOnce(tx, 'decision', decision(2))).toBe(1);
    });
    expect(await t.db.decision.count()).toBe(2);
  });

  it('refuses rows with different columns or a column name that is not one, and writes nothing', async () => {
    await expect(
      insertOnce(t.db, 'decision', [decision(1), { ...decision(2), reason: undefined }]),
    ).rejects.toThrow(/every decision row needs the same columns/);
    await expect(
      insertOnce(t.db, 'decision', { ...decision(1), ['id" = 1; --']: 'x' } as never),
    ).rejects.toThrow(/is not a column name/);
    expect(await insertOnce(t.db, 'decision', [])).toBe(0);
    expect(await t.db.decision.count()).toBe(0);
  });

  it('insertRows writes rows that read back as Prisma wrote them, and a taken key fails as a unique violation', async () => {
    const at = new Date('2026-12-02T04:30:00.123Z');
    const row = (key: string) => ({ key, requestHash: 'h', response: '{}', status: 0, createdAt: at });
    await insertRows(t.db, 'idempotencyRecord', [row('a'), row('b')]);
    await t.db.idempotencyRecord.create({ data: row('c') });
    const [a, , c] = await t.db.idempotencyRecord.findMany({ orderBy: { key: 'asc' } });
    expect(a).toEqual(row('a'));
    expect({ ...a, key: 'c' }).toEqual(c);
    expect(await t.db.idempotencyRecord.count({ where: { createdAt: { gte: at } } })).toBe(3);

    const taken = await insertRows(t.db, 'idempotencyRecord', [row('d'), row('a')]).catch((e: unknown) => e);
    expect(isUniqueViolation(taken)).toBe(true);
    // The statement wrote nothing, and a transaction that met the clash leaves nothing either.
    const clash = await inOneTransaction(t.db, async (tx) => {
      await insertRows(tx, 'idempotencyRecord', row('e'));
      await insertRows(tx, 'idempotencyRecord', row('e'));
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(clash)).toBe(true);
    expect(await t.db.idempotencyRecord.count()).toBe(3);
  });

  it('insertOnceReturningIds answers the ids of the rows it inserted, not of those it skipped', async () => {
    await insertOnce(t.db, 'decision', decision(1, 'first'));
    expect(
      (await insertOnceReturningIds(t.db, 'decision', [decision(1), decision(2), decision(3)])).sort(),
    ).toEqual([`${caseNo}:2`, `${caseNo}:3`]);
    expect(await insertOnceReturningIds(t.db, 'decision', [decision(2)])).toEqual([]);
    expect(await insertOnceReturningIds(t.db, 'decision', [])).toEqual([]);
    expect(await t.db.decision.findUnique({ where: { id: `${caseNo}:1` } })).toMatchObject({
      reason: 'first',
    });
  });
});
