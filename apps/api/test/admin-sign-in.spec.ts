import { demoPassword, seedDemoUsers } from '../src';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

describe('what the sign-in page offers (GET /api/auth/sign-in-options)', () => {
  let plain: TestApi;
  let withOidc: TestApi;
  beforeAll(async () => {
    plain = await startTestApi();
    withOidc = await startTestApi({
      OIDC_ISSUER_URL: 'http://127.0.0.1:9/issuer',
      OIDC_CLIENT_ID: 'onewindow',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URL: 'http://127.0.0.1:9/api/auth/oidc/callback',
    });
  }, 60_000);
  afterAll(async () => {
    await plain?.stop();
    await withOidc?.stop();
  });

  it('offers the identity provider only when OIDC is configured, to anyone (no session needed)', async () => {
    expect(await json(await fetch(`${plain.baseUrl}/api/auth/sign-in-options`))).toEqual({
      password: true,
      oidc: false,
    });
    expect(await json(await fetch(`${withOidc.baseUrl}/api/auth/sign-in-options`))).toEqual({
      password: true,
      oidc: true,
    });
  });

  it('changing one’s own password needs a session and the CSRF token', async () => {
    await seedDemoUsers(plain.deps.db);
    const body = { currentPassword: demoPassword, newPassword: 'Another-pass-2027' };
    const anonymous = await new HttpSession(plain.baseUrl).request('POST', '/api/auth/password', { body });
    expect(anonymous.status).toBe(401);
    const clerk = await signedIn(plain.baseUrl, 'clerk', demoPassword);
    expect((await clerk.request('POST', '/api/auth/password', { body })).status).toBe(403);
    const other = await signedIn(plain.baseUrl, 'clerk', demoPassword);
    const changed = await clerk.request('POST', '/api/auth/password', { body, csrf: true });
    expect(changed.status).toBe(200);
    // The other sessions of the user end; this one goes on.
    expect((await other.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await clerk.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await new HttpSession(plain.baseUrl).login('clerk', 'Another-pass-2027')).status).toBe(200);
  });
});
