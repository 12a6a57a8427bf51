import { hashPassword } from '@onewindow/api';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, eventually, items, password } from './case-fixtures';
import { ApiSession } from './http-session';

/**
 * Roles scoped to departments, against the real stack (Temporal dev server, worker, API, SQLite): an approver
 * of 市场监管 (SFS-SCJG) who also holds the approver role in 消防 (SFS-XFJY) is planned onto 消防's step, lists
 * 消防's inbox, and decides its task through the workflow as a member of 消防; in 城管 (CGJ), where they hold
 * nothing, the inbox and the verb are refused with the reason.
 */
describe('an approver with a role in a second department, against the real stack', () => {
  const [, fire, sign] = items; // SFS-XFJY, CGJ
  let seeded: SeededStack;
  let db: Db;
  let multi: ApiSession;
  const cases: Record<string, string> = {};

  const accept = async (name: string, item: (typeof items)[number]) => {
    const res = await seeded.clerk.call('POST', '/api/cases', application([item.implementationCode]));
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    cases[name] = res.body.caseNo;
    await eventually(async () =>
      (await db.task.count({ where: { caseNo: res.body.caseNo, state: 'open' } })) === 1 ? true : undefined,
    );
  };

  beforeAll(async () => {
    seeded = await startSeededStack();
    db = seeded.db;
    // Home department 市场监管 (its approver role granted with ""), and the approver role in 消防 as well.
    await db.user.create({
      data: {
        id: 'approver-multi',
        username: 'approver-multi',
        displayName: '市场监管兼消防 审批员',
        departmentCode: 'SFS-SCJG',
        passwordHash: await hashPassword(password),
        roles: {
          create: [{ role: 'dept_approver' }, { role: 'dept_approver', departmentCode: 'SFS-XFJY' }],
        },
      },
    });
    multi = await ApiSession.signIn(seeded.stack.baseUrl, 'approver-multi', password);
    await accept('fire', fire);
    await accept('sign', sign);
  }, 120_000);
  afterAll(async () => {
    await seeded?.stop();
  });

  it('the session names both departments; the second department’s step is planned for the approver too', async () => {
    const me = await multi.call('GET', '/api/auth/me');
    expect(me.body.user).toMatchObject({ departmentCode: 'SFS-SCJG', roles: ['dept_approver'] });
    expect(me.body.user.grants).toEqual(
      expect.arrayContaining([
        { role: 'dept_approver', departmentCode: 'SFS-SCJG' },
        { role: 'dept_approver', departmentCode: 'SFS-XFJY' },
      ]),
    );
    const task = await db.task.findFirst({
      where: { caseNo: cases.fire, state: 'open' },
      include: { holders: true },
    });
    expect(task?.departmentCode).toBe('SFS-XFJY');
    expect(task?.holders.map((h) => h.userId)).toContain('approver-multi');
  });

  it('lists the second department’s inbox and decides its task through the workflow', async () => {
    const inbox = await multi.call('GET', '/api/tasks?department=SFS-XFJY&view=mine');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((t: { caseNo: string }) => t.caseNo)).toContain(cases.fire);
    const stepId = itemStepId(fire.implementationCode);
    const approved = await multi.call('POST', `/api/cases/${cases.fire}/actions`, {
      verb: 'approve',
      stepId,
      comment: '同意',
    });
    expect({ status: approved.status, body: approved.body }).toMatchObject({ status: 200 });
    const decision = await eventually(() =>
      db.decision
        .findFirst({ where: { caseNo: cases.fire, stepId, verb: 'approve' } })
        .then((d) => d ?? undefined),
    );
    expect(decision.actorUserId).toBe('approver-multi');
    await eventually(async () =>
      (await db.task.findFirst({ where: { caseNo: cases.fire, stepId, state: 'done' } })) ? true : undefined,
    );
  }, 60_000);

  it('is refused, with the reason, in a department where they hold no role', async () => {
    const inbox = await multi.call('GET', '/api/tasks?department=CGJ');
    expect(inbox.status).toBe(403);
    expect(inbox.body.detail).toMatch(
      /limited to your own department \(SFS-SCJG, SFS-XFJY\); this belongs to CGJ/,
    );
    const act = await multi.call('POST', `/api/cases/${cases.sign}/actions`, {
      verb: 'approve',
      stepId: itemStepId(sign.implementationCode),
    });
    expect(act.status).toBe(403);
    expect(act.body.detail).toMatch(/SFS-SCJG, SFS-XFJY/);
    expect(await db.task.findFirst({ where: { caseNo: cases.sign, state: 'open' } })).not.toBeNull();
  });
});
