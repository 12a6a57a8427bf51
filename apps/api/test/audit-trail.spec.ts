import { demoPassword, seedDemoUsers } from '../src';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedDemoUsers(api.deps.db);
}, 60_000);
afterAll(() => api?.stop());

const lastEntry = () => api.deps.db.auditEntry.findFirstOrThrow({ orderBy: { seq: 'desc' } });

describe('audit trail of HTTP requests', () => {
  it('records a successful state-changing request with who, when, what, where from and the request id', async () => {
    const s = new HttpSession(api.baseUrl);
    const before = Date.now();
    const res = await s.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: demoPassword },
      headers: { 'x-request-id': 'req-audit-0001' },
    });
    expect(res.status).toBe(200);
    const entry = await lastEntry();
    expect(entry).toMatchObject({
      action: 'POST /api/auth/login',
      actorUserId: 'demo-admin',
      target: '/api/auth/login',
      ip: '127.0.0.1',
      requestId: 'req-audit-0001',
    });
    expect(JSON.parse(entry.payload!)).toEqual({ status: 200 });
    expect(entry.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('writes the entry before the response is sent', async () => {
    const s = await signedIn(api.baseUrl, 'designer', demoPassword);
    const count = await api.deps.db.auditEntry.count();
    const res = await s.request('POST', '/api/auth/logout', { csrf: true });
    expect(res.status).toBe(204);
    expect(await api.deps.db.auditEntry.count()).toBe(count + 1);
    expect(await lastEntry()).toMatchObject({
      action: 'POST /api/auth/logout',
      actorUserId: 'demo-designer',
    });
  });

  it('does not record reads or refused requests', async () => {
    const count = await api.deps.db.auditEntry.count();
    await fetch(`${api.baseUrl}/api/health`);
    await new HttpSession(api.baseUrl).request('POST', '/api/auth/login', { body: { username: '' } });
    await new HttpSession(api.baseUrl).request('POST', '/api/auth/logout');
    expect(await api.deps.db.auditEntry.count()).toBe(count);
  });

  it('records an admin changing an identity mapping, masking personal data', async () => {
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const res = await admin.request('PUT', '/api/auth/users/clerk/oidc-subject', {
      body: { oidcSubject: 'gov-11010519491231002X' },
      csrf: true,
    });
    expect(res.status).toBe(200);
    expect(await lastEntry()).toMatchObject({
      action: 'PUT /api/auth/users/:username/oidc-subject',
      target: '/api/auth/users/clerk/oidc-subject',
      actorUserId: 'demo-admin',
    });
    const conflict = await admin.request('PUT', '/api/auth/users/approver.scjg/oidc-subject', {
      body: { oidcSubject: 'gov-11010519491231002X' },
      csrf: true,
    });
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).detail).toMatch(/already belongs to user clerk/);
  });

  it('lets auditors read the log and its verification, and nobody change it', async () => {
    const supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    const list = await supervisor.request('GET', '/api/audit?limit=2');
    expect(list.status).toBe(200);
    const { entries } = await json(list);
    expect(entries).toHaveLength(2);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    const verification = await supervisor.request('GET', '/api/audit/verification');
    expect(await json(verification)).toMatchObject({ ok: true });

    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const denied = await clerk.request('GET', '/api/audit');
    expect(denied.status).toBe(403);
    expect((await json(denied)).detail).toBe('Your roles (window_clerk) do not allow audit.read');
    expect((await new HttpSession(api.baseUrl).request('GET', '/api/audit')).status).toBe(401);

    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await supervisor.request(method, `/api/audit/${entries[0].seq}`, { csrf: true, body: {} });
      expect(res.status).toBe(404);
    }
    const strict = await supervisor.request('GET', '/api/audit?limit=2&evil=1');
    expect(strict.status).toBe(400);
  });
});
