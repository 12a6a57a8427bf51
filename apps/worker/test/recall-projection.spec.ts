import pino from 'pino';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import type { CaseActivities } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261207000001';
const at = '2026-12-07T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });
const stepId = 'item_PLAN';

describe('撤回 in the projections (real SQLite file)', () => {
  let database: TestDatabase;
  let acts: CaseActivities;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await database.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
  }, 60_000);
  afterAll(() => database?.dispose());

  const open = (seq: number, generation: number, step: string, assignees: string[]) => ({
    ...key(seq),
    stepId: step,
    name: step,
    departmentCode: 'D1',
    role: 'dept_approver',
    assignees,
    dueDate: '2026-12-14',
    provisional: false,
    generation,
  });
  const rows = () =>
    database.db.task.findMany({ where: { caseNo }, orderBy: [{ stepId: 'asc' }, { seq: 'asc' }] });

  it('a recalled closing vote: its row is superseded (recalled), the next step is cancelled, the step opens again; applied twice, nothing changes', async () => {
    await acts.openTask(open(1, 1, stepId, ['a1']));
    await acts.recordDecision({ ...key(2), stepId, action: 'approve', actor: 'a1', details: {} });
    await acts.closeTask({ ...key(3), stepId, generation: 1, status: 'approved' });
    await acts.openTask(open(4, 1, 'next', ['n1']));
    const recall = async () => {
      await acts.recordDecision({
        ...key(5),
        stepId,
        action: 'recall',
        actor: 'a1',
        details: {
          recalled: 'approve',
          generation: 1,
          reopened: true,
          withdrawn: ['next'],
          reason: '意见写错',
        },
      });
      await acts.closeTask({ ...key(6), stepId: 'next', generation: 1, status: 'cancelled' });
      await acts.openTask(open(7, 2, stepId, ['a1']));
    };
    await recall();
    const first = await rows();
    await recall();
    expect(await rows()).toEqual(first);
    expect(first.map((t) => [t.stepId, t.seq, t.state, t.outcome, t.assigneeUserId])).toEqual([
      [stepId, 1, 'superseded', 'recalled', 'a1'],
      [stepId, 2, 'open', null, 'a1'],
      ['next', 1, 'cancelled', 'cancelled', 'n1'],
    ]);
    expect(
      (await database.db.decision.findMany({ where: { caseNo }, orderBy: { eventSeq: 'asc' } })).map((d) => [
        d.verb,
        d.actorUserId,
        d.reason,
      ]),
    ).toEqual([
      ['approve', 'a1', null],
      ['recall', 'a1', '意见写错'],
    ]);
  });

  it('a vote recalled on a step still open leaves the rows to setTaskHolders (nothing closed is touched)', async () => {
    await acts.recordDecision({
      ...key(8),
      stepId,
      action: 'recall',
      actor: 'a1',
      details: { recalled: 'approve', generation: 2, reopened: false },
    });
    expect((await rows()).find((t) => t.stepId === stepId && t.seq === 2)).toMatchObject({ state: 'open' });
  });
});
