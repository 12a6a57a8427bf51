import { createSqliteTestDatabase, type TestDatabase } from '../src';

/**
 * SQLite keeps no statistics in our databases, so its planner picks an index by shape alone. The indexes that start
 * with Task.state (the supervision figures) looked better to it than the case's own: a case's open tasks and the
 * step clock's trigger read every open task of the centre. These plans are what keep that from coming back.
 */
describe('how SQLite reads a case’s tasks', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createSqliteTestDatabase();
  });
  afterAll(() => t?.dispose());

  const planOf = async (statement: string) =>
    ((await t.db.$queryRawUnsafe(`EXPLAIN QUERY PLAN ${statement}`)) as { detail: string }[])
      .map((row) => row.detail)
      .join(' | ');

  it('reads the open tasks of one case by the case', async () => {
    expect(await planOf(`SELECT * FROM "Task" WHERE "caseNo" = 'YC1' AND "state" = 'open'`)).toMatch(
      /USING INDEX Task_caseNo_state_idx \(caseNo=\? AND state=\?\)/,
    );
  });

  it('the step clock trigger finds the step’s open task by case and step', async () => {
    const [trigger] = (await t.db.$queryRawUnsafe(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'ClockEvent_feed_insert'`,
    )) as { sql: string }[];
    const select = /SELECT DISTINCT[\s\S]*?'open'/.exec(trigger.sql)?.[0];
    expect(select).toBeDefined();
    const plan = await planOf(
      (select as string).replace('NEW."caseNo"', `'YC1'`).replace('substr(NEW."clockId", 6)', `'step-1'`),
    );
    expect(plan).toMatch(/USING INDEX Task_caseNo_stepId_seq_key \(caseNo=\? AND stepId=\?\)/);
    expect(plan).not.toMatch(/Task_state_/);
  });
});
