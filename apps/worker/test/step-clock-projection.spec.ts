import pino from 'pino';
import { bothTestDatabases, type TestDatabase } from '@onewindow/db';
import type { CaseActivities, OpenTaskInput, RecordClockEventInput } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261207000001';
const at = '2026-12-07T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });
const stepId = 'item_FOOD';

const open = (seq: number, generation: number, dueDate: string | null): OpenTaskInput => ({
  ...key(seq),
  stepId,
  generation,
  name: '食品经营许可',
  departmentCode: 'SAMR',
  role: 'dept_approver',
  assignees: ['food-1'],
  dueDate,
  provisional: false,
});
const stepClock = (
  seq: number,
  event: 'suspended' | 'resumed',
  extra: Partial<RecordClockEventInput> = {},
): RecordClockEventInput => ({ ...key(seq), clock: 'step', stepId, event, ...extra });
const decision = (seq: number, action: string) => ({
  ...key(seq),
  stepId,
  action,
  actor: 'food-1',
  details: {},
});

/**
 * The step clock on the Task row (clockState, clockReason), which the 待补正 and 特别程序中 views read: the
 * projection writes it with the step clock's events and the decisions that say why, in either order, on
 * SQLite and PostgreSQL.
 */
describe.each(bothTestDatabases)('the step clock on the task row on %s', (_name, createDatabase) => {
  let database: TestDatabase;
  let acts: CaseActivities;
  beforeEach(async () => {
    database = await createDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await database.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
  }, 30_000);
  afterEach(() => database?.dispose());

  const clockOf = async (generation = 1) =>
    database.db.task.findUniqueOrThrow({
      where: { id: `${caseNo}:${stepId}:${generation}` },
      select: { clockState: true, clockReason: true, dueDate: true },
    });

  it('follows 补正: suspended with its reason, running again with the new due date on resume', async () => {
    await acts.openTask(open(1, 1, '2026-12-16'));
    expect(await clockOf()).toEqual({ clockState: 'running', clockReason: null, dueDate: '2026-12-16' });
    // The workflow makes both calls at once: the decision and the suspension, projected in either order.
    await acts.recordClockEvent(stepClock(2, 'suspended', { reason: '补正: 营业执照' }));
    await acts.recordDecision(decision(3, 'return_for_supplement'));
    expect(await clockOf()).toMatchObject({ clockState: 'supplement', clockReason: '补正: 营业执照' });
    // A replayed event changes nothing.
    await acts.recordClockEvent(stepClock(2, 'suspended', { reason: '补正: 营业执照' }));
    expect(await clockOf()).toMatchObject({ clockState: 'supplement' });
    await acts.recordClockEvent(stepClock(4, 'resumed', { dueDate: '2026-12-18' }));
    await acts.recordDecision(decision(5, 'supplement_submitted'));
    expect(await clockOf()).toEqual({ clockState: 'running', clockReason: null, dueDate: '2026-12-18' });
  });

  it('follows a special procedure, decision first, and a hold that no decision explains', async () => {
    await acts.openTask(open(1, 1, '2026-12-16'));
    await acts.recordDecision(decision(2, 'special_procedure_started'));
    await acts.recordClockEvent(stepClock(3, 'suspended', { reason: 'expert_review: 专家评审' }));
    expect(await clockOf()).toMatchObject({
      clockState: 'special_procedure',
      clockReason: 'expert_review: 专家评审',
    });
    await acts.recordDecision(decision(4, 'special_procedure_ended'));
    await acts.recordClockEvent(stepClock(5, 'resumed', { dueDate: '2026-12-21' }));
    expect(await clockOf()).toMatchObject({ clockState: 'running', clockReason: null });
    // Paused behind a returned branch: the last suspending decision ended a procedure, so this stop is a hold.
    await acts.recordClockEvent(stepClock(6, 'suspended', { reason: 'paused while planning is returned' }));
    expect(await clockOf()).toMatchObject({
      clockState: 'hold',
      clockReason: 'paused while planning is returned',
    });
  });

  it('a generation opened while the clock stands (no due date) opens stopped; a dated one opens running', async () => {
    await acts.openTask(open(1, 1, '2026-12-16'));
    await acts.recordDecision(decision(2, 'return_for_supplement'));
    await acts.recordClockEvent(stepClock(3, 'suspended', { reason: '补正: 营业执照' }));
    // 转办 while waiting for the applicant: the next generation takes over, still waiting.
    await acts.closeTask({ ...key(4), stepId, generation: 1, status: 'transferred' });
    await acts.openTask(open(5, 2, null));
    expect(await clockOf(2)).toEqual({
      clockState: 'supplement',
      clockReason: '补正: 营业执照',
      dueDate: null,
    });
    // The closed generation keeps what it had; only open rows follow the clock.
    await acts.recordClockEvent(stepClock(6, 'resumed', { dueDate: '2026-12-18' }));
    expect(await clockOf(2)).toEqual({ clockState: 'running', clockReason: null, dueDate: '2026-12-18' });
    expect(await clockOf(1)).toMatchObject({ clockState: 'supplement' });
  });

  it('keeps the role group seat on the row (待签收 reads it), and follows the holders', async () => {
    await acts.openTask({
      ...open(1, 1, '2026-12-16'),
      assignees: ['group:SAMR/dept_approver'],
      claim: { state: 'unclaimed' },
    });
    const seat = () =>
      database.db.task.findUniqueOrThrow({
        where: { id: `${caseNo}:${stepId}:1` },
        select: { claimGroup: true, claimState: true },
      });
    expect(await seat()).toEqual({ claimGroup: 'group:SAMR/dept_approver', claimState: 'unclaimed' });
    await acts.setTaskHolders({ ...key(2), stepId, generation: 1, holders: ['food-1', 'food-2'] });
    expect(await seat()).toMatchObject({ claimGroup: null });
  });

  it('in a batch (local-serial cases): the event and the task row commit together', async () => {
    await acts.writeProjections({
      writes: [
        { name: 'openTask', input: open(1, 1, '2026-12-16') },
        { name: 'recordClockEvent', input: stepClock(2, 'suspended', { reason: '补正: 营业执照' }) },
        { name: 'recordDecision', input: decision(3, 'return_for_supplement') },
      ],
    });
    expect(await clockOf()).toMatchObject({ clockState: 'supplement', clockReason: '补正: 营业执照' });
    // A batch that fails after the resume leaves the row as it was.
    await expect(
      acts.writeProjections({
        writes: [
          { name: 'recordClockEvent', input: stepClock(4, 'resumed', { dueDate: '2026-12-18' }) },
          { name: 'closeTask', input: { ...key(5), stepId, generation: 9, status: 'approved' } },
        ],
      }),
    ).rejects.toThrow(/not in the projection yet/);
    expect(await clockOf()).toMatchObject({ clockState: 'supplement', dueDate: '2026-12-16' });
  });
});
