import pino from 'pino';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import type { CaseActivities } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261207000021';
const at = '2026-12-07T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });

/**
 * 催办 of a task nobody has claimed yet: the workflow names the role group seat (`group:<department>/<role>`),
 * and the reminder reaches the group's active members in that department, beside any person holding the step.
 */
describe('a reminder to a role group reaches its members', () => {
  let database: TestDatabase;
  let acts: CaseActivities;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    const db = database.db;
    acts = createActivities({ db, logger: pino({ level: 'silent' }) });
    for (const code of ['SFS-SCJG', 'SFS-XFJY'])
      await db.department.create({ data: { code, name: code, region: '370800' } });
    const user = (id: string, departmentCode: string, role: string, disabled = false) =>
      db.user.create({
        data: { id, username: id, displayName: id, departmentCode, disabled, roles: { create: [{ role }] } },
      });
    await user('approver-b', 'SFS-SCJG', 'dept_approver');
    await user('approver-a', 'SFS-SCJG', 'dept_approver');
    await user('approver-gone', 'SFS-SCJG', 'dept_approver', true);
    await user('lead-scjg', 'SFS-SCJG', 'dept_lead');
    await user('approver-xfjy', 'SFS-XFJY', 'dept_approver');
    await db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
  }, 60_000);
  afterAll(() => database?.dispose());

  it('names the seat and the people: the active members of the group, and a delegate holding the step', async () => {
    await acts.sendReminder({
      ...key(4),
      stepId: 'item_FOOD',
      departmentCode: 'SFS-SCJG',
      assignees: ['group:SFS-SCJG/dept_approver', 'delegate-1'],
      dueDate: '2026-12-09',
      remainingWorkingDays: 2,
      on: '2026-12-07',
    });
    const event = await database.db.clockEvent.findUniqueOrThrow({ where: { id: `${caseNo}:4` } });
    expect(JSON.parse(event.payload!)).toMatchObject({
      assignees: ['group:SFS-SCJG/dept_approver', 'delegate-1'],
      recipients: ['approver-a', 'approver-b', 'delegate-1'],
    });
    const audit = await database.db.auditEntry.findFirstOrThrow({
      where: { action: 'workflow.reminder_sent' },
    });
    expect(JSON.parse(audit.payload!)).toMatchObject({
      recipients: ['approver-a', 'approver-b', 'delegate-1'],
    });
  });

  it('a named holder is reached as before', async () => {
    await acts.sendReminder({
      ...key(5),
      stepId: 'item_FIRE',
      departmentCode: 'SFS-XFJY',
      assignees: ['approver-xfjy'],
      dueDate: '2026-12-09',
      remainingWorkingDays: 2,
      on: '2026-12-07',
    });
    const event = await database.db.clockEvent.findUniqueOrThrow({ where: { id: `${caseNo}:5` } });
    expect(JSON.parse(event.payload!)).toMatchObject({ recipients: ['approver-xfjy'] });
  });
});
