import type { AddressInfo } from 'node:net';
import express from 'express';
import { demoPassword, seedDemoUsers } from '../src';
import { problemHandler } from '../src/http/problem';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

describe('HTTP hardening', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 3, PUBLIC_RATE_LIMIT: 40, BODY_LIMIT_BYTES: 64 * 1024 });
    await seedDemoUsers(api.deps.db);
  }, 60_000);
  afterAll(() => api?.stop());

  it('sends a CSP the React app works under (scripts self; styles self + inline for antd) and the other helmet headers', async () => {
    const res = await fetch(`${api.baseUrl}/`);
    const csp = res.headers.get('content-security-policy')!;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives).not.toHaveProperty('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers an oversized body with 413 problem+json before any work', async () => {
    const res = await new HttpSession(api.baseUrl).request('POST', '/api/auth/login', {
      body: { username: 'clerk', password: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await json(res)).detail).toMatch(/larger than the 65536 byte limit/);
  });

  it('rate-limits login attempts per address (429) while other users of the site carry on', async () => {
    const s = new HttpSession(api.baseUrl);
    for (let i = 0; i < 3; i++) expect((await s.login('nobody', 'wrong')).status).toBe(401);
    const limited = await s.login('clerk', demoPassword);
    expect(limited.status).toBe(429);
    expect(await json(limited)).toMatchObject({
      type: 'urn:onewindow:problem:too-many-requests',
      detail: expect.stringMatching(/wait 15 minutes/),
    });
    expect(limited.headers.get('ratelimit-policy')).toMatch(/3/);
  });

  it('rate-limits anonymous requests, but not signed-in users', async () => {
    const fresh = await startTestApi({ PUBLIC_RATE_LIMIT: 5 }, api.database);
    try {
      const member = await signedIn(fresh.baseUrl, 'supervisor', demoPassword);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${fresh.baseUrl}/api/auth/me`)).status);
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses.slice(-1)).toEqual([429]);
      for (let i = 0; i < 8; i++) expect((await member.request('GET', '/api/auth/me')).status).toBe(200);
    } finally {
      await fresh.stop();
    }
  });

  it('masks personal data echoed in error details', async () => {
    // Demo cases need a window clerk (case.accept); this server's logins are used up by the test above.
    const fresh = await startTestApi({}, api.database);
    try {
      const clerk = await signedIn(fresh.baseUrl, 'clerk', demoPassword);
      const res = await clerk.request('POST', '/api/demo-cases/11010519491231002X/complete', {
        body: { completedBy: 'x' },
        csrf: true,
      });
      expect(res.status).toBe(404);
      const body = await json(res);
      expect(body.detail).toMatch(/110105\*{8}002X/);
      expect(JSON.stringify(body)).not.toMatch(/11010519491231002X/);
    } finally {
      await fresh.stop();
    }
  });

  it('turns unexpected errors into a 500 problem with a request id and no stack trace', async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
    app.use(problemHandler);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toMatch(/secret internals|app\.ts|at /);
      expect(JSON.parse(text)).toMatchObject({
        type: 'urn:onewindow:problem:internal',
        detail: expect.stringMatching(/quote request id/),
      });
    } finally {
      server.close();
    }
  });
});
