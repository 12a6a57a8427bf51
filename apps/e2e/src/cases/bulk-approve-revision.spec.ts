import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { items } from './case-fixtures';
import type { ApiSession } from './http-session';
import { acceptOpenCases, startSeededStack, type SeededStack } from './seeded-stack';

/**
 * 批量通过 carries each task's step revision, as a single action does: a task whose step changed after the
 * page read it is refused with the Chinese sentence (who did what, nothing was done, reload) and stays open;
 * the unchanged ones in the same batch are approved. Real stack: Temporal dev server, worker, API, SQLite.
 */
describe('bulk approve with the revisions the page showed', () => {
  const [food] = items; // SFS-SCJG, one approver when the cases are accepted
  const stepId = itemStepId(food.implementationCode);
  let seeded: SeededStack;
  let db: Db;
  let clerk: ApiSession;
  let approver: ApiSession;
  let cases: string[] = [];

  const stepOf = async (caseNo: string) => {
    const res = await clerk.call('GET', `/api/cases/${caseNo}`);
    expect(res.status).toBe(200);
    return res.body.view.steps.find((s: { stepId: string }) => s.stepId === stepId) as {
      status: string;
      revision: number;
    };
  };

  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ db, clerk } = seeded);
    approver = seeded.approver(food.departmentCode);
    cases = await acceptOpenCases(seeded, food.implementationCode, 2);
  }, 180_000);
  afterAll(() => seeded?.stop(), 60_000);

  it('refuses, in Chinese, the task that changed since the page read its revision; approves the others', async () => {
    const [changed, unchanged] = cases;
    // The page (the bulk form) reads each step's revision …
    const page = { changed: (await stepOf(changed)).revision, unchanged: (await stepOf(unchanged)).revision };
    // … then the step of the first case changes: its approver asks for an extension (a pending request).
    const asked = await approver.call('POST', `/api/cases/${changed}/actions`, {
      verb: 'request_extension',
      stepId,
      expectedRevision: page.changed,
      days: 5,
      reason: '需现场核查',
    });
    expect(asked.status).toBe(200);
    expect((await stepOf(changed)).revision).toBeGreaterThan(page.changed);

    const res = await approver.call('POST', '/api/tasks/approve', {
      tasks: [
        { caseNo: changed, stepId, expectedRevision: page.changed },
        { caseNo: unchanged, stepId, expectedRevision: page.unchanged },
      ],
      comment: '同意',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: 1, refused: 1 });
    const refused = res.body.items.find((i: { caseNo: string }) => i.caseNo === changed);
    expect(refused.outcome).toBe('refused');
    expect(refused.detail).toMatch(
      /^此任务在您打开页面后已有变化（.+申请延期）.*本次操作未执行，请刷新后再办理。$/,
    );
    expect((await stepOf(changed)).status).toBe('open');
    expect((await stepOf(unchanged)).status).toBe('approved');
    expect(await db.decision.count({ where: { caseNo: changed, verb: 'approve' } })).toBe(0);

    // A revision that is not a whole number is refused before anything is sent.
    const bad = await approver.call('POST', '/api/tasks/approve', {
      tasks: [{ caseNo: changed, stepId, expectedRevision: -1 }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('expectedRevision is the step revision your page showed');
  }, 120_000);
});
