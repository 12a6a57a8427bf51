import type { Request } from 'express';
import { bothTestDatabases, type TestDatabase } from '@onewindow/db';
import { caseResource } from '../src/cases/case-access';

const caseNo = 'YC20261202000042';
const requestFor = (no: string) => ({ params: { caseNo: no } }) as unknown as Request;

// The departments and copy grants authorize() checks a case request against, read in one statement.
describe.each(bothTestDatabases)('caseResource on %s', (_name, createDatabase) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createDatabase();
    const db = t.db;
    await db.department.create({ data: { code: 'WINDOW', name: '政务服务中心', region: '110105' } });
    await db.user.create({
      data: {
        id: 'clerk-1',
        username: 'clerk-1',
        displayName: '窗口',
        passwordHash: 'x',
        departmentCode: 'WINDOW',
      },
    });
    const catalogue = await db.catalogueVersion.create({
      data: { label: 'test', source: 'seed', createdBy: 'test' },
    });
    const item = (code: string, version: number, departmentCode: string) => ({
      id: `${code}@${version}`,
      itemKey: code,
      basicCode: code,
      implementationCode: code,
      name: code,
      itemType: '行政许可',
      departmentCode,
      version,
      statutoryLimitValue: 20,
      statutoryLimitUnit: 'working_days',
      promisedLimitValue: 10,
      promisedLimitUnit: 'working_days',
      data: '{}',
      catalogueVersionId: catalogue.id,
    });
    // Version 2 of FOOD moved to another department; the case was accepted on version 1.
    await db.item.createMany({
      data: [item('FOOD', 1, 'SAMR'), item('FOOD', 2, 'HEALTH'), item('FIRE', 1, 'FIRE')],
    });
    await db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await db.case.create({
      data: { caseNo, applicantId: 'A1', kind: 'bundle', status: 'in_review', acceptedBy: 'clerk-1' },
    });
    await db.caseItem.createMany({
      data: [
        { caseNo, implementationCode: 'FOOD', itemVersion: 1 },
        { caseNo, implementationCode: 'FIRE', itemVersion: 1 },
      ],
    });
    const task = (stepId: string, departmentCode: string) => ({
      id: `${caseNo}:${stepId}:1`,
      caseNo,
      stepId,
      seq: 1,
      departmentCode,
      role: 'dept_approver',
      state: 'open',
      openedAt: new Date(),
    });
    await db.task.createMany({ data: [task('item_FOOD', 'SAMR'), task('consult_ENV', 'ENV')] });
    await db.caseCopy.create({
      data: {
        id: 'cc1',
        caseNo,
        stepId: 'consult_ENV',
        userId: 'env-lead',
        copiedBy: 'env-1',
        eventKey: `${caseNo}:9`,
        copiedAt: new Date(),
      },
    });
  }, 30_000);
  afterEach(() => t?.dispose());

  it("names the accepting window, the items' departments at their accepted version, the tasks' departments and the copies", async () => {
    const resource = await caseResource({ db: t.db })(requestFor(caseNo));
    expect([...resource.departmentCodes].sort()).toEqual(['ENV', 'FIRE', 'SAMR', 'WINDOW']);
    expect(resource.copiedTo).toEqual([{ userId: 'env-lead', stepId: 'consult_ENV', departmentCode: 'ENV' }]);
  });

  it('a case with nothing but its row still resolves (no items, tasks or clerk yet)', async () => {
    await t.db.case.create({
      data: { caseNo: 'YC20261202000043', applicantId: 'A1', kind: 'item', status: 'accepted' },
    });
    expect(await caseResource({ db: t.db })(requestFor('YC20261202000043'))).toEqual({
      departmentCodes: [],
      copiedTo: [],
    });
  });

  it('an unknown or malformed case number is a 404 that names it', async () => {
    await expect(caseResource({ db: t.db })(requestFor('YC20261202000999'))).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining('YC20261202000999'),
    });
    await expect(caseResource({ db: t.db })(requestFor('C-1'))).rejects.toMatchObject({ status: 404 });
  });
});
