import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@onewindow/config';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { createApp, createLogger, type ApiDeps } from '../../src';
import { loadSecurityConfig, type SecurityConfig } from '../../src/security/security-config';

export interface TestApi {
  baseUrl: string;
  deps: ApiDeps;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** The real Express app on an ephemeral loopback port over a fresh migrated SQLite file; Temporal is not running. */
export async function startTestApi(
  security: Partial<SecurityConfig> = {},
  database?: TestDatabase,
): Promise<TestApi> {
  const db = database ?? (await createSqliteTestDatabase());
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const deps: ApiDeps = {
    config,
    security: { ...loadSecurityConfig({}), ...security },
    db: db.db,
    // Silent; TEST_API_LOG_LEVEL=error shows what the API logs while a test looks into a failure.
    logger: createLogger(process.env.TEST_API_LOG_LEVEL ?? 'silent'),
    version: 'test',
    temporal: { client: new Client({ connection }), connection, address: '127.0.0.1:1', taskQueue: 'test' },
  };
  const server: Server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps,
    database: db,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await connection.close().catch(() => undefined);
      if (!database) await db.dispose();
    },
  };
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is (for malformed bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Send this session's CSRF token (true = the token from the last login/me). */
  csrf?: boolean | string;
}

/** A browser-like client: keeps cookies, remembers the CSRF token from login / me. */
export class HttpSession {
  readonly cookies = new Map<string, string>();
  csrfToken?: string;
  lastSetCookies: string[] = [];

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.csrf === true && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (typeof options.csrf === 'string') headers['x-csrf-token'] = options.csrf;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.split('=');
      const expired =
        attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value.join('=') === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
    return res;
  }

  async login(username: string, password: string): Promise<Response> {
    const res = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (res.ok) this.csrfToken = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    return res;
  }
}

export async function signedIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const session = new HttpSession(baseUrl);
  const res = await session.login(username, password);
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return session;
}

/** A response body for assertions (tests check its shape with expect). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json();
