import ExcelJS from 'exceljs';
import { addWorkingDays, isWorkingDay, toShanghaiDate } from '@onewindow/calendar';
import { demoPassword, seedDemoUsers } from '../src';
import { getCalendarInForce } from '../src/calendar/calendar-in-force';
import { closeRectification, rateCase } from '../src/evaluations/evaluations.service';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { FOOD, seedFoodItem } from './support/seed-supervised-centre';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/**
 * 好差评 and 差评整改 over real HTTP against a real SQLite file (Temporal not running: nothing here reaches a
 * workflow). Deadlines are compared with the calendar in force, and the holiday case is rated on a given day.
 */
let api: TestApi;
let lead: HttpSession;
let supervisor: HttpSession;
let clerk: HttpSession;
let approver: HttpSession;
const code = '002X';
const no = (n: number) => `YC202612010002${String(n).padStart(2, '0')}`;

const ratePublic = (caseNo: string, body: unknown) =>
  fetch(`${api.baseUrl}/api/public/cases/${caseNo}/evaluation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function issuedCase(n: number, status = 'issued', departments = ['SFS-SCJG']) {
  await api.deps.db.case.create({
    data: {
      caseNo: no(n),
      applicantId: 'A1',
      kind: 'item',
      status,
      acceptedBy: 'demo-clerk',
      tasks: {
        create: departments.map((departmentCode, i) => ({
          id: `${no(n)}:s${i}:1`,
          stepId: `s${i}`,
          seq: 1,
          departmentCode,
          role: 'dept_approver',
          state: 'done',
          openedAt: new Date('2026-12-01T02:00:00Z'),
        })),
      },
    },
  });
}

const counts = async () => ({
  evaluations: await api.deps.db.evaluation.count(),
  orders: await api.deps.db.rectificationOrder.count(),
});

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000, LOOKUP_FAILURE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
  await api.deps.db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
  supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

describe('rating an issued case', () => {
  it('records a good public rating without sign-in and opens no order', async () => {
    await issuedCase(1);
    const res = await ratePublic(no(1), { code: '002x', grade: 5, aspects: ['guidance'], comment: '很快' });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      caseNo: no(1),
      channel: 'public',
      grade: 5,
      rectificationOrders: [],
    });
    const stored = await api.deps.db.evaluation.findUniqueOrThrow({
      where: { caseNo_channel_round: { caseNo: no(1), channel: 'public', round: 1 } },
    });
    expect(stored).toMatchObject({ rating: 5, comment: '很快', aspects: '["guidance"]', evaluatedBy: null });
    expect(await api.deps.db.rectificationOrder.count({ where: { caseNo: no(1) } })).toBe(0);
  });

  it('refuses a second rating on the same channel, in Chinese, and changes nothing; the other channel still may rate', async () => {
    const before = await counts();
    const again = await ratePublic(no(1), { code, grade: 1 });
    expect(again.status).toBe(409);
    expect((await json(again)).detail).toContain('已通过网上（办件查询）评价过');
    expect(await counts()).toEqual(before);
    const atWindow = await clerk.request('POST', `/api/window/cases/${no(1)}/evaluation`, {
      body: { grade: 4 },
      csrf: true,
    });
    expect(atWindow.status).toBe(201);
    expect(
      await api.deps.db.evaluation.findUniqueOrThrow({
        where: { caseNo_channel_round: { caseNo: no(1), channel: 'window', round: 1 } },
      }),
    ).toMatchObject({ rating: 4, evaluatedBy: 'demo-clerk' });
    const windowAgain = await clerk.request('POST', `/api/window/cases/${no(1)}/evaluation`, {
      body: { grade: 4 },
      csrf: true,
    });
    expect(windowAgain.status).toBe(409);
    expect((await json(windowAgain)).detail).toContain('窗口评价器');
  });

  it('refuses a case not issued yet, and a wrong code (the same answer as an unknown case), changing nothing', async () => {
    await issuedCase(2, 'decided');
    const before = await counts();
    const notIssued = await ratePublic(no(2), { code, grade: 1 });
    expect(notIssued.status).toBe(409);
    expect((await json(notIssued)).detail).toContain('尚未办结');
    const wrong = await ratePublic(no(1).replace(/01$/, '03'), { code: '1234', grade: 1 });
    const wrongCode = await ratePublic(no(2), { code: '1234', grade: 1 });
    expect(wrongCode.status).toBe(404);
    expect(wrong.status).toBe(404);
    const detail = (await json(wrongCode)).detail;
    expect(detail).toContain('没有与此办件编号和查询码相符的办件');
    expect((await json(wrong)).detail).toBe(detail);
    expect(await counts()).toEqual(before);
  });

  it('refuses a bad grade, an unknown aspect and an over-long comment with Chinese messages', async () => {
    await issuedCase(3);
    const before = await counts();
    const grade = await ratePublic(no(3), { code, grade: 6 });
    expect(grade.status).toBe(400);
    expect(JSON.stringify(await json(grade))).toContain('请选择评价等级');
    const aspect = await ratePublic(no(3), { code, grade: 4, aspects: ['speed'] });
    expect(JSON.stringify(await json(aspect))).toContain('评价方面只能是');
    const comment = await ratePublic(no(3), { code, grade: 4, comment: '慢'.repeat(501) });
    expect(JSON.stringify(await json(comment))).toContain('评价意见最多 500 字');
    expect(await counts()).toEqual(before);
  });

  it('lets only the window of the case open a window rating', async () => {
    const res = await approver.request('POST', `/api/window/cases/${no(3)}/evaluation`, {
      body: { grade: 5 },
      csrf: true,
    });
    expect(res.status).toBe(403);
    const anonymous = await fetch(`${api.baseUrl}/api/window/cases/${no(3)}/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grade: 5 }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('差评 rectification orders', () => {
  let orderId: string;

  it('opens one order per handling department, due 15 working days later on the calendar in force', async () => {
    await issuedCase(4, 'issued', ['SFS-SCJG', 'SFS-WJW']);
    const res = await ratePublic(no(4), { code, grade: 2, aspects: ['procedure'], comment: '跑了三次' });
    expect(res.status).toBe(201);
    const body = await json(res);
    const { calendar } = await getCalendarInForce(api.deps);
    const rated = await api.deps.db.evaluation.findUniqueOrThrow({
      where: { caseNo_channel_round: { caseNo: no(4), channel: 'public', round: 1 } },
    });
    const deadline = addWorkingDays(calendar, toShanghaiDate(rated.createdAt.getTime()), 15);
    expect(body.rectificationOrders.map((o: { departmentCode: string }) => o.departmentCode)).toEqual([
      'SFS-SCJG',
      'SFS-WJW',
    ]);
    for (const order of body.rectificationOrders) expect(order.deadline).toBe(deadline);
    orderId = body.rectificationOrders[0].id;
  });

  it('counts the deadline across the National Day holiday and its make-up Saturday', async () => {
    await issuedCase(5);
    // Monday 2026-09-28 (Asia/Shanghai); 10-01…10-07 off, Saturday 10-10 a working day.
    const result = await rateCase(
      api.deps,
      { caseNo: no(5), channel: 'window', grade: 1 },
      new Date('2026-09-28T02:00:00Z'),
    );
    const { calendar } = await getCalendarInForce(api.deps);
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
    expect(result.rectificationOrders).toEqual([
      { id: expect.any(String), departmentCode: 'SFS-SCJG', deadline: '2026-10-23' },
    ]);
  });

  it('gives the department as many working days as RECTIFICATION_WORKING_DAYS says', async () => {
    await issuedCase(90);
    const configured = api.deps.config.RECTIFICATION_WORKING_DAYS;
    api.deps.config.RECTIFICATION_WORKING_DAYS = 10;
    try {
      const result = await rateCase(
        api.deps,
        { caseNo: no(90), channel: 'window', grade: 1 },
        new Date('2026-09-28T02:00:00Z'),
      );
      // Monday 2026-09-28: 09-29, 09-30, then 10-08 … 10-16 with the make-up Saturday 10-10.
      expect(result.rectificationOrders.map((o) => o.deadline)).toEqual(['2026-10-16']);
    } finally {
      api.deps.config.RECTIFICATION_WORKING_DAYS = configured;
      // Out of the lists the next tests read.
      await api.deps.db.rectificationOrder.deleteMany({ where: { caseNo: no(90) } });
      await api.deps.db.evaluation.deleteMany({ where: { caseNo: no(90) } });
    }
  });

  it("lists the department's orders to its lead, every department's to the supervisor, none to an approver", async () => {
    const mine = await json(await lead.request('GET', '/api/supervision/rectifications?state=open'));
    expect(mine.map((o: { departmentCode: string }) => o.departmentCode)).toEqual(['SFS-SCJG', 'SFS-SCJG']);
    expect(mine.find((o: { id: string }) => o.id === orderId)).toMatchObject({
      caseNo: no(4),
      departmentName: '示范市市场监督管理局',
      channel: 'public',
      grade: 2,
      comment: '跑了三次',
      aspects: ['procedure'],
      state: 'open',
      callbackBy: null,
    });
    const all = await json(await supervisor.request('GET', '/api/supervision/rectifications'));
    expect(all.map((o: { departmentCode: string }) => o.departmentCode).sort()).toEqual([
      'SFS-SCJG',
      'SFS-SCJG',
      'SFS-WJW',
    ]);
    const other = await lead.request('GET', '/api/supervision/rectifications?department=SFS-WJW');
    expect(other.status).toBe(403);
    expect((await approver.request('GET', '/api/supervision/rectifications')).status).toBe(403);
  });

  it('refuses to close an order without a callback record, in Chinese, and changes nothing', async () => {
    const res = await lead.request('POST', `/api/supervision/rectifications/${orderId}/close`, {
      body: { rectification: '已培训窗口人员' },
      csrf: true,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain('没有回访记录不能办结整改单');
    expect(await api.deps.db.rectificationOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      state: 'open',
      closedAt: null,
    });
  });

  it('closes an order with the callback and the rectification, audited; a second close is refused', async () => {
    const body = {
      callback: { by: '市场监管科长 周文', at: '2026-12-16T10:00:00+08:00', note: '申请人认可整改措施' },
      rectification: '已对窗口人员开展服务规范培训',
    };
    const res = await lead.request('POST', `/api/supervision/rectifications/${orderId}/close`, {
      body,
      csrf: true,
    });
    expect(res.status).toBe(204);
    expect(await api.deps.db.rectificationOrder.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      state: 'closed',
      callbackBy: '市场监管科长 周文',
      callbackAt: new Date('2026-12-16T02:00:00Z'),
      callbackNote: '申请人认可整改措施',
      rectification: '已对窗口人员开展服务规范培训',
      closedBy: 'demo-lead.scjg',
    });
    const audit = await api.deps.db.auditEntry.findMany({
      where: { action: { startsWith: 'evaluation.' } },
      select: { action: true, target: true },
    });
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'evaluation.rated', target: `case:${no(4)}` },
        { action: 'evaluation.rectification_opened', target: `rectification:${orderId}` },
        { action: 'evaluation.rectification_closed', target: `rectification:${orderId}` },
      ]),
    );
    const again = await lead.request('POST', `/api/supervision/rectifications/${orderId}/close`, {
      body,
      csrf: true,
    });
    expect(again.status).toBe(409);
    expect((await json(again)).detail).toContain('已办结');
  });

  it("refuses a lead another department's order", async () => {
    const wjw = await api.deps.db.rectificationOrder.findFirstOrThrow({
      where: { departmentCode: 'SFS-WJW' },
    });
    const res = await lead.request('POST', `/api/supervision/rectifications/${wjw.id}/close`, {
      body: { callback: { by: 'x', at: '2026-12-16T10:00:00+08:00', note: 'y' }, rectification: 'z' },
      csrf: true,
    });
    expect(res.status).toBe(403);
    expect((await api.deps.db.rectificationOrder.findUniqueOrThrow({ where: { id: wjw.id } })).state).toBe(
      'open',
    );
  });
});

describe('re-rating after the rectification', () => {
  const closeBody = {
    callback: { by: '卫健委科长 李明', at: '2026-12-16T10:00:00+08:00', note: '申请人认可' },
    rectification: '已简化材料',
  };

  it('is refused while an order of the 差评 is still open, and nothing changes', async () => {
    const before = await counts();
    const res = await ratePublic(no(4), { code, grade: 4 });
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toContain('差评整改尚未办结（1 张整改单待办结）');
    expect(await counts()).toEqual(before);
  });

  it('is accepted once every order is closed: a second record (round 2), the first kept', async () => {
    const wjw = await api.deps.db.rectificationOrder.findFirstOrThrow({
      where: { departmentCode: 'SFS-WJW' },
    });
    const closed = await supervisor.request('POST', `/api/supervision/rectifications/${wjw.id}/close`, {
      body: closeBody,
      csrf: true,
    });
    expect(closed.status).toBe(204);
    const res = await ratePublic(no(4), { code, grade: 4, comment: '整改后满意' });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ round: 2, grade: 4, rectificationOrders: [] });
    const records = await api.deps.db.evaluation.findMany({
      where: { caseNo: no(4), channel: 'public' },
      orderBy: { round: 'asc' },
      select: { round: true, rating: true, comment: true },
    });
    expect(records).toEqual([
      { round: 1, rating: 2, comment: '跑了三次' },
      { round: 2, rating: 4, comment: '整改后满意' },
    ]);
  });

  it('is allowed once: a third rating is refused, and a good first rating cannot be re-rated', async () => {
    const before = await counts();
    const third = await ratePublic(no(4), { code, grade: 5 });
    expect(third.status).toBe(409);
    expect((await json(third)).detail).toContain('整改后只能再评价一次');
    const good = await ratePublic(no(1), { code, grade: 1 });
    expect(good.status).toBe(409);
    expect((await json(good)).detail).toContain('已通过网上（办件查询）评价过');
    expect(await counts()).toEqual(before);
  });
});

describe('overdue orders escalate to the supervisor', () => {
  // no(5)'s order: rated Monday 2026-09-28, due Friday 2026-10-23 (15 working days across National Day).
  const orderOf5 = (orders: { caseNo: string; overdue: boolean }[]) => orders.find((o) => o.caseNo === no(5));

  it('is not overdue up to its deadline, and overdue (escalated) the day after', async () => {
    for (const [on, overdue] of [
      ['2026-10-08', false],
      ['2026-10-23', false],
      ['2026-10-24', true],
    ] as const) {
      const orders = await json(await supervisor.request('GET', `/api/supervision/rectifications?on=${on}`));
      expect([on, orderOf5(orders)?.overdue]).toEqual([on, overdue]);
    }
    const escalated = await json(
      await supervisor.request('GET', '/api/supervision/rectifications?state=overdue&on=2026-10-24'),
    );
    expect(escalated.map((o: { caseNo: string }) => o.caseNo)).toEqual([no(5)]);
    const before = await json(
      await supervisor.request('GET', '/api/supervision/rectifications?state=overdue&on=2026-10-23'),
    );
    expect(before).toEqual([]);
  });

  it('refuses an unknown state or a malformed day in Chinese', async () => {
    const state = await supervisor.request('GET', '/api/supervision/rectifications?state=late');
    expect(state.status).toBe(400);
    expect(JSON.stringify(await json(state))).toContain('overdue（已超期）');
    const day = await supervisor.request('GET', '/api/supervision/rectifications?on=24.10.2026');
    expect(day.status).toBe(400);
    expect(JSON.stringify(await json(day))).toContain('格式 YYYY-MM-DD');
  });
});

describe('好差评 rates for supervisors, and the records export', () => {
  const DRUG = '11370800MB28559184337011700202Y';
  const period = 'from=2026-11-01&to=2026-11-30&on=2026-11-25';

  beforeAll(async () => {
    const db = api.deps.db;
    await seedFoodItem(db);
    await seedCatalogueItem(db, {
      code: DRUG,
      name: '医疗机构执业登记',
      departmentCode: 'SFS-WJW',
      statutory: 20,
      promised: 5,
    });
    for (const [n, item, department] of [
      [6, FOOD, 'SFS-SCJG'],
      [7, DRUG, 'SFS-WJW'],
    ] as const) {
      await issuedCase(n, 'issued', [department]);
      await db.caseItem.create({ data: { caseNo: no(n), implementationCode: item, itemVersion: 1 } });
    }
    await rateCase(
      api.deps,
      { caseNo: no(6), channel: 'public', grade: 5 },
      new Date('2026-11-02T02:00:00Z'),
    );
    await rateCase(
      api.deps,
      { caseNo: no(6), channel: 'window', grade: 2, evaluatedBy: 'demo-clerk' },
      new Date('2026-11-03T02:00:00Z'),
    );
    const drug = await rateCase(
      api.deps,
      { caseNo: no(7), channel: 'public', grade: 1 },
      new Date('2026-11-04T02:00:00Z'),
    );
    await closeRectification(db, drug.rectificationOrders[0].id, 'demo-lead.wsjk', {
      callback: { by: '卫健委 李明', at: '2026-11-10T10:00:00+08:00', note: '认可' },
      rectification: '已整改',
    });
  });

  it('gives the supervisor the rates per department and item and the 差评 handling rate', async () => {
    const res = await supervisor.request('GET', `/api/supervision/evaluations?${period}`);
    const body = await json(res);
    expect([res.status, body.detail]).toEqual([200, undefined]);
    expect(body.departments).toEqual([
      {
        departmentCode: 'SFS-SCJG',
        departmentName: '示范市市场监督管理局',
        ratings: 2,
        bad: 1,
        goodRate: 0.5,
        orders: 1,
        closedOrders: 0,
        overdueOrders: 1, // due 2026-11-24
        handlingRate: 0,
      },
      expect.objectContaining({
        departmentCode: 'SFS-WJW',
        departmentName: '示范市卫生健康委员会',
        ratings: 1,
        bad: 1,
        goodRate: 0,
        orders: 1,
        closedOrders: 1,
        overdueOrders: 0,
        handlingRate: 1,
      }),
    ]);
    expect(body.items).toEqual([
      {
        implementationCode: FOOD,
        name: '食品经营许可',
        departmentCode: 'SFS-SCJG',
        departmentName: '示范市市场监督管理局',
        ratings: 2,
        bad: 1,
        goodRate: 0.5,
      },
      {
        implementationCode: DRUG,
        name: '医疗机构执业登记',
        departmentCode: 'SFS-WJW',
        departmentName: '示范市卫生健康委员会',
        ratings: 1,
        bad: 1,
        goodRate: 0,
      },
    ]);
    const mine = await json(await lead.request('GET', `/api/supervision/evaluations?${period}`));
    expect(mine.departments.map((d: { departmentCode: string }) => d.departmentCode)).toEqual(['SFS-SCJG']);
    expect((await approver.request('GET', `/api/supervision/evaluations?${period}`)).status).toBe(403);
    const reversed = await supervisor.request(
      'GET',
      '/api/supervision/evaluations?from=2026-11-30&to=2026-11-01',
    );
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(await json(reversed))).toContain('截止日期 to 不能早于起始日期 from');
  });

  it('exports the records with the provincial fields, and the rates, as XLSX', async () => {
    const load = async (file: string) => {
      const res = await supervisor.request('GET', `/api/supervision/evaluations/export/${file}?${period}`);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const clerkName = (await api.deps.db.user.findUniqueOrThrow({ where: { id: 'demo-clerk' } })).displayName;
    const records = await load('records.xlsx');
    expect((records.getRow(1).values as unknown[]).slice(1)).toEqual([
      '办件编号',
      '事项编码',
      '事项名称',
      '事项版本',
      '部门代码',
      '评价渠道',
      '评价等级',
      '评价等级名称',
      '评价轮次',
      '评价时间',
      '被评价人员编号',
      '被评价人员',
    ]);
    expect(records.rowCount).toBe(4);
    expect((records.getRow(3).values as unknown[]).slice(1)).toEqual([
      no(6),
      FOOD,
      '食品经营许可',
      1,
      'SFS-SCJG',
      'window',
      2,
      '不满意',
      1,
      '2026-11-03T02:00:00.000Z',
      'demo-clerk',
      clerkName,
    ]);
    const rates = await load('rates.xlsx');
    expect((rates.getRow(2).values as unknown[]).slice(1)).toEqual([
      'SFS-SCJG',
      '示范市市场监督管理局',
      2,
      1,
      50,
      1,
      0,
      1,
      0,
    ]);
    expect(
      (await supervisor.request('GET', `/api/supervision/evaluations/export/all.xlsx?${period}`)).status,
    ).toBe(404);
  });
});

describe('the public rating is rate-limited like the lookup', () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({ LOOKUP_FAILURE_LIMIT: 2 });
    await limited.deps.db.applicant.create({
      data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await limited.deps.db.case.create({
      data: { caseNo: no(9), applicantId: 'A1', kind: 'item', status: 'issued' },
    });
  }, 60_000);
  afterAll(() => limited?.stop());

  it('answers 429 after LOOKUP_FAILURE_LIMIT failed attempts from an address, even with the right code', async () => {
    const rate = (body: unknown) =>
      fetch(`${limited.baseUrl}/api/public/cases/${no(9)}/evaluation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await rate({ code: '1111', grade: 5 })).status).toBe(404);
    expect((await rate({ code: '2222', grade: 5 })).status).toBe(404);
    const blocked = await rate({ code, grade: 5 });
    expect(blocked.status).toBe(429);
    expect(await limited.deps.db.evaluation.count()).toBe(0);
  });
});
