import type { Problem } from '@onewindow/contracts';
import { seedDemoUsers, demoPassword } from '../src/auth/seed-demo-users';
import type { CalendarPreview } from '../src/admin/calendar-preview.service';
import type { CalendarRefreshRun } from '../src/admin/calendar-runs';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

/** 2027 as a notice: 元旦 Fri 1 – Mon 4 January, so Mon 4 January is no longer a working day. */
const notice2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  provisional: false,
  holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-04' }],
  adjustedWorkingDays: [],
};

async function finished(admin: HttpSession, id: string): Promise<CalendarRefreshRun> {
  for (let i = 0; i < 600; i++) {
    const res = await admin.request('GET', `/api/admin/calendar/runs/${id}`);
    expect(res.status).toBe(200);
    const run = (await res.json()) as CalendarRefreshRun;
    if (run.status === 'finished') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('admin calendar years: preview, load with a refresh run, retry', () => {
  let api: TestApi;
  let admin: HttpSession;
  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    await api.deps.db.applicant.create({
      data: { id: 'acal-A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    // Accepted Mon 21 December 2026; 10 working days on the provisional 2027 (only 1 January off): Tue 5 January.
    await api.deps.db.case.createMany({
      data: [
        {
          caseNo: 'YC20261221900001',
          applicantId: 'acal-A1',
          kind: 'item',
          status: 'in_review',
          acceptedAt: new Date('2026-12-21T02:00:00Z'),
          statutoryDueDate: '2027-01-05',
        },
        // Due before the new year: nothing moves.
        {
          caseNo: 'YC20261221900002',
          applicantId: 'acal-A1',
          kind: 'item',
          status: 'in_review',
          acceptedAt: new Date('2026-12-21T02:00:00Z'),
          statutoryDueDate: '2026-12-24',
        },
        // Closed: not open, not counted.
        {
          caseNo: 'YC20261221900003',
          applicantId: 'acal-A1',
          kind: 'item',
          status: 'issued',
          acceptedAt: new Date('2026-12-21T02:00:00Z'),
          statutoryDueDate: '2027-01-05',
        },
      ],
    });
  }, 60_000);
  afterAll(() => api?.stop());

  it('refuses a non-administrator with 403', async () => {
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const preview = await clerk.request('POST', '/api/admin/calendar/preview', {
      body: notice2027,
      csrf: true,
    });
    expect(preview.status).toBe(403);
    const load = await clerk.request('POST', '/api/admin/calendar/years', { body: notice2027, csrf: true });
    expect(load.status).toBe(403);
  });

  it('refuses overlapping and out-of-year dates and a wrong JSON in Chinese, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [
        {
          ...notice2027,
          holidays: [
            { name: '春节', start: '2027-02-06', end: '2027-02-12' },
            { name: '补休', start: '2027-02-12', end: '2027-02-13' },
          ],
        },
        /“补休”（2027-02-12～2027-02-13）与“春节”（2027-02-06～2027-02-12）日期重叠/,
      ],
      [
        { ...notice2027, holidays: [{ name: '元旦', start: '2027-12-31', end: '2028-01-01' }] },
        /结束日期 2028-01-01 不在 2027 年内/,
      ],
      [{ ...notice2027, adjustedWorkingDays: ['2027-01-05'] }, /调休上班日 2027-01-05 是星期二/],
      [{ ...notice2027, holidays: [{ name: '元旦', start: '2027-1-1', end: '2027-01-01' }] }, /不是有效日期/],
      [
        { year: '2027', holiday: [] },
        /年份（year）必须是数字.*不认识的字段 holiday|不认识的字段 holiday.*年份（year）必须是数字/,
      ],
      [[1, 2, 3], /必须是一个 JSON 对象/],
    ];
    for (const [body, message] of cases) {
      for (const path of ['/api/admin/calendar/preview', '/api/admin/calendar/years']) {
        const res = await admin.request('POST', path, { body, csrf: true });
        expect(res.status).toBe(400);
        const problem = (await res.json()) as Problem;
        expect(problem.detail).toMatch(/^日历年份有 \d+ 处错误，请逐项改正后重试；未做任何更改。$/);
        expect(problem.errors!.map((e) => e.message).join('；')).toMatch(message);
      }
    }
    expect(await api.deps.db.calendarYear.count()).toBe(0);
  });

  it('previews which open cases would move and by how much, changing nothing', async () => {
    const res = await admin.request('POST', '/api/admin/calendar/preview', { body: notice2027, csrf: true });
    expect(res.status).toBe(200);
    expect((await res.json()) as CalendarPreview).toEqual({
      year: 2027,
      replacesOfficial: false,
      same: false,
      openCases: 2,
      moved: [
        {
          caseNo: 'YC20261221900001',
          unit: 'working_day',
          oldDue: '2027-01-05',
          newDue: '2027-01-06',
          calendarDays: 1,
          workingDays: 1,
        },
      ],
      unchanged: 1,
    });
    expect(await api.deps.db.calendarYear.count()).toBe(0);
  });

  it('says when a notice would correct a published year, and refuses to load it without the confirmation', async () => {
    const correction = {
      ...notice2027,
      year: 2026,
      source: '更正通知（测试）',
      holidays: [{ name: '元旦', start: '2026-01-01', end: '2026-01-03' }],
    };
    const preview = await admin.request('POST', '/api/admin/calendar/preview', {
      body: correction,
      csrf: true,
    });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ year: 2026, replacesOfficial: true });
    const load = await admin.request('POST', '/api/admin/calendar/years', { body: correction, csrf: true });
    expect(load.status).toBe(409);
    expect(((await load.json()) as Problem).detail).toMatch(/2026 年已有正式发布的日历/);
    expect(await api.deps.db.calendarYear.count()).toBe(0);
  });

  it('loads the year and reports each open case in a run; the failed ones are sent again by a retry', async () => {
    const load = await admin.request('POST', '/api/admin/calendar/years', { body: notice2027, csrf: true });
    expect(load.status).toBe(202);
    const started = (await load.json()) as CalendarRefreshRun;
    expect(started).toMatchObject({ year: 2027 });
    expect(await api.deps.db.calendarYear.count({ where: { year: 2027 } })).toBe(1);

    // The test API's Temporal does not answer: both open cases fail, with the reason in Chinese.
    const run = await finished(admin, started.id);
    expect(run).toMatchObject({ total: 2, done: 2, refreshed: 0, unchanged: 0, failed: 2 });
    expect(run.results.map((r) => r.caseNo).sort()).toEqual(['YC20261221900001', 'YC20261221900002']);
    for (const r of run.results)
      expect(r).toMatchObject({
        outcome: 'failed',
        reason: expect.stringMatching(/^未发送：流程引擎无应答/),
      });

    const retry = await admin.request('POST', `/api/admin/calendar/runs/${run.id}/retry`, { csrf: true });
    expect(retry.status).toBe(202);
    const again = await finished(admin, ((await retry.json()) as CalendarRefreshRun).id);
    expect(again).toMatchObject({ retryOf: run.id, total: 2, done: 2, failed: 2 });

    // Once loaded, the same notice moves nothing more.
    const preview = await admin.request('POST', '/api/admin/calendar/preview', {
      body: notice2027,
      csrf: true,
    });
    expect(await preview.json()).toMatchObject({ same: true, moved: [], unchanged: 2 });
    const unknown = await admin.request('GET', '/api/admin/calendar/runs/no-such-run');
    expect(unknown.status).toBe(404);
  }, 60_000);
});
