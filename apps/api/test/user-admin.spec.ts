import { demoPassword, demoUsers, seedDemoUsers } from '../src';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
}, 60_000);
afterAll(() => api?.stop());

describe('user administration (user.manage)', () => {
  it('lists accounts with roles and lock state, never password hashes', async () => {
    for (let i = 0; i < 5; i++) await new HttpSession(api.baseUrl).login('approver.xfjy', 'wrong');
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const res = await admin.request('GET', '/api/auth/users');
    expect(res.status).toBe(200);
    const { users } = await json(res);
    expect(users).toHaveLength(demoUsers.length);
    expect(users.find((u: { username: string }) => u.username === 'approver.xfjy')).toMatchObject({
      roles: ['dept_approver'],
      lockedUntil: expect.any(String),
    });
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
  });

  it('unlocks a locked-out user', async () => {
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    expect((await new HttpSession(api.baseUrl).login('approver.xfjy', demoPassword)).status).toBe(401);
    expect((await admin.request('POST', '/api/auth/users/approver.xfjy/unlock')).status).toBe(403); // CSRF
    const res = await admin.request('POST', '/api/auth/users/approver.xfjy/unlock', { csrf: true });
    expect(res.status).toBe(200);
    expect((await new HttpSession(api.baseUrl).login('approver.xfjy', demoPassword)).status).toBe(200);
    expect(
      await api.deps.db.auditEntry.findFirst({ where: { action: 'POST /api/auth/users/:username/unlock' } }),
    ).toMatchObject({ actorUserId: 'demo-admin' });
  });

  it('ends every session of a user', async () => {
    const victim = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    const res = await admin.request('POST', '/api/auth/users/clerk/revoke-sessions', { csrf: true });
    expect(res.status).toBe(200);
    expect((await json(res)).revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await victim.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('is refused to everyone but administrators, and answers 404 for unknown users', async () => {
    const lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    for (const [method, path] of [
      ['GET', '/api/auth/users'],
      ['POST', '/api/auth/users/clerk/unlock'],
      ['POST', '/api/auth/users/clerk/revoke-sessions'],
    ] as const) {
      const res = await lead.request(method, path, { csrf: true });
      expect(res.status).toBe(403);
      expect((await json(res)).detail).toBe('Your roles (dept_lead) do not allow user.manage');
    }
    const admin = await signedIn(api.baseUrl, 'admin', demoPassword);
    expect((await admin.request('POST', '/api/auth/users/ghost/unlock', { csrf: true })).status).toBe(404);
  });
});
