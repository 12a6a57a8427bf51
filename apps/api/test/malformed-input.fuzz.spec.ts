import fc from 'fast-check';
import {
  auditQuerySchema,
  completeDemoCaseRequestSchema,
  loginRequestSchema,
  oidcSubjectMappingSchema,
  publicLookupRequestSchema,
} from '@onewindow/contracts';
import type { z } from 'zod';
import { demoPassword, demoUsers, seedDemoUsers } from '../src';
import { HttpSession, signedIn, startTestApi, type RequestOptions, type TestApi } from './support/test-api';

/**
 * Throws malformed input at every public and auth route: the answer is always a 4xx problem with a
 * clear message — never a 5xx, never a stack trace — and the database does not change.
 */
let api: TestApi;
let admin: HttpSession;
let clerk: HttpSession;

beforeAll(async () => {
  api = await startTestApi({
    LOGIN_RATE_LIMIT: 1_000_000,
    PUBLIC_RATE_LIMIT: 1_000_000,
    LOOKUP_FAILURE_LIMIT: 1_000_000,
    BODY_LIMIT_BYTES: 16 * 1024,
  });
  await seedDemoUsers(api.deps.db);
  admin = await signedIn(api.baseUrl, 'admin', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
  await api.deps.db.applicant.create({
    data: { id: 'A1', kind: 'person', idNumber: '11010519491231002X', name: '张三' },
  });
  await api.deps.db.case.create({
    data: { caseNo: 'YC20261201000301', applicantId: 'A1', kind: 'item', status: 'in_review' },
  });
}, 60_000);
afterAll(() => api?.stop());

/** Everything a request could change, in one comparable value. */
async function fingerprint() {
  const db = api.deps.db;
  const [
    users,
    sessions,
    audit,
    roles,
    departments,
    items,
    catalogues,
    calendarYears,
    cases,
    tasks,
    caseFiles,
  ] = await Promise.all([
    db.user.findMany({
      orderBy: { id: 'asc' },
      select: {
        id: true,
        failedLogins: true,
        lockedUntil: true,
        oidcSubject: true,
        disabled: true,
        passwordHash: true,
      },
    }),
    db.session.findMany({ orderBy: { id: 'asc' }, select: { id: true, revokedAt: true } }),
    db.auditEntry.count(),
    db.userRole.count(),
    db.department.count(),
    db.item.count(),
    db.catalogueVersion.count(),
    db.calendarYear.count(),
    db.case.count(),
    db.task.count(),
    db.caseFile.count(),
  ]);
  return JSON.stringify({
    users,
    sessions,
    audit,
    roles,
    departments,
    items,
    catalogues,
    calendarYears,
    cases,
    tasks,
    caseFiles,
  });
}

const json = fc.jsonValue({ maxDepth: 3 });
const notJson = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"username":', '[1,2', 'null x', '{"a":1}}', '\u0000', 'undefined'),
);
const tooLong = fc.string({ minLength: 300, maxLength: 400 });
const wrongScalar = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant(''),
  tooLong,
);

/** Bodies that look almost right: the real fields with wrong values, or an extra field. */
const nearLogin = fc.oneof(
  fc.record({ username: wrongScalar, password: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({
    username: fc.constantFrom('clerk', 'admin'),
    password: fc.oneof(wrongScalar, fc.constant('')),
  }),
  fc.record({
    username: fc.constantFrom('clerk', 'admin'),
    password: fc.constant('x'),
    role: fc.constantFrom('admin', 1),
  }),
  fc.record({
    username: fc.string({ maxLength: 64 }).filter((s) => !/^[\w.@-]+$/.test(s.trim())),
    password: fc.constant('x'),
  }),
);
const nearSubject = fc.oneof(
  fc.record({ oidcSubject: wrongScalar }),
  fc.record({ oidcSubject: fc.constant('sub'), extra: fc.jsonValue() }),
  fc.record({ subject: fc.string() }),
);
const nearCompletion = fc.oneof(
  fc.record({ completedBy: wrongScalar }),
  fc.record({ completedBy: fc.constant('x'), status: fc.string() }),
);
const nearLookup = fc.oneof(
  fc.record({ code: wrongScalar }),
  fc.record({ code: fc.constant('002X'), idNumber: fc.string() }),
  fc.record({ caseNo: fc.string() }),
);
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
);

function malformedFor(schema: z.ZodType, near: fc.Arbitrary<unknown>): fc.Arbitrary<RequestOptions> {
  const asJson = fc.oneof(json, near).filter((body) => !schema.safeParse(body).success);
  return fc.oneof(
    asJson.map((body) => ({ body })),
    fc
      .tuple(notJson, contentTypes)
      .filter(([text]) => !isValidJson(text, schema))
      .map(([rawBody, type]) => ({ rawBody, headers: { 'content-type': type } })),
    fc.constant({ rawBody: JSON.stringify({ username: 'x'.repeat(20_000), password: 'x' }) }),
  );
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isValidJson(text: string, schema: z.ZodType): boolean {
  try {
    return schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

async function expectClientProblem(res: Response): Promise<void> {
  const text = await res.text();
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const body = JSON.parse(text) as { detail: string; title: string };
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(10);
  expect(text).not.toMatch(/\.ts:\d+|node_modules|\n\s+at /);
}

type Route = {
  name: string;
  method: string;
  path: string;
  session: () => HttpSession | undefined;
  csrf: boolean;
  input: fc.Arbitrary<RequestOptions>;
};
const routes: Route[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    path: '/api/auth/login',
    session: () => undefined,
    csrf: false,
    input: malformedFor(loginRequestSchema, nearLogin),
  },
  {
    name: 'POST /api/auth/login (signed in)',
    method: 'POST',
    path: '/api/auth/login',
    session: () => admin,
    csrf: true,
    input: malformedFor(loginRequestSchema, nearLogin),
  },
  {
    name: 'POST /api/auth/logout (anonymous)',
    method: 'POST',
    path: '/api/auth/logout',
    session: () => undefined,
    csrf: false,
    input: malformedFor(loginRequestSchema, nearLogin),
  },
  {
    name: 'POST /api/auth/logout-all (no CSRF token)',
    method: 'POST',
    path: '/api/auth/logout-all',
    session: () => admin,
    csrf: false,
    input: malformedFor(loginRequestSchema, nearLogin),
  },
  {
    name: 'PUT /api/auth/users/:username/oidc-subject',
    method: 'PUT',
    path: '/api/auth/users/clerk/oidc-subject',
    session: () => admin,
    csrf: true,
    input: malformedFor(oidcSubjectMappingSchema, nearSubject),
  },
  // A real case (seeded below): the right code would answer, every malformed body must not.
  {
    name: 'POST /api/public/cases/:caseNo/status',
    method: 'POST',
    path: '/api/public/cases/YC20261201000301/status',
    session: () => undefined,
    csrf: false,
    input: malformedFor(publicLookupRequestSchema, nearLookup),
  },
  {
    name: 'POST /api/demo-cases/:caseNo/complete',
    method: 'POST',
    path: '/api/demo-cases/DEMO-0123456789AB/complete',
    // A window clerk (case.accept), so the body is checked rather than refused for want of a session.
    session: () => clerk,
    csrf: true,
    input: malformedFor(completeDemoCaseRequestSchema, nearCompletion),
  },
];

describe('malformed input never breaks anything', () => {
  it.each(routes.map((route) => [route.name, route] as const))(
    '%s',
    async (_name, route) => {
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(route.input, async (options) => {
          const session = route.session() ?? new HttpSession(api.baseUrl);
          const res = await session.request(route.method, route.path, { ...options, csrf: route.csrf });
          await expectClientProblem(res);
          expect(await fingerprint()).toBe(before);
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );

  it('malformed query strings and path segments (and paths naming no user)', async () => {
    const before = await fingerprint();
    const query = fc.oneof(
      fc.record({
        afterSeq: fc.oneof(fc.string(), fc.integer({ max: -1 })),
        limit: fc.oneof(fc.string(), fc.integer({ min: 501 }), fc.integer({ max: 0 })),
      }),
      fc.record({ limit: fc.constant('5'), unexpected: fc.string() }),
    );
    await fc.assert(
      fc.asyncProperty(
        query.filter(
          (params) =>
            !auditQuerySchema.safeParse(
              Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
            ).success,
        ),
        async (params) => {
          const qs = new URLSearchParams(
            Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
          ).toString();
          const res = await admin.request('GET', `/api/audit?${qs}`);
          await expectClientProblem(res);
        },
      ),
      { numRuns: 60 },
    );
    const segment = fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom('%', '%E0%A4%A', '%zz', '..%2F..', '%00'),
    );
    await fc.assert(
      fc.asyncProperty(
        segment.filter((s) => !demoUsers.some((u) => u.username === decodeSafely(s))),
        async (username) => {
          const res = await admin.request('PUT', `/api/auth/users/${username}/oidc-subject`, {
            body: { oidcSubject: 'gov-sub' },
            csrf: true,
          });
          await expectClientProblem(res);
        },
      ),
      { numRuns: 60 },
    );
    for (const path of [
      '/api/auth/users/%E0%A4%A/oidc-subject',
      '/api/demo-cases/%/complete',
      '/api/auth/oidc/callback?code=x&state=y',
      '/api/auth/oidc/start',
    ]) {
      const res = path.includes('oidc/')
        ? await admin.request('GET', path)
        : await admin.request('PUT', path, { body: { oidcSubject: 'x' }, csrf: true });
      await expectClientProblem(res);
    }
    expect(await fingerprint()).toBe(before);
  }, 120_000);

  it('every route of the OpenAPI document, anonymously, with junk queries, path segments and bodies', async () => {
    const doc = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    // Health reports 503 by design while Temporal is down (it is not running here).
    const skip = new Set(['GET /api/health', 'GET /']);
    const operations = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p })))
      .filter((op) => !skip.has(`${op.method} ${op.path}`));
    expect(operations.length).toBeGreaterThan(20);
    const before = await fingerprint();
    const junkSegment = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
      fc.constantFrom('%', '%E0%A4%A', '..%2F', '0', '-1', '99999999999999999999'),
    );
    const junkQuery = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('%', '-1', '1e309', 'null', '[]')),
      { maxKeys: 4 },
    );
    const junkBody = fc.oneof(
      json.map((body) => ({ body })),
      notJson.map((rawBody) => ({ rawBody })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        junkSegment,
        junkQuery,
        junkBody,
        async (op, segment, query, body) => {
          const qs = Object.entries(query)
            .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
            .join('&');
          const target = `${op.path.replace(/\{[^}]+\}/g, segment)}${qs ? `?${qs}` : ''}`;
          const res = await new HttpSession(api.baseUrl).request(
            op.method,
            target,
            op.method === 'GET' ? {} : body,
          );
          if (res.status >= 400) await expectClientProblem(res);
          else expect(res.status).toBeLessThan(400);
        },
      ),
      { numRuns: 300 },
    );
    expect(await fingerprint()).toBe(before);
  }, 180_000);
});
