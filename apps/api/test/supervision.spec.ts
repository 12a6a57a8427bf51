import ExcelJS from 'exceljs';
import { demoPassword } from '../src';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { FOOD, seedSupervisedCentre } from './support/seed-supervised-centre';

/**
 * 督办 at the API boundary over real HTTP and a real SQLite file (Temporal not running: nothing here sends an
 * Update). The reference day is given (`on`), so nothing depends on today's date. Approving extensions against
 * a running workflow is in apps/e2e/src/cases/supervision-extensions.spec.ts.
 */
let api: TestApi;
let lead: HttpSession;
let supervisor: HttpSession;
let approver: HttpSession;
let clerk: HttpSession;
const on = '2026-12-16'; // a Wednesday; the week ends on Sunday 12-20
const no = (n: number) => `YC2026120100000${n}`;

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedSupervisedCentre(db);
  const task = async (
    n: number,
    departmentCode: string,
    state: string,
    dueDate: string,
    holder: string,
    closedAt?: string,
  ) => {
    await db.case.create({
      data: {
        caseNo: no(n),
        applicantId: 'A1',
        kind: 'item',
        status: state === 'open' ? 'in_review' : 'decided',
        statutoryDueDate: '2026-12-29',
        items: { create: [{ implementationCode: FOOD, itemVersion: 1 }] },
      },
    });
    await db.task.create({
      data: {
        id: `${no(n)}:item_FOOD:1`,
        caseNo: no(n),
        stepId: 'item_FOOD',
        seq: 1,
        departmentCode,
        role: 'dept_approver',
        assigneeUserId: holder,
        holders: { create: [{ userId: holder }] },
        state,
        openedAt: new Date('2026-12-01T02:00:00Z'),
        dueDate,
        ...(closedAt ? { closedAt: new Date(closedAt), outcome: 'approved' } : {}),
      },
    });
  };
  await task(1, 'SFS-SCJG', 'open', '2026-12-10', 'demo-approver.scjg'); // overdue
  await task(2, 'SFS-SCJG', 'open', '2026-12-17', 'demo-approver.scjg'); // at risk, due this week
  await task(3, 'SFS-WJW', 'open', '2026-12-11', 'demo-approver.wsjk'); // another department, overdue
  await task(4, 'SFS-SCJG', 'done', '2026-12-05', 'demo-approver.scjg', '2026-12-04T03:00:00Z'); // on time, 3 days
  await task(5, 'SFS-SCJG', 'done', '2026-12-08', 'demo-approver.scjg', '2026-12-09T03:00:00Z'); // late, 6 days
  await db.decision.create({
    data: {
      id: `${no(2)}:7`,
      caseNo: no(2),
      eventSeq: 7,
      stepId: 'item_FOOD',
      verb: 'extension_requested',
      actorUserId: 'demo-approver.scjg',
      reason: '需现场核查',
      payload: JSON.stringify({ days: 5, reason: '需现场核查' }),
      decidedAt: new Date('2026-12-14T02:00:00Z'),
    },
  });
  await db.clockEvent.create({
    data: {
      id: `${no(1)}:9`,
      caseNo: no(1),
      eventSeq: 9,
      clockId: 'step:item_FOOD',
      kind: 'overdue',
      at: new Date('2026-12-10T16:00:00Z'),
      reason: 'overdue',
      payload: JSON.stringify({
        departmentCode: 'SFS-SCJG',
        role: 'dept_lead',
        leads: ['demo-lead.scjg'],
        windowDepartmentCode: 'SFS-ZWFW',
        dueDate: '2026-12-10',
        on: '2026-12-11',
      }),
    },
  });
  lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
  supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
  approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

const casesOf = (rows: { caseNo: string }[]) => rows.map((r) => r.caseNo);

describe('the supervision overview', () => {
  it("shows a department lead their own department's overdue and at-risk work, escalations and extension requests", async () => {
    const res = await lead.request('GET', `/api/supervision/overview?on=${on}`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.departments).toEqual(['SFS-SCJG']);
    expect(casesOf(body.overdue)).toEqual([no(1)]);
    expect(body.overdue[0]).toMatchObject({
      stepId: 'item_FOOD',
      departmentName: '示范市市场监督管理局',
      holders: [{ id: 'demo-approver.scjg', name: '市场监管 李强' }],
      dueDate: '2026-12-10',
      workingDaysLeft: -4,
    });
    expect(casesOf(body.atRisk)).toEqual([no(2)]);
    expect(body.atRisk[0].workingDaysLeft).toBe(1);
    expect(body.escalations).toEqual([
      expect.objectContaining({
        caseNo: no(1),
        departmentCode: 'SFS-SCJG',
        leads: [{ id: 'demo-lead.scjg', name: '市场监管科长 周文' }],
        open: true,
      }),
    ]);
    expect(body.extensions).toEqual([
      expect.objectContaining({
        caseNo: no(2),
        stepId: 'item_FOOD',
        days: 5,
        reason: '需现场核查',
        requestedBy: { id: 'demo-approver.scjg', name: '市场监管 李强' },
      }),
    ]);
  });

  it('shows the centre supervisor every department, or the one named', async () => {
    const all = await json(await supervisor.request('GET', `/api/supervision/overview?on=${on}`));
    expect(all.departments).toBeNull();
    expect(casesOf(all.overdue)).toEqual([no(1), no(3)]);
    const wjw = await json(
      await supervisor.request('GET', `/api/supervision/overview?on=${on}&department=SFS-WJW`),
    );
    expect(casesOf(wjw.overdue)).toEqual([no(3)]);
    expect(wjw.extensions).toEqual([]);
  });

  it.each([
    ['a lead asking for another department', () => lead, '&department=SFS-WJW'],
    ['an approver', () => approver, ''],
    ['a window clerk', () => clerk, ''],
  ])('refuses %s (403)', async (_who, session, extra) => {
    const res = await session().request('GET', `/api/supervision/overview?on=${on}${extra}`);
    expect(res.status).toBe(403);
  });

  it('refuses a malformed reference day with a Chinese message', async () => {
    const res = await lead.request('GET', '/api/supervision/overview?on=16.12.2026');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain('格式 YYYY-MM-DD');
  });
});

describe('per-department figures', () => {
  const query = `from=2026-12-01&to=2026-12-15&on=${on}`;

  it('counts open work on the day and the on-time rate and working days of the tasks decided in the period', async () => {
    const res = await supervisor.request('GET', `/api/supervision/figures?${query}`);
    const body = await json(res);
    expect([res.status, body.detail]).toEqual([200, undefined]);
    const scjg = body.departments.find((d: { departmentCode: string }) => d.departmentCode === 'SFS-SCJG');
    expect(scjg).toEqual({
      departmentCode: 'SFS-SCJG',
      departmentName: '示范市市场监督管理局',
      open: 2,
      dueThisWeek: 1,
      overdue: 1,
      closed: 2,
      onTime: 1,
      onTimeRate: 0.5,
      terminated: 0,
      avgWorkingDaysUsed: 4.5,
      avgStatutoryLimit: 20,
      avgPromisedLimit: 10,
    });
    expect(
      body.departments.find((d: { departmentCode: string }) => d.departmentCode === 'SFS-WJW'),
    ).toMatchObject({ open: 1, overdue: 1, closed: 0, onTimeRate: null });
  });

  it('counts a task decided on a past day after the figures were first read (the kept sums are checked)', async () => {
    const closedOf = async () =>
      (await json(await supervisor.request('GET', `/api/supervision/figures?${query}`))).departments.find(
        (d: { departmentCode: string }) => d.departmentCode === 'SFS-SCJG',
      );
    expect(await closedOf()).toMatchObject({ closed: 2, onTime: 1 });
    await api.deps.db.case.create({
      data: {
        caseNo: no(8),
        applicantId: 'A1',
        kind: 'item',
        status: 'decided',
        items: { create: [{ implementationCode: FOOD, itemVersion: 1 }] },
        tasks: {
          create: [
            {
              id: `${no(8)}:item_FOOD:1`,
              stepId: 'item_FOOD',
              seq: 1,
              departmentCode: 'SFS-SCJG',
              role: 'dept_approver',
              state: 'done',
              openedAt: new Date('2026-12-01T02:00:00Z'),
              dueDate: '2026-12-05',
              closedAt: new Date('2026-12-02T03:00:00Z'),
              outcome: 'approved',
            },
          ],
        },
      },
    });
    try {
      // 3 + 6 + 1 working days over three tasks.
      expect(await closedOf()).toMatchObject({
        closed: 3,
        onTime: 2,
        onTimeRate: 0.667,
        avgWorkingDaysUsed: 3.3,
      });
    } finally {
      await api.deps.db.case.delete({ where: { caseNo: no(8) } });
    }
    expect(await closedOf()).toMatchObject({ closed: 2, onTime: 1, avgWorkingDaysUsed: 4.5 });
  });

  it('refuses a period that ends before it starts, in Chinese', async () => {
    const res = await supervisor.request('GET', '/api/supervision/figures?from=2026-12-15&to=2026-12-01');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain('截止日期 to 不能早于起始日期 from');
  });

  it('exports the figures as XLSX with the same numbers', async () => {
    const res = await lead.request('GET', `/api/supervision/export/figures.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('部门指标');
    expect(ws.getRow(1).values).toContain('按时办结率(%)');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      'SFS-SCJG',
      '示范市市场监督管理局',
      2,
      1,
      1,
      2,
      1,
      50,
      0,
      4.5,
      20,
      10,
    ]);
    expect(ws.rowCount).toBe(2); // a lead's export holds their department only
  });

  it('exports the overdue list; an unknown table is 404 in Chinese', async () => {
    const res = await supervisor.request('GET', `/api/supervision/export/overdue.xlsx?on=${on}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getColumn(1).values.slice(2)).toEqual([no(1), no(3)]);
    const unknown = await supervisor.request('GET', '/api/supervision/export/salaries.xlsx');
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await json(unknown))).toContain('没有可导出的表');
  });
});

describe('催办', () => {
  const path = `/api/supervision/cases/${no(1)}/steps/item_FOOD/remind`;

  it("reminds the task's holder, recorded on the case (a reminder the overview counts) and in the audit log", async () => {
    const res = await lead.request('POST', path, { body: { message: '请于明日前办结' }, csrf: true });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ caseNo: no(1), stepId: 'item_FOOD', to: ['demo-approver.scjg'] });
    const rows = await api.deps.db.clockEvent.findMany({ where: { caseNo: no(1), kind: 'reminder' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ clockId: 'step:item_FOOD', reason: '请于明日前办结' });
    expect(rows[0].eventSeq).toBeLessThan(0);
    const audit = await api.deps.db.auditEntry.findFirst({ where: { action: 'supervision.reminded' } });
    expect(audit).toMatchObject({ actorUserId: 'demo-lead.scjg', target: `case:${no(1)}` });
    // A second 催办 gets its own row.
    await supervisor.request('POST', path, { body: { message: '再次催办' }, csrf: true });
    const overview = await json(await lead.request('GET', `/api/supervision/overview?on=${on}`));
    expect(overview.overdue[0].reminders).toBe(2);
  });

  it('refuses, changing nothing: no message, a closed task, an approver, another department', async () => {
    const count = () => api.deps.db.clockEvent.count({ where: { kind: 'reminder' } });
    const before = await count();
    const empty = await lead.request('POST', path, { body: { message: ' ' }, csrf: true });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await json(empty))).toContain('请填写催办内容');
    const done = await lead.request('POST', `/api/supervision/cases/${no(4)}/steps/item_FOOD/remind`, {
      body: { message: '催' },
      csrf: true,
    });
    expect(done.status).toBe(409);
    expect((await json(done)).detail).toContain('没有在办任务');
    expect((await approver.request('POST', path, { body: { message: '催' }, csrf: true })).status).toBe(403);
    const other = await lead.request('POST', `/api/supervision/cases/${no(3)}/steps/item_FOOD/remind`, {
      body: { message: '催' },
      csrf: true,
    });
    expect(other.status).toBe(403);
    const unknown = await lead.request('POST', `/api/supervision/cases/${no(1)}/steps/nope/remind`, {
      body: { message: '催' },
      csrf: true,
    });
    expect(unknown.status).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('批准延期 — who may approve, before anything is sent', () => {
  it.each([
    ['an approver (case.decide is not enough)', () => approver],
    ['a window clerk', () => clerk],
  ])('refuses %s with 403, and nothing changes', async (_who, session) => {
    const decisions = await api.deps.db.decision.count();
    const res = await session().request(
      'POST',
      `/api/supervision/cases/${no(2)}/steps/item_FOOD/approve-extension`,
      { body: {}, csrf: true },
    );
    expect(res.status).toBe(403);
    expect((await json(res)).detail).toContain('case.extension.approve');
    expect(await api.deps.db.decision.count()).toBe(decisions);
  });

  it('refuses the generic case action for an approver too (the verb needs case.extension.approve)', async () => {
    const res = await approver.request('POST', `/api/cases/${no(2)}/actions`, {
      body: { verb: 'approve_extension', stepId: 'item_FOOD' },
      csrf: true,
    });
    expect(res.status).toBe(403);
  });
});
