import { bothTestDatabases, insertOnce, type TestDatabase } from '../src';

const caseNo = 'YC20261202000011';
const taskId = `${caseNo}:item_FOOD:1`;

/**
 * TaskFeedVersion is kept by triggers (migration task_feed_versions), the same on SQLite and PostgreSQL:
 * every write that changes what a department's inbox shows bumps that department's version, whoever wrote
 * it; other departments and writes that change no inbox row leave theirs alone.
 */
describe.each(bothTestDatabases)('TaskFeedVersion on %s', (_name, createDatabase) => {
  let t: TestDatabase;
  const versions = async () =>
    Object.fromEntries((await t.db.taskFeedVersion.findMany()).map((r) => [r.departmentCode, r.version]));

  beforeEach(async () => {
    t = await createDatabase();
    await t.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await t.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
  }, 30_000);
  afterEach(() => t?.dispose());

  it('moves with every open, close, due date, holder and step-clock write of the department, and only its own', async () => {
    expect(await versions()).toEqual({});
    // openTask: the row, then its holders (two writes).
    await insertOnce(t.db, 'task', {
      id: taskId,
      caseNo,
      stepId: 'item_FOOD',
      seq: 1,
      departmentCode: 'SCJG',
      role: 'dept_approver',
      assigneeUserId: 'food-1',
      state: 'open',
      openedAt: new Date('2026-12-02T02:00:00Z'),
      dueDate: '2026-12-15',
    });
    await insertOnce(t.db, 'taskHolder', [{ taskId, userId: 'food-1' }]);
    expect(await versions()).toEqual({ SCJG: 2 });
    // A replayed openTask inserts nothing: nothing moves.
    await insertOnce(t.db, 'taskHolder', [{ taskId, userId: 'food-1' }]);
    expect(await versions()).toEqual({ SCJG: 2 });

    // An approved extension moves the due date.
    await t.db.task.updateMany({ where: { caseNo, state: 'open' }, data: { dueDate: '2026-12-18' } });
    expect(await versions()).toEqual({ SCJG: 3 });
    // setTaskHolders: out with one holder, in with another (one bump each).
    await t.db.taskHolder.deleteMany({ where: { taskId } });
    await t.db.taskHolder.createMany({ data: [{ taskId, userId: 'food-2' }] });
    expect(await versions()).toEqual({ SCJG: 5 });
    // The step clock stops for 补正; the case clock's events concern no inbox row.
    await insertOnce(t.db, 'clockEvent', [
      {
        id: `${caseNo}:7`,
        caseNo,
        eventSeq: 7,
        clockId: 'step:item_FOOD',
        kind: 'suspend',
        at: new Date('2026-12-03T02:00:00Z'),
        reason: '补正',
      },
      {
        id: `${caseNo}:8`,
        caseNo,
        eventSeq: 8,
        clockId: 'case',
        kind: 'suspend',
        at: new Date('2026-12-03T02:00:00Z'),
        reason: '补正',
      },
    ]);
    expect(await versions()).toEqual({ SCJG: 6 });
    // closeTask, and another department's task: each department's own version.
    await t.db.$executeRaw`UPDATE "Task" SET "state" = 'done' WHERE "id" = ${taskId}`;
    await t.db.task.create({
      data: {
        id: `${caseNo}:item_FIRE:1`,
        caseNo,
        stepId: 'item_FIRE',
        seq: 1,
        departmentCode: 'XFJY',
        role: 'dept_approver',
        state: 'open',
        openedAt: new Date('2026-12-02T02:00:00Z'),
      },
    });
    expect(await versions()).toEqual({ SCJG: 7, XFJY: 1 });
    // A clock event of a step whose task is closed changes no inbox.
    await t.db.clockEvent.create({
      data: {
        id: `${caseNo}:9`,
        caseNo,
        eventSeq: 9,
        clockId: 'step:item_FOOD',
        kind: 'resume',
        at: new Date('2026-12-04T02:00:00Z'),
      },
    });
    expect(await versions()).toEqual({ SCJG: 7, XFJY: 1 });
    // A deleted task (its case deleted) leaves the inbox: each department's version moves.
    await t.db.case.delete({ where: { caseNo } });
    expect(await versions()).toEqual({ SCJG: 8, XFJY: 2 });
  });
});
