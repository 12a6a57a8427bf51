import { itemStepId } from '@onewindow/flow-model';
import { eventually, items } from './case-fixtures';
import type { ApiSession } from './http-session';
import { acceptOpenCases, startSeededStack, type SeededStack } from './seeded-stack';

/**
 * 待补正 and 特别程序中 on the real stack (Temporal dev server, worker, API, SQLite): the workflow's 补正 and
 * special procedure stop the step clock, the worker's projection writes it onto the task row, and the views list
 * the task with why; when the clock runs again the task leaves the view.
 */
describe('the inbox views of stopped step clocks', () => {
  const [food] = items; // SFS-SCJG, one approver when the cases are accepted
  const stepId = itemStepId(food.implementationCode);
  let seeded: SeededStack;
  let clerk: ApiSession;
  let approver: ApiSession;
  let cases: string[] = [];

  type Row = { caseNo: string; clock: { state: string; kind: string | null; reason: string | null } };
  const view = async (name: string): Promise<Row[]> => {
    const res = await approver.call('GET', `/api/tasks?department=${food.departmentCode}&view=${name}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  /** The view once the projection has written what it should show (activities run a moment after the Update). */
  const viewOnce = (name: string, check: (rows: Row[]) => boolean) =>
    eventually(async () => {
      const rows = await view(name);
      return check(rows) ? rows : undefined;
    });

  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ clerk } = seeded);
    approver = seeded.approver(food.departmentCode);
    cases = await acceptOpenCases(seeded, food.implementationCode, 2);
  }, 180_000);
  afterAll(() => seeded?.stop(), 60_000);

  it('补正 and a special procedure put the task in their view with why; resumed, it leaves', async () => {
    const [supplement, special] = cases;
    expect(await view('supplement')).toEqual([]);
    const returned = await approver.call('POST', `/api/cases/${supplement}/actions`, {
      verb: 'return_for_supplement',
      stepId,
      materials: ['营业执照副本'],
    });
    expect(returned.status).toBe(200);
    const started = await approver.call('POST', `/api/cases/${special}/actions`, {
      verb: 'start_special_procedure',
      stepId,
      kind: 'hearing',
      reason: '申请人申请听证',
    });
    expect(started.status).toBe(200);

    const waiting = await viewOnce('supplement', (rows) => rows.length === 1);
    expect(waiting).toEqual([
      expect.objectContaining({
        caseNo: supplement,
        clock: { state: 'suspended', kind: 'supplement', reason: '补正: 营业执照副本' },
      }),
    ]);
    const procedures = await viewOnce('special', (rows) => rows.length === 1);
    expect(procedures).toEqual([
      expect.objectContaining({
        caseNo: special,
        clock: { state: 'suspended', kind: 'special_procedure', reason: 'hearing: 申请人申请听证' },
      }),
    ]);
    // A stopped clock has no time status: the time-status filters leave both out.
    for (const status of ['normal', 'warning', 'overdue'])
      expect((await view(`department&timeStatus=${status}`)).map((r) => r.caseNo)).toEqual([]);

    // The window receives the materials: the step runs again and leaves 待补正.
    const submitted = await clerk.call('POST', `/api/cases/${supplement}/actions`, {
      verb: 'submit_supplement',
      stepId,
    });
    expect(submitted.status).toBe(200);
    await viewOnce('supplement', (rows) => rows.length === 0);
    const mine = await view('mine');
    expect(mine.find((r) => r.caseNo === supplement)?.clock).toEqual({
      state: 'running',
      kind: null,
      reason: null,
    });
  }, 120_000);
});
