import type { WindowCounters } from '@onewindow/contracts';
import type { Client } from '@temporalio/client';
import { demoPassword, seedDemoUsers } from '../src/auth/seed-demo-users';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';

jest.setTimeout(60_000);

/**
 * 今日工作量 (GET /api/window/counters) of the signed-in clerk on the real Express app over a migrated SQLite
 * file: what the clerk accepted, told to supplement and refused today, an application noticed and accepted the
 * same day counted once as received. Temporal is not running: its client records the start commands.
 */
describe('the window counters of one clerk and one day', () => {
  let api: TestApi;
  let clerk: HttpSession;
  const FOOD = '11370800MB28559184301011700201A';
  const application = {
    applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    items: [{ implementationCode: FOOD }],
    materials: [{ materialCode: 'M-FOOD-APP', provenance: 'submitted', originals: 1 }],
  };

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoUsers(api.deps.db);
    await seedCatalogueItem(api.deps.db, {
      code: FOOD,
      name: '食品经营许可',
      departmentCode: 'SFS-SCJG',
      statutory: 20,
      promised: 10,
    });
    api.deps.temporal.client = { workflow: { start: async () => ({}) } } as unknown as Client;
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  const post = async (route: string, body: unknown) => {
    const res = await clerk.request('POST', route, { body, csrf: true });
    expect(res.status).toBe(201);
    return (await res.json()) as { caseNo: string };
  };
  const counters = async (query = '') => {
    const res = await clerk.request('GET', `/api/window/counters${query}`);
    return { status: res.status, body: (await res.json()) as WindowCounters & { detail?: string } };
  };

  it('counts acceptances, one-time notices and refusals of today, an application once', async () => {
    const before = (await counters()).body;
    expect(before).toMatchObject({ received: 0, accepted: 0, notices: 0, refused: 0, issued: 0 });
    await post('/api/cases', application);
    const noticed = await post('/api/intake/correction-notices', {
      application,
      missing: [{ materialCode: 'M-FOOD-APP', problem: '未签字' }],
    });
    await post('/api/intake/refusals', { application, reason: '不属于本机关职权范围' });
    expect((await counters()).body).toMatchObject({ received: 3, accepted: 1, notices: 1, refused: 1 });
    // The applicant comes back the same day: accepted, still one application received.
    await post('/api/cases', { ...application, applicationNo: noticed.caseNo });
    const after = (await counters()).body;
    expect(after).toMatchObject({ received: 3, accepted: 2, notices: 1, refused: 1, issued: 0 });
    // Another day has its own counts.
    expect((await counters('?day=2000-01-03')).body).toEqual({
      day: '2000-01-03',
      received: 0,
      accepted: 0,
      notices: 0,
      refused: 0,
      issued: 0,
      reusedCertificates: 0,
    });
  });

  it('counts by user id: a clerk with the same display name adds nothing to the other clerk counters', async () => {
    const mine = (await counters()).body;
    const me = await api.deps.db.user.findUniqueOrThrow({
      where: { username: 'clerk' },
      include: { roles: true },
    });
    await api.deps.db.user.create({
      data: {
        id: 'clerk-namesake',
        username: 'clerk-namesake',
        displayName: me.displayName,
        passwordHash: me.passwordHash,
        departmentCode: me.departmentCode,
        roles: { create: me.roles.map((r) => ({ role: r.role })) },
      },
    });
    const namesake = await signedIn(api.baseUrl, 'clerk-namesake', demoPassword);
    const res = await namesake.request('POST', '/api/intake/correction-notices', {
      body: { application, missing: [{ materialCode: 'M-FOOD-APP', problem: '未盖章' }] },
      csrf: true,
    });
    expect(res.status).toBe(201);
    const refused = await namesake.request('POST', '/api/intake/refusals', {
      body: { application, reason: '不属于本机关职权范围' },
      csrf: true,
    });
    expect(refused.status).toBe(201);
    expect((await counters()).body).toEqual(mine);
    const theirs = (await (await namesake.request('GET', '/api/window/counters')).json()) as WindowCounters;
    expect(theirs).toMatchObject({ received: 2, notices: 1, refused: 1, accepted: 0 });
  });

  it('refuses a malformed day in Chinese', async () => {
    const bad = await counters('?day=7.12.2026');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('day 须为 YYYY-MM-DD 格式的日期');
  });
});
