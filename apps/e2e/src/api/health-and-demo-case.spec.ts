import type { AddressInfo } from 'node:net';
import { buildApiDeps, createApp, createLogger, demoPassword, seedDemoUsers } from '@onewindow/api';
import { loadConfig } from '@onewindow/config';
import { createPrismaClient } from '@onewindow/db';
import { createSqliteTestDatabase, freePort } from '@onewindow/testkit';
import { ApiSession } from '../cases/http-session';
import { startStack, type RunningStack } from '../support/start-stack';

describe('API against the real stack', () => {
  let stack: RunningStack;
  let clerk: ApiSession;
  beforeAll(async () => {
    stack = await startStack();
    const db = createPrismaClient(stack.databaseUrl);
    try {
      await seedDemoUsers(db);
    } finally {
      await db.$disconnect();
    }
    clerk = await ApiSession.signIn(stack.baseUrl, 'clerk', demoPassword);
  }, 120_000);
  afterAll(() => stack?.stop(), 60_000);

  const post = (path: string, body?: unknown) =>
    fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });

  it('reports the database and Temporal up', async () => {
    const res = await fetch(`${stack.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', database: { up: true }, temporal: { up: true } });
  });

  it('starts no demo workflow for a caller who is not signed in', async () => {
    const anonymous = await post('/api/demo-cases');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).detail).toMatch(/case\.accept needs a session/);
    const completion = await post('/api/demo-cases/DEMO-000000000000/complete', { completedBy: 'x' });
    expect(completion.status).toBe(401);
  });

  it('starts a real demo workflow for a window clerk and completes it through its Update', async () => {
    const created = await clerk.call('POST', '/api/demo-cases');
    expect(created.status).toBe(201);
    const { caseNo } = created.body;
    expect(caseNo).toMatch(/^DEMO-[0-9A-F]{12}$/);

    const blank = await clerk.call('POST', `/api/demo-cases/${caseNo}/complete`, { completedBy: '' });
    expect(blank.status).toBe(400);
    expect(blank.type).toContain('application/problem+json');
    expect(blank.body).toMatchObject({
      type: 'urn:onewindow:problem:validation',
      errors: [{ path: 'completedBy' }],
    });

    const done = await clerk.call('POST', `/api/demo-cases/${caseNo}/complete`, { completedBy: 'clerk-1' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ caseNo, status: 'completed' });

    const again = await clerk.call('POST', `/api/demo-cases/${caseNo}/complete`, { completedBy: 'clerk-1' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already completed/);
  }, 30_000);

  it('answers unknown routes and bad JSON with problem+json, not a stack trace', async () => {
    const missing = await fetch(`${stack.baseUrl}/api/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toMatch(/No API route GET \/nope/);
    const bad = await fetch(`${stack.baseUrl}/api/demo-cases/DEMO-000000000000/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"completedBy":',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toMatch(/not valid JSON/);
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('API when Temporal is down', () => {
  it('returns 503 naming Temporal', async () => {
    const database = await createSqliteTestDatabase();
    const deadAddress = `127.0.0.1:${await freePort()}`;
    const deps = buildApiDeps(
      loadConfig({ DATABASE_URL: database.url }),
      createLogger('silent'),
      deadAddress,
    );
    const server = createApp(deps).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'degraded', database: { up: true }, temporal: { up: false } });
    } finally {
      server.close();
      await deps.temporal.connection.close();
      await deps.db.$disconnect();
      await database.dispose();
    }
  }, 30_000);
});
