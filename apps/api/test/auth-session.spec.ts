import { parseOptions } from '@node-rs/argon2';
import { demoPassword, seedDemoUsers } from '../src';
import { sessionIdOf } from '../src/auth/session-token';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
}, 60_000);
afterAll(() => api?.stop());

const sessionCookie = (s: HttpSession) => s.cookies.get('ow_session');
const db = () => api.deps.db;

describe('password login', () => {
  it('stores passwords as Argon2id and logs in with a HttpOnly, SameSite=Lax session cookie', async () => {
    const stored = await db().user.findUniqueOrThrow({ where: { username: 'clerk' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(parseOptions(stored.passwordHash!)).toMatchObject({ memoryCost: 19456, timeCost: 2 });

    const s = new HttpSession(api.baseUrl);
    const res = await s.login('clerk', demoPassword);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      user: { username: 'clerk', departmentCode: 'SFS-ZWFW', roles: ['window_clerk'] },
      csrfToken: expect.any(String),
    });
    expect(body.actions).toContain('case.accept');
    const cookie = s.lastSetCookies.find((c) => c.startsWith('ow_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    // Only the token's hash is stored: the cookie value is not a Session id.
    expect(await db().session.findUnique({ where: { id: sessionCookie(s)! } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: sessionIdOf(sessionCookie(s)!) } })).not.toBeNull();

    const me = await s.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect((await json(me)).csrfToken).toBe(body.csrfToken);
  });

  it('answers an unknown user and a wrong password with the same 401', async () => {
    const unknown = await new HttpSession(api.baseUrl).login('nobody', 'whatever-password');
    const wrong = await new HttpSession(api.baseUrl).login('designer', 'wrong-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const [a, b] = [await json(unknown), await json(wrong)];
    expect(a.detail).toBe(b.detail);
    expect(a.type).toBe('urn:onewindow:problem:unauthenticated');
    expect(unknown.headers.get('set-cookie')).toBeNull();
  });

  it('refuses unknown fields and wrong types with 400 naming the field', async () => {
    const s = new HttpSession(api.baseUrl);
    const extra = await s.request('POST', '/api/auth/login', {
      body: { username: 'clerk', password: demoPassword, admin: true },
    });
    expect(extra.status).toBe(400);
    expect((await json(extra)).detail).toMatch(/admin/);
    const wrongType = await s.request('POST', '/api/auth/login', {
      body: { username: 42, password: demoPassword },
    });
    expect(wrongType.status).toBe(400);
    expect((await json(wrongType)).errors).toEqual([
      { path: 'username', message: expect.stringMatching(/username/) },
    ]);
  });

  it('says 401 for /me without a session', async () => {
    const res = await new HttpSession(api.baseUrl).request('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('marks the cookie Secure when configured for HTTPS', async () => {
    const secureApi = await startTestApi({ COOKIE_SECURE: 'always' }, api.database);
    try {
      const s = new HttpSession(secureApi.baseUrl);
      expect((await s.login('clerk', demoPassword)).status).toBe(200);
      expect(s.lastSetCookies.find((c) => c.startsWith('ow_session='))).toMatch(/; Secure/);
    } finally {
      await secureApi.stop();
    }
  });
});

describe('session fixation, logout, expiry', () => {
  it('issues a new session id at login and the old one stops working', async () => {
    const s = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
    const before = sessionCookie(s)!;
    const relogin = await s.login('approver.scjg', demoPassword);
    expect(relogin.status).toBe(200);
    const after = sessionCookie(s)!;
    expect(after).not.toBe(before);

    const old = new HttpSession(api.baseUrl);
    old.cookies.set('ow_session', before);
    expect((await old.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await s.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('never adopts a session id the client made up', async () => {
    const s = new HttpSession(api.baseUrl);
    const planted = 'attacker-chosen-session-token-0123456789';
    s.cookies.set('ow_session', planted);
    expect((await s.login('approver.scjg', demoPassword)).status).toBe(200);
    expect(sessionCookie(s)).not.toBe(planted);
    expect(await db().session.findUnique({ where: { id: sessionIdOf(planted) } })).toBeNull();
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const s = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    const token = sessionCookie(s)!;
    const res = await s.request('POST', '/api/auth/logout', { csrf: true });
    expect(res.status).toBe(204);
    expect(s.cookies.has('ow_session')).toBe(false);
    const replay = new HttpSession(api.baseUrl);
    replay.cookies.set('ow_session', token);
    expect((await replay.request('GET', '/api/auth/me')).status).toBe(401);
    expect(
      (await db().session.findUniqueOrThrow({ where: { id: sessionIdOf(token) } })).revokedAt,
    ).not.toBeNull();
  });

  it('logs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const laptop = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    const phone = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    const someoneElse = await signedIn(api.baseUrl, 'designer', demoPassword);
    const res = await laptop.request('POST', '/api/auth/logout-all', { csrf: true });
    expect(res.status).toBe(200);
    expect((await json(res)).revokedSessions).toBeGreaterThanOrEqual(2);
    expect((await phone.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await laptop.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await someoneElse.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('ends expired sessions', async () => {
    const s = await signedIn(api.baseUrl, 'designer', demoPassword);
    await db().session.update({
      where: { id: sessionIdOf(sessionCookie(s)!) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await s.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends the sessions of a disabled user', async () => {
    const s = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
    await db().user.update({ where: { username: 'approver.xfjy' }, data: { disabled: true } });
    try {
      expect((await s.request('GET', '/api/auth/me')).status).toBe(401);
      expect((await new HttpSession(api.baseUrl).login('approver.xfjy', demoPassword)).status).toBe(401);
    } finally {
      await db().user.update({ where: { username: 'approver.xfjy' }, data: { disabled: false } });
    }
  });
});

describe('CSRF (double-submit token)', () => {
  it('refuses state-changing requests from a session without the right X-CSRF-Token', async () => {
    const s = await signedIn(api.baseUrl, 'admin', demoPassword);
    const missing = await s.request('POST', '/api/auth/logout');
    expect(missing.status).toBe(403);
    expect((await json(missing)).detail).toMatch(/Missing X-CSRF-Token/);
    const wrong = await s.request('POST', '/api/auth/logout', { csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect((await json(wrong)).detail).toMatch(/Wrong X-CSRF-Token/);
    const put = await s.request('PUT', '/api/auth/users/clerk/oidc-subject', {
      body: { oidcSubject: 'sub-x' },
    });
    expect(put.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { username: 'clerk' } })).oidcSubject).toBeNull();
    // Another session's token does not work either.
    const other = await signedIn(api.baseUrl, 'admin', demoPassword);
    expect((await s.request('POST', '/api/auth/logout', { csrf: other.csrfToken })).status).toBe(403);

    expect((await s.request('GET', '/api/auth/me')).status).toBe(200);
    const ok = await s.request('POST', '/api/auth/logout', { csrf: true });
    expect(ok.status).toBe(204);
  });
});

describe('lock-out', () => {
  it('locks a user for 15 minutes after 5 wrong passwords, counted per user, with the same answer', async () => {
    const s = new HttpSession(api.baseUrl);
    const answers: string[] = [];
    const before = Date.now();
    for (let i = 0; i < 5; i++) {
      const res = await s.login('approver.wsjk', `wrong-${i}`);
      expect(res.status).toBe(401);
      answers.push((await json(res)).detail);
    }
    const locked = await s.login('approver.wsjk', demoPassword);
    expect(locked.status).toBe(401);
    answers.push((await json(locked)).detail);
    expect(new Set(answers).size).toBe(1);

    const after = Date.now();
    // 15 minutes from the fifth wrong password, which came between `before` and `after` (however slow the host).
    const row = await db().user.findUniqueOrThrow({ where: { username: 'approver.wsjk' } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(row.lockedUntil!.getTime()).toBeLessThanOrEqual(after + 15 * 60_000);

    // Another user is not affected.
    expect((await new HttpSession(api.baseUrl).login('approver.scjg', demoPassword)).status).toBe(200);

    // When the lock has passed, the right password works again and the counter starts afresh.
    await db().user.update({
      where: { username: 'approver.wsjk' },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await s.login('approver.wsjk', demoPassword)).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { username: 'approver.wsjk' } })).failedLogins).toBe(
      0,
    );
  });

  it('resets the failure count on success, so scattered typos never lock', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++)
        expect((await new HttpSession(api.baseUrl).login('lead.scjg', 'typo')).status).toBe(401);
      expect((await new HttpSession(api.baseUrl).login('lead.scjg', demoPassword)).status).toBe(200);
    }
  });

  it('records failed and locked-out logins in the audit log', async () => {
    const entries = await db().auditEntry.findMany({ where: { target: 'user:approver.wsjk' } });
    expect(entries.map((e) => e.action)).toEqual([
      ...Array(4).fill('auth.login_failed'),
      'auth.account_locked',
      'auth.login_refused_locked',
    ]);
    expect(entries[0].actorUserId).toBeNull();
    expect(JSON.parse(entries[0].payload!)).toEqual({
      failure: 'wrong_password',
      userId: 'demo-approver.wsjk',
    });
    expect(entries[0].ip).toBe('127.0.0.1');
  });
});
