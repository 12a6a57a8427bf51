import { ApplicationFailure } from '@temporalio/common';
import { demoPassword, seedDemoUsers } from '../src';
import { refusalSentence, shanghaiTime } from '../src/tasks/action-refusals';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * 待签收 (the to_claim view), the claim column and who may claim, over real HTTP and a real SQLite file.
 * Temporal is not running: every check here is the API's own, made before an Update would be sent.
 */
let api: TestApi;
let scjg: HttpSession;
let lead: HttpSession;
let xfjy: HttpSession;
let clerk: HttpSession;
const approver = 'demo-approver.scjg';
const food = 'IMPL-FOOD';

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三丰' },
  });
  const version = await db.catalogueVersion.create({ data: { label: 't', source: 'seed', createdBy: 't' } });
  await db.item.create({
    data: {
      id: `${food}@1`,
      itemKey: food,
      basicCode: food,
      implementationCode: food,
      name: '食品经营许可',
      itemType: '01',
      departmentCode: 'SFS-SCJG',
      version: 1,
      statutoryLimitValue: 20,
      statutoryLimitUnit: 'working_day',
      promisedLimitValue: 10,
      promisedLimitUnit: 'working_day',
      data: '{}',
      catalogueVersionId: version.id,
    },
  });
  const task = async (
    n: number,
    holders: string[],
    claim: { claimState: string | null; claimedBy?: string; claimedAt?: Date },
  ) => {
    const caseNo = `YC2026120100000${n}`;
    await db.case.create({
      data: {
        caseNo,
        applicantId: 'A1',
        kind: 'item',
        status: 'in_review',
        items: { create: [{ implementationCode: food, itemVersion: 1 }] },
      },
    });
    await db.task.create({
      data: {
        id: `${caseNo}:item_FOOD:1`,
        caseNo,
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode: 'SFS-SCJG',
        role: 'dept_approver',
        assigneeUserId: holders.length === 1 ? holders[0] : null,
        holders: { create: holders.map((userId) => ({ userId })) },
        state: 'open',
        openedAt: new Date('2026-12-01T02:00:00Z'),
        dueDate: `2026-12-1${n}`,
        // The role group seat among the holders, as the worker's projection writes it (openTask).
        claimGroup: holders.find((h) => h.startsWith('group:SFS-SCJG/')) ?? null,
        ...claim,
      },
    });
  };
  // 1: offered to the department's approvers; 2: claimed by the approver; 3: a named task; 4: a 转办 group naming the lead.
  await task(1, ['group:SFS-SCJG/dept_approver'], { claimState: 'unclaimed' });
  await task(2, [approver], {
    claimState: 'claimed',
    claimedBy: approver,
    claimedAt: new Date('2026-12-02T02:02:00Z'),
  });
  await task(3, [approver], { claimState: null });
  await task(4, ['demo-lead.scjg', 'someone'], { claimState: 'unclaimed' });
  scjg = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
  xfjy = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

const ids = (page: { items: { caseNo: string }[] }) => page.items.map((t) => t.caseNo.slice(-1));
const inbox = async (who: HttpSession, query: string) => {
  const res = await who.request('GET', `/api/tasks?department=SFS-SCJG&${query}`);
  expect(res.status).toBe(200);
  return json(res);
};

describe('待签收: tasks offered to a group', () => {
  it('lists the unclaimed tasks of my role group (and of 转办 groups naming me), never claimed or named ones', async () => {
    expect(ids(await inbox(scjg, 'view=to_claim'))).toEqual(['1']);
    // The lead is not in the dept_approver group, but a 转办 group names them.
    expect(ids(await inbox(lead, 'view=to_claim'))).toEqual(['4']);
    // 我的待办 has the claimed and the named task, not the group's.
    expect(ids(await inbox(scjg, 'view=mine'))).toEqual(['2', '3']);
  });

  it('rows carry the claim state, the claimer by name and the time', async () => {
    const [open] = (await inbox(scjg, 'view=to_claim')).items;
    expect(open.claim).toEqual({ state: 'unclaimed', by: null, byName: null, at: null });
    const mine = (await inbox(scjg, 'view=mine')).items;
    expect(mine.map((t: { claim: unknown }) => t.claim)).toEqual([
      { state: 'claimed', by: approver, byName: expect.any(String), at: '2026-12-02T02:02:00.000Z' },
      { state: null, by: null, byName: null, at: null },
    ]);
    expect(mine[0].claim.byName).not.toBe(approver);
  });

  it('access: another department and the window cannot list the department’s group tasks', async () => {
    expect((await xfjy.request('GET', '/api/tasks?department=SFS-SCJG&view=to_claim')).status).toBe(403);
    expect((await clerk.request('GET', '/api/tasks?department=SFS-SCJG&view=to_claim')).status).toBe(403);
  });

  it('access: the window cannot claim; only a lead assigns, and only to a user of the step’s department', async () => {
    const action = (who: HttpSession, body: unknown) =>
      who.request('POST', '/api/cases/YC20261201000001/actions', { body, csrf: true });
    expect((await action(clerk, { verb: 'claim', stepId: 'item_FOOD' })).status).toBe(403);
    const notLead = await action(scjg, { verb: 'assign', stepId: 'item_FOOD', to: approver });
    expect(notLead.status).toBe(403);
    expect((await json(notLead)).detail).toContain('task.reassign');
    const outside = await action(lead, { verb: 'assign', stepId: 'item_FOOD', to: 'demo-approver.xfjy' });
    expect(outside.status).toBe(422);
    expect((await json(outside)).detail).toContain(
      'belongs to SFS-XFJY, not SFS-SCJG: 指派 stays inside the department of step "item_FOOD"',
    );
    const badRevision = await action(scjg, { verb: 'claim', stepId: 'item_FOOD', expectedRevision: -1 });
    expect(badRevision.status).toBe(400);
  });
});

describe('refusals of a step action, as an approver reads them', () => {
  const now = new Date('2026-12-02T03:00:00Z');
  const failure = (type: string, details: Record<string, unknown>) =>
    ApplicationFailure.create({ type, message: 'm', details: [details] });

  it('a claimed task names who claimed it and when, by name, in Shanghai time', async () => {
    const name = (await api.deps.db.user.findUnique({ where: { id: approver } }))!.displayName;
    expect(
      await refusalSentence(
        api.deps,
        failure('TaskClaimed', { stepId: 'item_FOOD', by: approver, at: '2026-12-02T02:02:00.000Z' }),
        now,
      ),
    ).toBe(`此任务已由 ${name} 于 10:02 签收，请刷新。本次操作未执行。`);
  });

  it('a stale page, a decided task and another department’s task say what changed and that nothing was done', async () => {
    const change = { action: 'transfer', by: 'demo-lead.scjg', at: '2026-12-01T01:00:00.000Z' };
    expect(await refusalSentence(api.deps, failure('StaleTask', { change }), now)).toMatch(
      /^此任务在您打开页面后已有变化（.+ 于 2026-12-01 09:00 转办），本次操作未执行，请刷新后再办理。$/,
    );
    expect(
      await refusalSentence(api.deps, failure('TaskClosed', { status: 'approved', change }), now),
    ).toMatch(/^此任务已同意（.+转办），本次操作未执行，请刷新。$/);
    expect(
      await refusalSentence(
        api.deps,
        failure('OtherDepartment', { departmentCode: 'SFS-SCJG', actorDepartment: 'SFS-XFJY' }),
        now,
      ),
    ).toMatch(/^此任务属于.+，不是您所在部门（.+）的任务，本次操作未执行。$/);
    expect(await refusalSentence(api.deps, new Error('x'), now)).toBeUndefined();
    expect(shanghaiTime('2026-12-01T16:30:00.000Z', now)).toBe('00:30');
  });
});
