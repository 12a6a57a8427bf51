import { demoPassword, seedDemoUsers } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * 撤回 (recall) through POST /api/cases/:caseNo/actions, over real HTTP and a real SQLite file: the verb is
 * dispatched by the registry like every other (authorized as case.decide, its body checked, the signed-in
 * user as the actor). Temporal's client is replaced by a recorder of the Update it would send (the
 * workflow's own answers are in workflows/test/case-recall.spec.ts); a bad request is refused before
 * anything is sent.
 */
let api: TestApi;
let approver: HttpSession;
let clerk: HttpSession;
const caseNo = 'YC20261207000009';
const stepId = 'item_FOOD';

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  await db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  await db.case.create({ data: { caseNo, applicantId: 'A1', kind: 'item', status: 'in_review' } });
  await db.task.create({
    data: {
      id: `${caseNo}:${stepId}:1`,
      caseNo,
      stepId,
      seq: 1,
      departmentCode: 'SFS-SCJG',
      role: 'dept_approver',
      assigneeUserId: 'demo-approver.scjg',
      holders: { create: [{ userId: 'demo-approver.scjg' }] },
      state: 'done',
      outcome: 'approved',
      openedAt: new Date('2026-12-07T02:00:00Z'),
      closedAt: new Date('2026-12-07T03:00:00Z'),
      dueDate: '2026-12-14',
    },
  });
  approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

/** What the API sent to the workflow: the Update's name, its payload and its update id. */
const sent: { update: string; args: unknown[]; updateId?: string }[] = [];
beforeAll(() => {
  const handle = {
    executeUpdate: async (def: { name: string }, opts: { args: unknown[]; updateId?: string }) => {
      sent.push({ update: def.name, ...opts });
      return { stepId, status: 'open', turn: ['demo-approver.scjg'] };
    },
  };
  const temporal = api.deps.temporal as unknown as Record<string, unknown>;
  temporal.client = { workflow: { getHandle: () => handle } };
  temporal.connection = { withDeadline: (_deadline: number, fn: () => unknown) => fn() };
});

const fingerprint = async () =>
  JSON.stringify([
    await api.deps.db.task.findMany({ orderBy: { id: 'asc' } }),
    await api.deps.db.decision.count(),
  ]);
const post = (session: HttpSession, body: unknown) =>
  session.request('POST', `/api/cases/${caseNo}/actions`, { body, csrf: true });

describe('POST /api/cases/:caseNo/actions { verb: "recall" }', () => {
  it('an approver’s recall reaches the workflow as the recallDecision Update, signed by them, and answers its step view', async () => {
    const res = await post(approver, { verb: 'recall', stepId, reason: '意见写错' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      caseNo,
      verb: 'recall',
      result: { stepId, status: 'open', turn: ['demo-approver.scjg'] },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].update).toBe('recallDecision');
    expect(sent[0].args[0]).toMatchObject({ stepId, reason: '意见写错', actor: 'demo-approver.scjg' });
  });

  it('refuses a bad body with 400 naming the field, before anything is sent', async () => {
    const before = await fingerprint();
    const res = await post(approver, { verb: 'recall', stepId, reason: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    const problem = await json(res);
    expect(problem.errors).toEqual([{ path: 'reason', message: 'a reason has at most 2000 characters' }]);
    expect(await fingerprint()).toBe(before);
    expect(sent).toHaveLength(1);
  });

  it('refuses someone without case.decide (the window clerk) with 403', async () => {
    const res = await post(clerk, { verb: 'recall', stepId });
    expect(res.status).toBe(403);
    expect(sent).toHaveLength(1);
  });
});
