import pino from 'pino';
import { listTasksQuerySchema, type ListTasksQuery } from '@onewindow/contracts';
import { bothTestDatabases, type TestDatabase } from '@onewindow/db';
import { taskInboxPage } from '../src/tasks/task-inbox';

/**
 * Every inbox view of taskInboxPage on SQLite and PostgreSQL, over a department with 1,200 steps stopped for
 * 补正: more (caseNo, stepId) pairs than either driver binds in one statement, which is what 待补正 once sent.
 * The step clock is the Task row's clockState, as the worker's projection writes it. "now" is fixed (Mon 7 Dec
 * 2026): the time status never depends on today's date.
 */
const department = 'SFS-SCJG';
const me = 'u-me';
const group = `group:${department}/dept_approver`;
const now = new Date('2026-12-07T02:00:00Z');
const SUPPLEMENT = 1200;

type Seeded = {
  n: number;
  state: 'open' | 'done';
  holders: string[];
  dueDate: string | null;
  clockState?: 'running' | 'supplement' | 'special_procedure' | 'hold';
  claimState?: 'unclaimed';
};

/** Due dates from 1 Dec 2026 on, one a day per 31 tasks (several tasks share a day: ties go by case number). */
const due = (n: number) => `2026-12-${String(1 + (n % 31)).padStart(2, '0')}`;
const caseNoOf = (n: number) => `YC20261207${String(n).padStart(6, '0')}`;

function tasks(): Seeded[] {
  const rows: Seeded[] = [];
  let n = 0;
  for (let i = 0; i < SUPPLEMENT; i++)
    // Most kept the due date of when the clock stopped; some opened while it stood (no due date).
    rows.push({
      n: n++,
      state: 'open',
      holders: [`u-${i % 7}`],
      dueDate: i % 10 === 0 ? null : due(i),
      clockState: 'supplement',
    });
  for (let i = 0; i < 30; i++)
    rows.push({
      n: n++,
      state: 'open',
      holders: [me],
      dueDate: due(i),
      clockState: 'special_procedure',
    });
  for (let i = 0; i < 20; i++)
    rows.push({ n: n++, state: 'open', holders: ['u-1'], dueDate: due(i), clockState: 'hold' });
  for (let i = 0; i < 10; i++) rows.push({ n: n++, state: 'open', holders: [me], dueDate: due(i * 3) });
  for (let i = 0; i < 10; i++) rows.push({ n: n++, state: 'done', holders: [me], dueDate: due(i) });
  for (let i = 0; i < 10; i++)
    rows.push({ n: n++, state: 'open', holders: [group], dueDate: due(i * 2), claimState: 'unclaimed' });
  // 转办 to a group naming me, and a task both my role group and I hold: each listed once.
  for (let i = 0; i < 3; i++)
    rows.push({ n: n++, state: 'open', holders: [me, 'u-4'], dueDate: due(i * 5), claimState: 'unclaimed' });
  for (let i = 0; i < 2; i++)
    rows.push({ n: n++, state: 'open', holders: [group, me], dueDate: due(i * 7), claimState: 'unclaimed' });
  for (let i = 0; i < 10; i++) rows.push({ n: n++, state: 'open', holders: ['u-2', 'u-3'], dueDate: due(i) });
  return rows;
}

/** The inbox order: dated tasks by due date, then case number; undated ones after them. */
const ordered = (rows: Seeded[]) =>
  [...rows]
    .sort(
      (a, b) =>
        (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0) ||
        (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
        a.n - b.n,
    )
    .map((r) => caseNoOf(r.n));

describe.each(bothTestDatabases)('the inbox views on %s', (_name, createDatabase) => {
  let t: TestDatabase;
  const seeded = tasks();
  const deps = () => ({ db: t.db, logger: pino({ level: 'silent' }) });
  const page = (q: Partial<ListTasksQuery>, user = me) =>
    taskInboxPage(
      deps(),
      listTasksQuerySchema.parse({ department, pageSize: 20, ...q }),
      { id: user, roles: ['dept_approver'] },
      now,
    );
  const caseNos = (p: { items: { caseNo: string }[] }) => p.items.map((i) => i.caseNo);

  beforeAll(async () => {
    t = await createDatabase();
    await t.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三丰' },
    });
    for (let k = 0; k < seeded.length; k += 200) {
      const chunk = seeded.slice(k, k + 200);
      await t.db.case.createMany({
        data: chunk.map((r) => ({
          caseNo: caseNoOf(r.n),
          applicantId: 'A1',
          kind: 'item',
          status: 'in_review',
        })),
      });
      await t.db.task.createMany({
        data: chunk.map((r) => ({
          id: `${caseNoOf(r.n)}:item_FOOD:1`,
          caseNo: caseNoOf(r.n),
          stepId: 'item_FOOD',
          seq: 1,
          departmentCode: department,
          role: 'dept_approver',
          assigneeUserId: r.holders.length === 1 && r.holders[0] !== group ? r.holders[0] : null,
          state: r.state,
          openedAt: new Date('2026-11-20T02:00:00Z'),
          dueDate: r.dueDate,
          clockState: r.clockState ?? 'running',
          clockReason: r.clockState && r.clockState !== 'running' ? `stopped: ${r.clockState}` : null,
          claimState: r.claimState ?? null,
          // The role group seat among the holders, as the worker's projection writes it (openTask).
          claimGroup: r.holders.includes(group) ? group : null,
        })),
      });
      await t.db.taskHolder.createMany({
        data: chunk.flatMap((r) =>
          r.holders.map((userId) => ({ taskId: `${caseNoOf(r.n)}:item_FOOD:1`, userId })),
        ),
      });
    }
  }, 120_000);
  afterAll(() => t?.dispose());

  const open = seeded.filter((r) => r.state === 'open');

  it('待补正 lists more than 1,000 stopped steps, in inbox order, the undated ones last, across pages', async () => {
    const expected = ordered(open.filter((r) => r.clockState === 'supplement'));
    const first = await page({ view: 'supplement' });
    expect(first.total).toBe(SUPPLEMENT);
    expect(caseNos(first)).toEqual(expected.slice(0, 20));
    expect(first.items[0]).toMatchObject({
      clock: { state: 'suspended', kind: 'supplement', reason: 'stopped: supplement' },
      timeStatus: null,
      remainingWorkingDays: null,
    });
    // The page where the dated rows end and the undated ones begin (1,080 dated), and the last page.
    const boundary = await page({ view: 'supplement', page: 54, pageSize: 20 });
    expect(caseNos(boundary)).toEqual(expected.slice(1060, 1080));
    const undated = await page({ view: 'supplement', page: 55, pageSize: 20 });
    expect(caseNos(undated)).toEqual(expected.slice(1080, 1100));
    const last = await page({ view: 'supplement', page: 60, pageSize: 20 });
    expect(caseNos(last)).toEqual(expected.slice(1180));
  });

  it('特别程序中 lists the steps stopped for a special procedure', async () => {
    const p = await page({ view: 'special', pageSize: 50 });
    expect(p.total).toBe(30);
    expect(caseNos(p)).toEqual(ordered(open.filter((r) => r.clockState === 'special_procedure')));
    expect(p.items[0].clock).toEqual({
      state: 'suspended',
      kind: 'special_procedure',
      reason: 'stopped: special_procedure',
    });
  });

  it('the time-status filter leaves out every stopped clock (补正, special procedure, hold)', async () => {
    const running = open.filter((r) => (r.clockState ?? 'running') === 'running');
    // Before Mon 7 Dec: overdue; Mon 7 – Thu 10 Dec (three working days): warning; after: normal.
    const overdue = await page({ view: 'department', timeStatus: 'overdue', pageSize: 100 });
    expect(caseNos(overdue)).toEqual(ordered(running.filter((r) => r.dueDate! < '2026-12-07')));
    const normal = await page({ view: 'department', timeStatus: 'normal', pageSize: 100 });
    expect(caseNos(normal)).toEqual(ordered(running.filter((r) => r.dueDate! > '2026-12-10')));
    expect(normal.items.every((i) => i.timeStatus === 'normal')).toBe(true);
  });

  it('我的待办, 已办, 待签收, the department and the default sort', async () => {
    const mine = await page({ view: 'mine', pageSize: 100 });
    expect(caseNos(mine)).toEqual(ordered(open.filter((r) => r.holders.includes(me))));
    const done = await page({ view: 'done', pageSize: 100 });
    expect(caseNos(done)).toEqual(ordered(seeded.filter((r) => r.state === 'done')));
    const toClaim = await page({ view: 'to_claim', pageSize: 100 });
    expect(caseNos(toClaim)).toEqual(ordered(open.filter((r) => r.claimState === 'unclaimed')));
    expect(toClaim.total).toBe(15);
    const secondOfClaims = await page({ view: 'to_claim', page: 2, pageSize: 6 });
    expect(caseNos(secondOfClaims)).toEqual(
      ordered(open.filter((r) => r.claimState === 'unclaimed')).slice(6, 12),
    );
    const department = await page({ view: 'department' });
    expect([caseNos(department), department.total]).toEqual([ordered(open).slice(0, 20), open.length]);
    const byDefault = await page({ page: 3 });
    expect([caseNos(byDefault), byDefault.total]).toEqual([ordered(open).slice(40, 60), open.length]);
    const lastPage = Math.ceil(open.length / 20);
    const lastOfAll = await page({ page: lastPage });
    expect(caseNos(lastOfAll)).toEqual(ordered(open).slice((lastPage - 1) * 20));
  });

  it('a count follows every write of the department (the view counts are kept per feed version)', async () => {
    const before = await page({ view: 'special' });
    const [first] = before.items;
    await t.db.task.update({ where: { id: first.id }, data: { clockState: 'running', clockReason: null } });
    try {
      const after = await page({ view: 'special' });
      expect(after.total).toBe(before.total - 1);
      expect(caseNos(after)).not.toContain(first.caseNo);
    } finally {
      await t.db.task.update({
        where: { id: first.id },
        data: { clockState: 'special_procedure', clockReason: 'stopped: special_procedure' },
      });
    }
    expect((await page({ view: 'special' })).total).toBe(before.total);
  });

  it('我的待办 with a filter that needs the case (the case number)', async () => {
    const mine = open.filter((r) => r.holders.includes(me));
    const p = await page({ view: 'mine', caseNo: caseNoOf(mine[1].n).slice(-6), pageSize: 50 });
    expect(caseNos(p)).toEqual([caseNoOf(mine[1].n)]);
  });

  it('filters a view further (the case number) without binding one value per stopped step', async () => {
    const p = await page({ view: 'supplement', caseNo: '20261207000011', pageSize: 50 });
    expect(caseNos(p)).toEqual(
      ordered(open.filter((r) => r.clockState === 'supplement' && caseNoOf(r.n).includes('20261207000011'))),
    );
  });
});
