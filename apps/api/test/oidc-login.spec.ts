import path from 'node:path';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { freePort } from '@onewindow/testkit';
import { demoPassword, seedDemoUsers } from '../src';
import { startNodeProcess, type RunningChild } from './support/child-process';
import { HttpSession, json, signedIn } from './support/test-api';

/**
 * OIDC login against a real OpenID Provider (oidc-provider in its own process, on a loopback port)
 * and the real API in its own process configured through OIDC_* variables.
 */
const root = path.resolve(__dirname, '../../..');
const clientId = 'onewindow-test';
const clientSecret = 'onewindow-test-secret-0123456789';

let database: TestDatabase;
let provider: RunningChild;
let apiProcess: RunningChild;
let issuer: string;
let apiBase: string;
let redirectUri: string;

beforeAll(async () => {
  database = await createSqliteTestDatabase();
  await seedDemoUsers(database.db);
  const [providerPort, apiPort] = [await freePort(), await freePort()];
  apiBase = `http://127.0.0.1:${apiPort}`;
  redirectUri = `${apiBase}/api/auth/oidc/callback`;
  provider = await startNodeProcess(
    [
      'apps/api/test/support/oidc-test-provider.mjs',
      String(providerPort),
      clientId,
      clientSecret,
      redirectUri,
    ],
    { cwd: root },
  );
  issuer = provider.ready.issuer;
  apiProcess = await startNodeProcess(['--import', 'tsx', 'apps/api/test/support/serve-test-api.ts'], {
    cwd: root,
    timeoutMs: 60_000,
    env: {
      DATABASE_URL: database.url,
      PORT: String(apiPort),
      LOG_LEVEL: 'silent',
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URL: redirectUri,
      OIDC_SCOPES: 'openid',
    },
  });
}, 90_000);

afterAll(async () => {
  await apiProcess?.stop();
  await provider?.stop();
  await database?.dispose();
});

const relative = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** Plays the browser at the identity provider: follows redirects, fills its login and consent forms. Returns our callback URL. */
async function signInAtProvider(authorizationUrl: string, subject: string): Promise<string> {
  const browser = new HttpSession(issuer);
  let res = await browser.request('GET', relative(authorizationUrl));
  for (let step = 0; step < 12; step++) {
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location')!, issuer).href;
      if (location.startsWith(redirectUri)) return location;
      res = await browser.request('GET', relative(location));
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt || !action)
      throw new Error(`unexpected answer from the provider: ${res.status} ${html.slice(0, 300)}`);
    const form = new URLSearchParams({ prompt, login: subject, password: 'not-checked-by-the-dev-form' });
    res = await browser.request('POST', relative(new URL(action, issuer).href), {
      rawBody: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('the provider never redirected back');
}

async function startLogin(): Promise<{ browser: HttpSession; authorizationUrl: string }> {
  const browser = new HttpSession(apiBase);
  const start = await browser.request('GET', '/api/auth/oidc/start');
  expect(start.status).toBe(303);
  const authorizationUrl = start.headers.get('location')!;
  expect(authorizationUrl.startsWith(`${issuer}/auth?`)).toBe(true);
  const params = new URL(authorizationUrl).searchParams;
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(browser.lastSetCookies.find((c) => c.startsWith('ow_oidc='))).toMatch(
    /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/,
  );
  return { browser, authorizationUrl };
}

describe('OIDC login with a real identity provider', () => {
  it('signs in a user whose subject an administrator mapped', async () => {
    const admin = await signedIn(apiBase, 'admin', demoPassword);
    const mapped = await admin.request('PUT', '/api/auth/users/approver.scjg/oidc-subject', {
      body: { oidcSubject: 'gov-person-0001' },
      csrf: true,
    });
    expect(mapped.status).toBe(200);

    const { browser, authorizationUrl } = await startLogin();
    const callbackUrl = await signInAtProvider(authorizationUrl, 'gov-person-0001');
    const callback = await browser.request('GET', relative(callbackUrl));
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/');
    expect(browser.lastSetCookies.find((c) => c.startsWith('ow_session='))).toMatch(/HttpOnly/);
    expect(browser.cookies.has('ow_oidc')).toBe(false);

    const me = await browser.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({
      user: { username: 'approver.scjg', departmentCode: 'SFS-SCJG', roles: ['dept_approver'] },
    });
    const entry = await database.db.auditEntry.findFirstOrThrow({ where: { action: 'auth.oidc_login' } });
    expect(entry).toMatchObject({ actorUserId: 'demo-approver.scjg', target: 'user:approver.scjg' });

    // The same authorization response cannot be used twice.
    const replay = new HttpSession(apiBase);
    const again = await replay.request('GET', relative(callbackUrl));
    expect(again.status).toBe(400);
  }, 60_000);

  it('refuses a subject that no user is mapped to (403), without a session', async () => {
    const { browser, authorizationUrl } = await startLogin();
    const callbackUrl = await signInAtProvider(authorizationUrl, 'stranger-42');
    const callback = await browser.request('GET', relative(callbackUrl));
    expect(callback.status).toBe(403);
    expect((await json(callback)).detail).toMatch(
      /subject stranger-42\) is not linked to an active OneWindow user/,
    );
    expect(browser.cookies.has('ow_session')).toBe(false);
    expect(
      await database.db.auditEntry.count({
        where: { action: 'auth.oidc_unmapped', target: 'oidc:stranger-42' },
      }),
    ).toBe(1);
  }, 60_000);

  it('refuses a callback whose state was changed (401) or that this browser did not start (400)', async () => {
    const { browser, authorizationUrl } = await startLogin();
    const callbackUrl = new URL(await signInAtProvider(authorizationUrl, 'gov-person-0001'));
    const transactionCookie = browser.cookies.get('ow_oidc')!;

    const stranger = new HttpSession(apiBase);
    const foreign = await stranger.request('GET', relative(callbackUrl.href));
    expect(foreign.status).toBe(400);
    expect((await json(foreign)).detail).toMatch(/No OIDC login is in progress in this browser/);

    callbackUrl.searchParams.set('state', 'forged-state-value-000000000');
    const forged = await browser.request('GET', relative(callbackUrl.href));
    expect(forged.status).toBe(401);
    expect((await json(forged)).detail).toMatch(/did not complete/);
    expect(browser.cookies.has('ow_session')).toBe(false);
    expect(transactionCookie).toBeTruthy();
  }, 60_000);
});
