import { demoPassword, seedDemoUsers } from '../src';
import { MAX_JSON_DEPTH } from '../src/http/json-bounds';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

/** `levels` arrays and objects nested in one another, around a leaf. */
function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? { k: value } : [value];
  return value;
}

/**
 * What the API takes in is bounded before anything reads it: JSON depth and size, a calendar notice's
 * reference, names without invisible control characters. Answers carrying personal data are not cached, and
 * the client's address for the login limit is the connection's unless TRUST_PROXY names a proxy.
 */
describe('input bounds', () => {
  let api: TestApi;
  let clerk: HttpSession;
  let admin: HttpSession;
  const application = (extra: Record<string, unknown>) => ({
    items: [{ implementationCode: '11370800MB28559184337011700201Y' }],
    applicant: { kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    materials: [{ materialCode: 'M-ID', originals: 1, copies: 1 }],
    ...extra,
  });

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 3 });
    await seedDemoUsers(api.deps.db);
    clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    admin = await signedIn(api.baseUrl, 'admin', demoPassword);
  }, 60_000);
  afterAll(() => api?.stop());

  it('refuses a body nested 3,000 levels deep with 400 and a Chinese message, signed in or not', async () => {
    const deep = await clerk.request('POST', '/api/cases', {
      body: application({ applicationData: { form: nested(3000) } }),
      csrf: true,
    });
    expect(deep.status).toBe(400);
    expect(deep.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(deep)).detail).toMatch(/请求内容嵌套超过 64 层/);
    // Before the session, CSRF and the routes: an anonymous request to a public route gets the same answer.
    const anonymous = await new HttpSession(api.baseUrl).request('POST', '/api/public/cases/YC1/status', {
      body: { code: nested(3000) },
    });
    expect([anonymous.status, (await json(anonymous)).title]).toEqual([400, 'JSON nested too deeply']);
    // Brackets inside strings do not count.
    const quoted = await clerk.request('POST', '/api/cases', {
      body: application({ applicationData: { note: '['.repeat(5000) } }),
      csrf: true,
    });
    expect((await json(quoted)).title).not.toBe('JSON nested too deeply');
  });

  it('takes a body nested exactly to the bound to validation, not to the depth refusal', async () => {
    // applicationData (1) inside the body (1): the form nests MAX_JSON_DEPTH - 2 more levels.
    const atBound = await clerk.request('POST', '/api/cases', {
      body: application({ applicationData: { form: nested(MAX_JSON_DEPTH - 2) } }),
      csrf: true,
    });
    expect((await json(atBound)).title).not.toBe('JSON nested too deeply');
    const over = await clerk.request('POST', '/api/cases', {
      body: application({ applicationData: { form: nested(MAX_JSON_DEPTH - 1) } }),
      csrf: true,
    });
    expect((await json(over)).title).toBe('JSON nested too deeply');
  });

  it('refuses a calendar year whose source is longer than 2 KB, saying what to put there', async () => {
    const year = new Date().getFullYear() + 5;
    const put = (source: string) =>
      admin.request('PUT', `/api/calendar/years/${year}`, {
        body: { year, source, provisional: false, holidays: [], adjustedWorkingDays: [] },
        csrf: true,
      });
    const huge = await put('国办发明电'.repeat(100_000 / 5));
    expect(huge.status).toBe(400);
    expect((await json(huge)).detail).toMatch(/source（通知文号）不能超过 2048 字节/);
    expect(await api.deps.db.calendarYear.count({ where: { year } })).toBe(0);
  });

  it.each([
    ['NUL', '张\u0000三'],
    ['a line break', '张\n三'],
    ['the right-to-left override', '张三\u202Egnp.exe'],
    ['a bidi isolate', '\u2067张三'],
  ])('refuses an applicant name holding %s, saying so in Chinese', async (_what, name) => {
    const res = await clerk.request('POST', '/api/cases', {
      body: application({ applicant: { kind: 'person', idNumber: '11010519491231002X', name } }),
      csrf: true,
    });
    expect(res.status).toBe(400);
    const problem = await json(res);
    // (The item is unknown too: this test seeds no catalogue; every problem is listed at once.)
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        {
          path: 'applicant.name',
          message: expect.stringContaining('申请人名称含有不可见的控制字符或文字方向控制符'),
        },
      ]),
    );
  });

  it('marks every API answer no-store (case views carry full ID numbers)', async () => {
    await api.deps.db.applicant.create({
      data: { id: 'A-bounds', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
    });
    await api.deps.db.case.create({
      data: { caseNo: 'YC20261201000999', applicantId: 'A-bounds', kind: 'item', status: 'in_review' },
    });
    for (const path of [
      '/api/auth/me',
      '/api/cases/YC20261201000999',
      '/api/cases?view=mine',
      '/api/health',
    ]) {
      const res = await clerk.request('GET', path);
      expect([path, res.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
  });

  it('counts failed logins by the connection: a made-up X-Forwarded-For does not reset the limit', async () => {
    const s = new HttpSession(api.baseUrl);
    for (let i = 0; i < 3; i++) {
      const res = await s.request('POST', '/api/auth/login', {
        body: { username: 'nobody', password: 'wrong' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      expect(res.status).toBe(401);
    }
    const spoofed = await s.request('POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'wrong' },
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(spoofed.status).toBe(429);
  });
});
