import type { AddressInfo } from 'node:net';
import express from 'express';
import cookieParser from 'cookie-parser';
import { accessActions, isDepartmentScopedRole, type AccessAction, type Role } from '@onewindow/contracts';
import { demoPassword, demoUsers, seedDemoUsers } from '../src';
import { authorize } from '../src/auth/authorize.middleware';
import { sessionMiddleware } from '../src/auth/session.middleware';
import { expectedAccess } from './support/expected-access';
import type { AuthUser } from '../src/auth/auth-context';
import { auditTrail } from '../src/audit/audit-trail.middleware';
import { problemHandler } from '../src/http/problem';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

/**
 * The same matrix as access-policy.spec.ts, through real HTTP: one probe route per action behind
 * authorize(), whose resource is the department named in the URL; sessions come from the real login.
 */
let api: TestApi;
let probeUrl: string;
let closeProbe: () => Promise<void>;
const sessions = new Map<Role, { session: HttpSession; user: AuthUser }>();

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
  const probe = express();
  probe.use(cookieParser());
  probe.use(sessionMiddleware(api.deps.db));
  probe.use(auditTrail(api.deps.db, api.deps.logger));
  for (const action of accessActions) {
    probe.get(
      `/probe/${action}/:dept`,
      authorize(action, (req) => ({ departmentCodes: [String(req.params.dept)] })),
      (req, res) => {
        res.json({ allowed: action, scope: req.access?.scope });
      },
    );
  }
  probe.use(problemHandler);
  const server = probe.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  probeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeProbe = () => new Promise<void>((resolve) => server.close(() => resolve()));
  // One signed-in user per role (the first demo user holding it).
  for (const demo of demoUsers) {
    const role = demo.roles[0];
    if (sessions.has(role)) continue;
    const session = await signedIn(api.baseUrl, demo.username, demoPassword);
    sessions.set(role, {
      session,
      user: {
        id: `demo-${demo.username}`,
        username: demo.username,
        displayName: demo.displayName,
        departmentCode: demo.departmentCode,
        roles: demo.roles,
        grants: demo.roles.map((r) => ({
          role: r,
          departmentCode: isDepartmentScopedRole(r) ? demo.departmentCode : null,
        })),
      },
    });
  }
}, 60_000);
afterAll(async () => {
  await closeProbe?.();
  await api?.stop();
});

const roleList: Role[] = [
  'window_clerk',
  'dept_approver',
  'dept_lead',
  'supervisor',
  'process_designer',
  'admin',
];
const cases = roleList.flatMap((role) =>
  accessActions.flatMap((action) => [[role, action, 'own'] as const, [role, action, 'other'] as const]),
);

async function probe(session: HttpSession | undefined, action: AccessAction, dept: string) {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = `ow_session=${session.cookies.get('ow_session')}`;
  return fetch(`${probeUrl}/probe/${action}/${dept}`, { headers });
}

describe('authorize() over HTTP: role × action × own/other department', () => {
  it.each(cases)('%s %s on %s department', async (role, action, which) => {
    const { session, user } = sessions.get(role)!;
    const dept = which === 'own' ? user.departmentCode! : 'OTHER';
    const expected = expectedAccess[action][role][which === 'own' ? 0 : 1];
    const res = await probe(session, action, dept);
    if (expected) {
      expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(403);
      const body = await json(res);
      expect(body).toMatchObject({ type: 'urn:onewindow:problem:forbidden', title: 'Forbidden' });
      expect(body.detail).toMatch(new RegExp(action.replace('.', '\\.')));
    }
  });

  it('answers 401 without a session, except for the public lookup', async () => {
    for (const action of accessActions) {
      const res = await probe(undefined, action, 'SFS-SCJG');
      expect(res.status).toBe(action === 'public.lookup' ? 200 : 401);
    }
  });

  it('records refusals in the audit log with who and why', async () => {
    const approver = sessions.get('dept_approver')!;
    await probe(approver.session, 'case.decide', 'SFS-WJW');
    const entry = await api.deps.db.auditEntry.findFirstOrThrow({
      where: { action: 'access.denied', target: '/probe/case.decide/SFS-WJW' },
      orderBy: { seq: 'desc' },
    });
    expect(entry.actorUserId).toBe(approver.user.id);
    expect(JSON.parse(entry.payload!)).toMatchObject({
      action: 'case.decide',
      reason: expect.stringMatching(/own department \(SFS-SCJG\)/),
    });
  });

  it('records who opened which case file (reads of personal data)', async () => {
    const approver = sessions.get('dept_approver')!;
    expect((await probe(approver.session, 'case.read', 'SFS-SCJG')).status).toBe(200);
    const entry = await api.deps.db.auditEntry.findFirstOrThrow({
      where: { action: 'access.granted' },
      orderBy: { seq: 'desc' },
    });
    expect(entry).toMatchObject({ actorUserId: approver.user.id, target: '/probe/case.read/SFS-SCJG' });
    const before = await api.deps.db.auditEntry.count();
    expect((await probe(approver.session, 'task.list', 'SFS-SCJG')).status).toBe(200);
    expect(await api.deps.db.auditEntry.count()).toBe(before);
  });
});
