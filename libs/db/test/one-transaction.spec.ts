import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  inOneTransaction,
  kindOfClient,
  type Db,
  type TestDatabase,
} from '../src';

const record = (db: Db, key: string) =>
  db.idempotencyRecord.create({ data: { key, requestHash: 'h', response: '{}', status: 0 } });
/** A write that opens its own transaction, like the audit append. */
const recordInOwnTransaction = (db: Db, key: string) =>
  db.$transaction(async (tx) => record(tx as unknown as Db, key));
const keys = async (db: Db) =>
  (await db.idempotencyRecord.findMany({ orderBy: { key: 'asc' } })).map((r) => r.key);

describe.each([
  ['SQLite', createSqliteTestDatabase, 'sqlite'],
  ['PostgreSQL', createPostgresTestDatabase, 'postgresql'],
] as const)('inOneTransaction on %s', (_name, createDatabase, kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createDatabase();
  }, 30_000);
  afterEach(() => t?.dispose());

  it('commits the writes, including those that open their own transaction, together', async () => {
    await inOneTransaction(t.db, async (tx) => {
      await record(tx, 'a');
      await recordInOwnTransaction(tx, 'b');
      await inOneTransaction(tx, (again) => record(again, 'c'));
    });
    expect(await keys(t.db)).toEqual(['a', 'b', 'c']);
  });

  it('a failure anywhere leaves nothing behind, also what a joined transaction wrote', async () => {
    await expect(
      inOneTransaction(t.db, async (tx) => {
        await record(tx, 'a');
        await recordInOwnTransaction(tx, 'b');
        throw new Error('the third write failed');
      }),
    ).rejects.toThrow('the third write failed');
    expect(await keys(t.db)).toEqual([]);
  });

  it('knows the database of the client and of its transactions', async () => {
    expect(kindOfClient(t.db)).toBe(kind);
    await inOneTransaction(t.db, async (tx) => expect(kindOfClient(tx)).toBe(kind));
  });

  it('refuses the array form of $transaction inside, saying what to pass instead', async () => {
    await expect(inOneTransaction(t.db, async (tx) => tx.$transaction([record(tx, 'a')]))).rejects.toThrow(
      /cannot join an open transaction: pass a function/,
    );
    expect(await keys(t.db)).toEqual([]);
  });
});
