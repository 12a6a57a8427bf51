import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@onewindow/config';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { createApp, createLogger, demoPassword, seedDemoUsers, type ApiDeps } from '../src';
import { loadSecurityConfig } from '../src/security/security-config';
import { HttpSession } from './support/test-api';

/** The real app over a real SQLite file, logging at info into memory; Temporal is not running. */
describe('structured request logs', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let server: Server;
  let connection: Connection;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    await seedDemoUsers(database.db);
    connection = Connection.lazy({ address: '127.0.0.1:1' });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const deps: ApiDeps = {
      config: loadConfig({ DATABASE_URL: database.url }),
      security: loadSecurityConfig({}),
      db: database.db,
      logger: createLogger('info', sink),
      version: 'test',
      temporal: { client: new Client({ connection }), connection, address: '127.0.0.1:1', taskQueue: 'test' },
    };
    server = createApp(deps).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await connection.close().catch(() => undefined);
    await database.dispose();
  });

  it('every line is JSON carrying the request id the response names; an incoming sane X-Request-Id is kept', async () => {
    const s = new HttpSession(baseUrl);
    const responses = [
      await s.request('GET', '/api/health'),
      await s.request('GET', '/api/no-such-route'),
      await s.request('POST', '/api/auth/login', { rawBody: '{"username":' }),
      await s.login('clerk', 'wrong password'),
      await s.login('clerk', demoPassword),
      await s.request('GET', '/api/auth/me', { headers: { 'x-request-id': 'client-chosen-id-0001' } }),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    expect(ids[5]).toBe('client-chosen-id-0001');
    expect(new Set(ids).size).toBe(ids.length);
    expect(responses.map((r) => r.status)).toEqual([503, 404, 400, 401, 200, 200]);

    const entries = lines.map(
      (line) => JSON.parse(line) as { req?: { id?: string }; level: number; msg: string },
    );
    expect(entries.length).toBeGreaterThanOrEqual(ids.length);
    for (const entry of entries) expect(ids).toContain(entry.req?.id);
    // Each request has its completion line, at a level that follows the status (warn 40 for 4xx, error 50 for 5xx).
    const levelOf = (id: string | null) => entries.filter((e) => e.req?.id === id).map((e) => e.level);
    expect(levelOf(ids[0])).toContain(50);
    expect(levelOf(ids[1])).toContain(40);
    expect(levelOf(ids[4])).toContain(30);
  });
});
