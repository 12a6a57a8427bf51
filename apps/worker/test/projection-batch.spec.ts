import pino from 'pino';
import { verifyAuditChain } from '@onewindow/audit';
import { bothTestDatabases, type TestDatabase } from '@onewindow/db';
import type { CaseActivities, ProjectionBatch } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261202000001';
const at = '2026-12-02T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });
const step = { stepId: 'item_FOOD', generation: 1 };

const open = {
  ...key(1),
  ...step,
  name: '食品经营许可',
  departmentCode: 'SAMR',
  role: 'dept_approver',
  assignees: ['food-1', 'food-2'],
  dueDate: '2026-12-16',
  provisional: false,
};
const started = { ...key(2), clock: 'statutory' as const, event: 'started' as const, dueDate: '2026-12-30' };
const decide = { ...key(3), stepId: step.stepId, action: 'approve', actor: 'food-1', details: {} };
const close = { ...key(4), ...step, status: 'approved' as const };
const issue = {
  ...key(5),
  stepId: step.stepId,
  certificateTypeCode: 'FOOD_LICENCE',
  name: '食品经营许可证',
  issuedBy: 'clerk',
  on: '2026-12-02',
};

// A local-serial case's writes go to the worker as batches (writeProjections), one transaction each.
describe.each(bothTestDatabases)('writeProjections on %s', (_name, createDatabase) => {
  let database: TestDatabase;
  let acts: CaseActivities;
  beforeEach(async () => {
    database = await createDatabase();
    acts = createActivities({ db: database.db, logger: pino({ level: 'silent' }) });
    await database.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await database.db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'accepted' } });
  }, 30_000);
  afterEach(() => database?.dispose());

  const rows = async () => ({
    tasks: await database.db.task.findMany({
      where: { caseNo },
      select: { id: true, state: true, outcome: true },
    }),
    holders: await database.db.taskHolder.count(),
    decisions: await database.db.decision.count({ where: { caseNo } }),
    clockEvents: await database.db.clockEvent.count({ where: { caseNo } }),
    certificates: await database.db.certificate.findMany({
      where: { sourceCaseNo: caseNo },
      select: { number: true, holderName: true, holderIdNumber: true, issuerDeptCode: true },
    }),
    case: await database.db.case.findUniqueOrThrow({
      where: { caseNo },
      select: { status: true, statutoryDueDate: true, promisedDueDate: true },
    }),
    audit: await database.db.auditEntry.count({ where: { target: `case:${caseNo}` } }),
  });

  it('commits a batch together, results in order; the same batch again (a retry) changes nothing and still succeeds', async () => {
    const batch: ProjectionBatch = {
      writes: [
        { name: 'openTask', input: open },
        { name: 'recordClockEvent', input: started },
        { name: 'recordDecision', input: decide },
        { name: 'closeTask', input: close },
        { name: 'issueCertificate', input: issue },
      ],
    };
    const results = await acts.writeProjections(batch);
    expect(results).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      { certificateNo: `${caseNo}-Z005` },
    ]);
    const written = await rows();
    expect(written).toEqual({
      tasks: [{ id: `${caseNo}:item_FOOD:1`, state: 'done', outcome: 'approved' }],
      holders: 2,
      decisions: 1,
      clockEvents: 1,
      // The holder from the applicant, the issuer from the step's task.
      certificates: [
        {
          number: `${caseNo}-Z005`,
          holderName: '张三',
          holderIdNumber: '11010519491231002X',
          issuerDeptCode: 'SAMR',
        },
      ],
      // The case clock's start moved the case into review with its statutory due date; no promised clock yet.
      case: { status: 'in_review', statutoryDueDate: '2026-12-30', promisedDueDate: null },
      audit: 2, // the decision and the certificate
    });
    // Every insert of the retry meets its own row: on PostgreSQL a refused INSERT would abort the transaction.
    await expect(acts.writeProjections(batch)).resolves.toEqual(results);
    expect(await rows()).toEqual(written);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('writes the steps one workflow task opened together, each as openTask would; a retry adds nothing', async () => {
    const fire = { ...open, ...key(6), stepId: 'item_FIRE', assignees: ['fire-1'], departmentCode: 'FIRE' };
    const group = { ...open, ...key(7), stepId: 'item_ENV', assignees: ['group:ENV/dept_approver'] };
    const batch: ProjectionBatch = {
      writes: [
        { name: 'openTask', input: open },
        { name: 'openTask', input: fire },
        { name: 'openTask', input: group },
        { name: 'recordClockEvent', input: started },
      ],
    };
    await expect(acts.writeProjections(batch)).resolves.toEqual([undefined, undefined, undefined, undefined]);
    const tasks = () =>
      database.db.task.findMany({
        where: { caseNo },
        orderBy: { stepId: 'asc' },
        select: { id: true, departmentCode: true, assigneeUserId: true, claimGroup: true, holders: true },
      });
    const written = await tasks();
    expect(written).toEqual([
      expect.objectContaining({ id: `${caseNo}:item_ENV:1`, assigneeUserId: 'group:ENV/dept_approver' }),
      expect.objectContaining({
        id: `${caseNo}:item_FIRE:1`,
        departmentCode: 'FIRE',
        assigneeUserId: 'fire-1',
      }),
      expect.objectContaining({ id: `${caseNo}:item_FOOD:1`, assigneeUserId: null }),
    ]);
    expect(written.map((t) => t.holders.map((h) => h.userId).sort())).toEqual([
      ['group:ENV/dept_approver'],
      ['fire-1'],
      ['food-1', 'food-2'],
    ]);
    // The retry meets every row: nothing new, no holder twice (and PostgreSQL's transaction stays usable).
    await expect(acts.writeProjections(batch)).resolves.toHaveLength(4);
    expect(await tasks()).toEqual(written);
    expect(await database.db.taskHolder.count()).toBe(4);
  });

  it('a clock event never moves a finished case, and a due date no event names stays', async () => {
    await database.db.case.update({ where: { caseNo }, data: { promisedDueDate: '2026-12-20' } });
    await acts.writeProjections({ writes: [{ name: 'recordClockEvent', input: started }] });
    const before = await database.db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(before).toMatchObject({
      status: 'in_review',
      statutoryDueDate: '2026-12-30',
      promisedDueDate: '2026-12-20',
    });
    await database.db.case.update({ where: { caseNo }, data: { status: 'issued' } });
    await acts.writeProjections({
      writes: [{ name: 'recordClockEvent', input: { ...started, ...key(6), dueDate: '2027-01-08' } }],
    });
    expect(await database.db.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({
      status: 'issued',
      statutoryDueDate: '2026-12-30',
    });
  });

  it('a write that fails leaves none of its batch behind, not even the audit entry of an earlier write', async () => {
    // closeTask before the step's task row exists fails; the decision before it in the batch is rolled back.
    const batch: ProjectionBatch = {
      writes: [
        { name: 'recordDecision', input: decide },
        { name: 'closeTask', input: close },
      ],
    };
    await expect(acts.writeProjections(batch)).rejects.toThrow(/not in the projection yet/);
    expect(await rows()).toMatchObject({ tasks: [], decisions: 0, audit: 0, case: { status: 'accepted' } });
  });
});
