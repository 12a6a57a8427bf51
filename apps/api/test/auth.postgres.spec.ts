import { createPostgresTestDatabase, type TestDatabase } from '@onewindow/db';
import { demoPassword, seedDemoUsers, verifyAuditChain } from '../src';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

/** The same login, CSRF, lock-out and audit behaviour on PostgreSQL (the scale path). */
describe('auth on PostgreSQL', () => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    await seedDemoUsers(database.db);
    api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, database);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await database?.dispose();
  });

  it('logs in, rotates the session, enforces CSRF and logs out', async () => {
    const s = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const first = s.cookies.get('ow_session');
    expect((await s.login('clerk', demoPassword)).status).toBe(200);
    expect(s.cookies.get('ow_session')).not.toBe(first);
    expect((await s.request('POST', '/api/auth/logout')).status).toBe(403);
    expect((await s.request('POST', '/api/auth/logout', { csrf: true })).status).toBe(204);
    expect((await s.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('locks after five concurrent wrong passwords', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () => new HttpSession(api.baseUrl).login('designer', 'wrong')),
    );
    expect((await new HttpSession(api.baseUrl).login('designer', demoPassword)).status).toBe(401);
    const user = await database.db.user.findUniqueOrThrow({ where: { username: 'designer' } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('keeps an intact audit chain of all of it', async () => {
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.entries).toBeGreaterThanOrEqual(8);
  });
});
