import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * The approval verbs (转办, 委派, 加签/减签, 抄送, 退回) at the API boundary, over real HTTP and a real SQLite
 * file with Temporal not running: every request here is answered (or refused) before any Update would be
 * sent, so nothing may change.
 * The whole flow with Temporal is in apps/e2e/src/cases/approval-verbs.spec.ts.
 */
let api: TestApi;
let scjg: HttpSession;
let lead: HttpSession;
const caseNo = 'YC20261201000001';
const stepId = 'item_FOOD';

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  await db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
  const task = (seq: number, state: string, holders: string[], dueDate: string | null) =>
    db.task.create({
      data: {
        id: `${caseNo}:${stepId}:${seq}`,
        caseNo,
        stepId,
        seq,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        assigneeUserId: holders.length === 1 ? holders[0] : null,
        holders: { create: holders.map((userId) => ({ userId })) },
        state,
        openedAt: new Date('2026-12-01T02:00:00Z'),
        dueDate,
      },
    });
  await task(1, 'superseded', ['demo-approver.scjg'], '2026-12-09');
  await task(2, 'open', ['demo-approver.scjg', 'demo-lead.scjg'], '2026-12-09');
  // A second case whose step clock is stopped: no due date, listed after the dated tasks.
  await db.case.create({
    data: { caseNo: 'YC20261201000002', applicantId: 'A1', kind: 'item', status: 'in_review' },
  });
  await db.task.create({
    data: {
      id: 'YC20261201000002:item_FOOD:1',
      caseNo: 'YC20261201000002',
      stepId,
      seq: 1,
      departmentCode: 'SFS-SCJG',
      role: 'dept_approver',
      assigneeUserId: 'demo-lead.scjg',
      holders: { create: [{ userId: 'demo-lead.scjg' }] },
      state: 'open',
      openedAt: new Date('2026-12-01T02:00:00Z'),
      dueDate: null,
    },
  });
  scjg = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

/** Rows that a refused request must leave alone. */
const fingerprint = async () => {
  const db = api.deps.db;
  return JSON.stringify([
    await db.task.findMany({ orderBy: { id: 'asc' } }),
    await db.decision.count(),
    await db.caseCopy.count(),
    await db.auditEntry.count({ where: { action: { startsWith: 'POST' } } }),
  ]);
};

describe('the inbox and the approval verbs at the API boundary', () => {
  it('lists each task once with every holder; a holder among several finds it by assignee; undated tasks come last', async () => {
    const res = await scjg.request('GET', '/api/tasks?department=SFS-SCJG&state=open');
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(
      page.items.map((t: { id: string; holders: string[]; dueDate: string | null }) => [
        t.id,
        t.holders,
        t.dueDate,
      ]),
    ).toEqual([
      [`${caseNo}:${stepId}:2`, ['demo-approver.scjg', 'demo-lead.scjg'], '2026-12-09'],
      ['YC20261201000002:item_FOOD:1', ['demo-lead.scjg'], null],
    ]);
    const mine = await json(
      await scjg.request('GET', '/api/tasks?department=SFS-SCJG&state=open&assignee=demo-approver.scjg'),
    );
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual([`${caseNo}:${stepId}:2`]);
    const superseded = await json(
      await scjg.request('GET', '/api/tasks?department=SFS-SCJG&state=superseded'),
    );
    expect(superseded.items.map((t: { id: string; state: string }) => [t.id, t.state])).toEqual([
      [`${caseNo}:${stepId}:1`, 'superseded'],
    ]);
  });

  it.each([
    [
      { verb: 'transfer', stepId, to: ['demo-approver.wsjk'], reason: '休假' },
      'to.0',
      /belongs to SFS-WJW, not SFS-SCJG: 转办 \(transfer\) stays inside the department of step "item_FOOD"/,
    ],
    [
      { verb: 'transfer', stepId, to: ['approver.scjg'], reason: '休假' },
      'to.0',
      /no user has the id "approver.scjg" \(the user named approver.scjg has the id "demo-approver.scjg": name users by id\)/,
    ],
    [
      { verb: 'delegate', stepId, to: 'demo-approver.xfjy', reason: '核实' },
      'to',
      /belongs to SFS-XFJY, not SFS-SCJG: 委派 \(delegation\)/,
    ],
    [
      {
        verb: 'add_signers',
        stepId,
        signers: ['demo-lead.scjg', 'demo-clerk'],
        position: 'after',
        reason: '复核',
      },
      'signers.1',
      /demo-clerk" belongs to SFS-ZWFW, not SFS-SCJG: 加签/,
    ],
    [{ verb: 'copy_to', stepId, to: ['nobody'] }, 'to.0', /no user has the id "nobody"/],
  ])('refuses %j with 422 naming the person, and changes nothing', async (body, path, message) => {
    const before = await fingerprint();
    const res = await scjg.request('POST', `/api/cases/${caseNo}/actions`, { body, csrf: true });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json(res);
    expect(problem.detail).toMatch(/^Nothing was done/);
    expect(problem.errors).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a disabled user', async () => {
    await api.deps.db.user.update({ where: { id: 'demo-approver.cgj' }, data: { disabled: true } });
    const res = await scjg.request('POST', `/api/cases/${caseNo}/actions`, {
      body: { verb: 'copy_to', stepId, to: ['demo-approver.cgj'] },
      csrf: true,
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([
      { path: 'to.0', message: 'user "demo-approver.cgj" is disabled and cannot take part' },
    ]);
    await api.deps.db.user.update({ where: { id: 'demo-approver.cgj' }, data: { disabled: false } });
  });

  it('refuses a bulk approval naming every task that is not yours, sending nothing', async () => {
    const before = await fingerprint();
    const res = await scjg.request('POST', '/api/tasks/approve', {
      body: {
        tasks: [
          { caseNo, stepId },
          { caseNo: 'YC20261201000002', stepId },
          { caseNo, stepId: 'item_FIRE' },
          { caseNo: 'YC20991231999999', stepId },
        ],
      },
      csrf: true,
    });
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.detail).toMatch(/Nothing was approved: 3 of 4 task\(s\)/);
    expect(problem.errors).toEqual([
      {
        path: 'tasks.1',
        message: 'you do not hold step "item_FOOD" of case YC20261201000002 (held by demo-lead.scjg)',
      },
      { path: 'tasks.2', message: `case ${caseNo} has no open task for step "item_FIRE"` },
      { path: 'tasks.3', message: 'no case YC20991231999999' },
    ]);
    const shapeless = await scjg.request('POST', '/api/tasks/approve', { body: { tasks: [] }, csrf: true });
    expect(shapeless.status).toBe(400);
    expect((await json(shapeless)).errors).toEqual([{ path: 'tasks', message: 'name at least one task' }]);
    expect(await fingerprint()).toBe(before);
  });

  it('bulk reassign: only a lead of the person’s department (or the supervisor), only to a colleague of it', async () => {
    const before = await fingerprint();
    const approverTries = await scjg.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.scjg', to: 'demo-lead.scjg', reason: '调岗' },
      csrf: true,
    });
    expect(approverTries.status).toBe(403);
    expect((await json(approverTries)).detail).toMatch(/do not allow task.reassign/);
    const otherDepartment = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.wsjk', to: 'demo-approver.wsjk', reason: 'x' },
      csrf: true,
    });
    expect(otherDepartment.status).toBe(400);
    const notHis = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.wsjk', to: 'demo-admin', reason: 'x' },
      csrf: true,
    });
    expect(notHis.status).toBe(403);
    expect((await json(notHis)).detail).toMatch(
      /task.reassign is limited to your own department \(SFS-SCJG\); this belongs to SFS-WJW/,
    );
    const outside = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.scjg', to: 'demo-approver.wsjk', reason: 'x' },
      csrf: true,
    });
    expect(outside.status).toBe(422);
    expect((await json(outside)).errors).toEqual([
      {
        path: 'to',
        message: expect.stringMatching(
          /belongs to SFS-WJW, not SFS-SCJG: tasks are reassigned inside department SFS-SCJG/,
        ),
      },
    ]);
    const nobody = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.scjg', to: 'ghost', reason: 'x' },
      csrf: true,
    });
    expect(nobody.status).toBe(422);
    expect((await json(nobody)).errors).toEqual([{ path: 'to', message: 'no user has the id "ghost"' }]);
    const unknown = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'ghost', to: 'demo-approver.scjg', reason: 'x' },
      csrf: true,
    });
    expect(unknown.status).toBe(422);
    expect((await json(unknown)).errors).toEqual([{ path: 'from', message: 'no user has the id "ghost"' }]);
    const same = await lead.request('POST', '/api/tasks/reassign', {
      body: { from: 'demo-approver.scjg', to: 'demo-approver.scjg', reason: 'x' },
      csrf: true,
    });
    expect(same.status).toBe(400);
    expect(await fingerprint()).toBe(before);
  });

  it('bulk reassign in a department the person is granted a role in: named by departmentCode, led there, to a member there', async () => {
    const db = api.deps.db;
    // 市场监管's approver also approves for 卫健 and 消防; the lead of 市场监管 also leads 卫健 (docs/decisions/0023).
    await db.userRole.createMany({
      data: [
        { userId: 'demo-approver.scjg', role: 'dept_approver', departmentCode: 'SFS-WJW' },
        { userId: 'demo-approver.scjg', role: 'dept_approver', departmentCode: 'SFS-XFJY' },
        { userId: 'demo-lead.scjg', role: 'dept_lead', departmentCode: 'SFS-WJW' },
      ],
    });
    const before = await fingerprint();
    const reassign = (body: Record<string, unknown>) =>
      lead.request('POST', '/api/tasks/reassign', {
        body: { from: 'demo-approver.scjg', reason: '调岗', ...body },
        csrf: true,
      });
    const noRole = await reassign({ to: 'demo-lead.scjg', departmentCode: 'SFS-GAJ' });
    expect(noRole.status).toBe(400);
    const noRoleProblem = await json(noRole);
    expect(noRoleProblem.errors).toEqual([
      {
        path: 'departmentCode',
        message:
          '用户“demo-approver.scjg”在部门 SFS-GAJ 没有角色，不能转办其在该部门的待办；可选的部门：SFS-SCJG、SFS-WJW、SFS-XFJY（不填则为其所属部门）',
      },
    ]);
    expect(noRoleProblem.detail).toMatch(/^未转办任何待办 — /);
    const empty = await reassign({ to: 'demo-lead.scjg', departmentCode: ' ' });
    expect(empty.status).toBe(400);
    expect((await json(empty)).errors).toEqual([
      { path: 'departmentCode', message: 'departmentCode（部门编码）不能为空：不填则为被转办人的所属部门' },
    ]);
    // 消防: the person works there, the lead does not lead there.
    const notLed = await reassign({ to: 'demo-approver.xfjy', departmentCode: 'SFS-XFJY' });
    expect(notLed.status).toBe(403);
    expect((await json(notLed)).detail).toMatch(
      /task.reassign is limited to your own department \(SFS-SCJG, SFS-WJW\); this belongs to SFS-XFJY/,
    );
    // 卫健: `to` must be a member of 卫健 (home or granted), not of the person's home department.
    const notMember = await reassign({ to: 'demo-approver.xfjy', departmentCode: 'SFS-WJW' });
    expect(notMember.status).toBe(422);
    expect((await json(notMember)).errors).toEqual([
      {
        path: 'to',
        message: expect.stringMatching(
          /belongs to SFS-XFJY, not SFS-WJW: tasks are reassigned inside department SFS-WJW/,
        ),
      },
    ]);
    expect(await fingerprint()).toBe(before);
    // Allowed: 卫健 has no open task here, so nothing is sent and the answer names 卫健, not 市场监管.
    const moved = await reassign({ to: 'demo-approver.wsjk', departmentCode: 'SFS-WJW' });
    expect(moved.status).toBe(200);
    expect(await json(moved)).toEqual({
      from: 'demo-approver.scjg',
      to: 'demo-approver.wsjk',
      departmentCode: 'SFS-WJW',
      ok: 0,
      refused: 0,
      items: [],
    });
    const audited = await db.auditEntry.findFirst({
      where: { action: 'task.reassigned' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(audited!.payload as string)).toMatchObject({ departmentCode: 'SFS-WJW' });
    await db.userRole.deleteMany({ where: { departmentCode: { in: ['SFS-WJW', 'SFS-XFJY'] } } });
  });

  it('lists nothing copied to a user who got no copy, and refuses without a session', async () => {
    const res = await scjg.request('GET', '/api/cases/copied');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
    const anonymous = await fetch(`${api.baseUrl}/api/cases/copied`);
    expect(anonymous.status).toBe(401);
  });
});
