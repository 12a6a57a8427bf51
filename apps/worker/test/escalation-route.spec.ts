import pino from 'pino';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import type { CaseActivities } from '@onewindow/workflows';
import { createActivities } from '../src/activities/create-activities';

const caseNo = 'YC20261216000001';
const at = '2026-12-16T02:00:00.000Z';
const key = (seq: number) => ({ idempotencyKey: `${caseNo}:${seq}`, caseNo, at });

/**
 * 超期督办 names real addressees: the leads (dept_lead) of the overdue step's department, and the window that
 * accepted the case; an overdue issuance goes to the window's leads. Disabled users and other roles are left out.
 */
describe('escalations name the real department, its leads and the window', () => {
  let database: TestDatabase;
  let acts: CaseActivities;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    const db = database.db;
    acts = createActivities({ db, logger: pino({ level: 'silent' }) });
    for (const code of ['SFS-ZWFW', 'SFS-SCJG'])
      await db.department.create({ data: { code, name: code, region: '370800' } });
    const user = (id: string, departmentCode: string, role: string, disabled = false) =>
      db.user.create({
        data: { id, username: id, displayName: id, departmentCode, disabled, roles: { create: [{ role }] } },
      });
    await user('clerk-1', 'SFS-ZWFW', 'window_clerk');
    await user('lead-window', 'SFS-ZWFW', 'dept_lead');
    await user('lead-scjg', 'SFS-SCJG', 'dept_lead');
    await user('lead-scjg-gone', 'SFS-SCJG', 'dept_lead', true);
    await user('approver-scjg', 'SFS-SCJG', 'dept_approver');
    await db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await db.case.create({
      data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review', acceptedBy: 'clerk-1' },
    });
  }, 60_000);
  afterAll(() => database?.dispose());

  const payloadOf = async (seq: number) => {
    const row = await database.db.clockEvent.findUniqueOrThrow({ where: { id: `${caseNo}:${seq}` } });
    return { kind: row.kind, payload: JSON.parse(row.payload!) };
  };

  it("an overdue department step goes to that department's active leads, the window told", async () => {
    await acts.escalateOverdue({
      ...key(5),
      stepId: 'item_FOOD',
      departmentCode: 'SFS-SCJG',
      role: 'dept_lead',
      dueDate: '2026-12-15',
      on: '2026-12-16',
    });
    expect(await payloadOf(5)).toEqual({
      kind: 'overdue',
      payload: {
        departmentCode: 'SFS-SCJG',
        role: 'dept_lead',
        leads: ['lead-scjg'],
        windowDepartmentCode: 'SFS-ZWFW',
        dueDate: '2026-12-15',
        on: '2026-12-16',
      },
    });
    const audit = await database.db.auditEntry.findUniqueOrThrow({ where: { eventKey: `${caseNo}:5` } });
    expect(JSON.parse(audit.payload!)).toMatchObject({ departmentCode: 'SFS-SCJG', leads: ['lead-scjg'] });
  });

  it('an overdue issuance (Art. 44) goes to the leads of the window that accepted the case', async () => {
    await acts.escalateOverdue({
      ...key(6),
      stepId: 'issue',
      to: 'window',
      role: 'dept_lead',
      dueDate: '2026-12-15',
      on: '2026-12-16',
    });
    expect((await payloadOf(6)).payload).toMatchObject({
      departmentCode: 'SFS-ZWFW',
      role: 'dept_lead',
      leads: ['lead-window'],
      windowDepartmentCode: 'SFS-ZWFW',
    });
  });
});
