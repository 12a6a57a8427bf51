import type { DeadlineResponse, Problem } from '@onewindow/contracts';
import { seedDemoUsers, demoPassword } from '../src/auth/seed-demo-users';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

const notice2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知 (test copy)',
  provisional: false,
  holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-03' }],
  adjustedWorkingDays: [],
};

describe('calendar API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
  }, 60_000);
  afterAll(() => api?.stop());

  it('computes a deadline across National Day for anyone', async () => {
    const res = await new HttpSession(api.baseUrl).request(
      'GET',
      '/api/calendar/deadline?from=2026-09-28&days=20',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as DeadlineResponse;
    expect(body).toMatchObject({ due: '2026-10-30', provisional: false });
    expect(body).not.toHaveProperty('provisionalReason');
    expect(body.holidaysCrossed.map((h: { start: string }) => h.start)).toEqual(['2026-10-01']);
  });

  it('lets an administrator load a new year, which removes the provisional flag and its reason', async () => {
    const before = (await (
      await new HttpSession(api.baseUrl).request('GET', '/api/calendar/deadline?from=2026-12-20&days=10')
    ).json()) as DeadlineResponse;
    // No 2027 notice yet: the statutory holiday of Fri 1 January is skipped, and the answer says why it may move.
    expect(before).toMatchObject({
      due: '2027-01-04',
      provisional: true,
      provisionalReason: 'no holiday notice for 2027 yet',
    });
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const put = await admin.request('PUT', '/api/calendar/years/2027', { body: notice2027, csrf: true });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ year: 2027, openCases: 0, refreshed: 0, unchanged: 0, failed: [] });
    const after = (await (
      await new HttpSession(api.baseUrl).request('GET', '/api/calendar/deadline?from=2026-12-20&days=10')
    ).json()) as DeadlineResponse;
    // The notice confirms 1 January (its 2–3 January are a weekend): same day, no longer provisional.
    expect(after).toMatchObject({ due: '2027-01-04', provisional: false });
    expect(after).not.toHaveProperty('provisionalReason');
  });

  it('keeps the stored year when open cases cannot take it (Temporal down), naming each; closed cases are not sent', async () => {
    await api.deps.db.applicant.create({
      data: { id: 'cal-A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await api.deps.db.case.createMany({
      data: [
        { caseNo: 'YC20261201900001', applicantId: 'cal-A1', kind: 'item', status: 'in_review' },
        { caseNo: 'YC20261201900002', applicantId: 'cal-A1', kind: 'item', status: 'decided' },
        { caseNo: 'YC20261201900003', applicantId: 'cal-A1', kind: 'item', status: 'issued' },
        { caseNo: 'YC20261201900004', applicantId: 'cal-A1', kind: 'item', status: 'withdrawn' },
      ],
    });
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const notice = {
      ...notice2027,
      source: 'corrected copy',
      holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-04' }],
    };
    const put = await admin.request('PUT', '/api/calendar/years/2027?replaceOfficial=true', {
      body: notice,
      csrf: true,
    });
    expect(put.status).toBe(200);
    const reason = 'not sent: Temporal at 127.0.0.1:1 did not answer';
    expect(await put.json()).toEqual({
      year: 2027,
      openCases: 2,
      refreshed: 0,
      unchanged: 0,
      failed: [
        { caseNo: 'YC20261201900001', reason },
        { caseNo: 'YC20261201900002', reason },
      ],
    });
    const stored = await api.deps.db.calendarYear.findFirstOrThrow({ where: { year: 2027 } });
    expect(JSON.parse(stored.data)).toMatchObject({ source: 'corrected copy' });
    await api.deps.db.case.deleteMany({ where: { applicantId: 'cal-A1' } });
  }, 60_000);

  it('refuses a clerk, a bad notice and a conflict with official data — storing nothing', async () => {
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect(
      (await clerk.request('PUT', '/api/calendar/years/2027', { body: notice2027, csrf: true })).status,
    ).toBe(403);
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const rowsBefore = await api.deps.db.calendarYear.count();

    const bad = await admin.request('PUT', '/api/calendar/years/2028', {
      body: { ...notice2027, year: 2028, adjustedWorkingDays: ['2028-01-05'] },
      csrf: true,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).detail).toMatch(/2028-01-05 is not a Saturday or Sunday/);

    const conflict = await admin.request('PUT', '/api/calendar/years/2026', {
      body: { ...notice2027, year: 2026, holidays: [] },
      csrf: true,
    });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as Problem).detail).toMatch(/2026 already has official data/);
    expect(await api.deps.db.calendarYear.count()).toBe(rowsBefore);
  });
});
