import { bothTestDatabases } from '@onewindow/db';
import { demoPassword, seedDemoUsers } from '../src';
import { approversByDepartment } from '../src/cases/case-plan';
import { departmentUsers } from '../src/users/department-users';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

const firstPassword = 'Temp-pass-2026';
const ownPassword = 'My-own-pass-2027';

/** An approver for the fire brigade, as the admin form sends it. */
const newApprover = {
  username: 'approver.new',
  displayName: '消防 新审批员',
  departmentCode: 'SFS-XFJY',
  roles: ['dept_approver'],
  password: firstPassword,
};

describe.each(bothTestDatabases)('user administration (/api/admin/users) on %s', (_kind, createDatabase) => {
  let api: TestApi;
  let admin: HttpSession;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, await createDatabase());
    await seedDemoUsers(api.deps.db);
    admin = await signedIn(api.baseUrl, 'admin', demoPassword);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await api?.database.dispose();
  });

  const auditActions = async (target: string) =>
    (await api.deps.db.auditEntry.findMany({ where: { target }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );

  it('creates an approver who must change the first password before anything else, then works in the department', async () => {
    const created = await admin.request('POST', '/api/admin/users', { body: newApprover, csrf: true });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({
      username: 'approver.new',
      departmentCode: 'SFS-XFJY',
      departmentName: expect.any(String),
      roles: ['dept_approver'],
      disabled: false,
      mustChangePassword: true,
    });
    expect(await auditActions('user:approver.new')).toEqual(['admin.user_created']);
    const entry = await api.deps.db.auditEntry.findFirst({ where: { action: 'admin.user_created' } });
    expect(entry).toMatchObject({ actorUserId: 'demo-admin' });
    expect(entry?.payload).not.toContain(firstPassword);

    const user = new HttpSession(api.baseUrl);
    const login = await user.login('approver.new', firstPassword);
    expect(login.status).toBe(200);
    expect(await json(login)).toMatchObject({ mustChangePassword: true, user: { roles: ['dept_approver'] } });
    const refused = await user.request('GET', '/api/tasks?department=SFS-XFJY');
    expect(refused.status).toBe(403);
    expect((await json(refused)).detail).toMatch(/请先修改密码/);

    // Wrong current password, a weak new one: refused, nothing changes.
    const wrong = await user.request('POST', '/api/auth/password', {
      body: { currentPassword: 'nope', newPassword: ownPassword },
      csrf: true,
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).detail).toBe('当前密码不正确，请重新输入');
    const weak = await user.request('POST', '/api/auth/password', {
      body: { currentPassword: firstPassword, newPassword: 'short' },
      csrf: true,
    });
    expect(weak.status).toBe(400);
    expect((await json(weak)).detail).toMatch(/密码至少 10 个字符/);

    const changed = await user.request('POST', '/api/auth/password', {
      body: { currentPassword: firstPassword, newPassword: ownPassword },
      csrf: true,
    });
    expect(changed.status).toBe(200);
    expect((await json(changed)).mustChangePassword).toBeUndefined();
    expect((await user.request('GET', '/api/tasks?department=SFS-XFJY')).status).toBe(200);
    expect((await user.request('GET', '/api/tasks?department=SFS-SCJG')).status).toBe(403);
    expect((await new HttpSession(api.baseUrl).login('approver.new', ownPassword)).status).toBe(200);
  });

  it('refuses a duplicate username, an unknown role, a department that does not exist, and a department role without a department; nothing changes', async () => {
    const before = await api.deps.db.user.count();
    const cases: [unknown, number, RegExp][] = [
      [{ ...newApprover, username: 'clerk' }, 409, /用户名 clerk 已被使用/],
      [{ ...newApprover, username: 'x1', roles: ['superuser'] }, 400, /角色 "superuser" 不存在/],
      [{ ...newApprover, username: 'x2', departmentCode: 'NO-SUCH' }, 400, /部门 NO-SUCH 不存在/],
      [{ ...newApprover, username: 'x3', departmentCode: null }, 400, /请为该用户选择部门/],
      [{ ...newApprover, username: 'x4', password: 'onlyletters-here' }, 400, /须包含至少一个数字/],
      [{ ...newApprover, username: 'x5', roles: [] }, 400, /至少选择一个角色/],
      [{ ...newApprover, username: 'x6', isRoot: true }, 400, /不认识的字段 isRoot，请删除/],
    ];
    for (const [body, status, message] of cases) {
      const res = await admin.request('POST', '/api/admin/users', { body, csrf: true });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await json(res)).detail).toMatch(message);
    }
    expect(await api.deps.db.user.count()).toBe(before);
    const edit = await admin.request('PATCH', '/api/admin/users/approver.scjg', {
      body: { roles: ['dept_approver', 'root'] },
      csrf: true,
    });
    expect(edit.status).toBe(400);
    expect(await api.deps.db.userRole.findMany({ where: { userId: 'demo-approver.scjg' } })).toEqual([
      { userId: 'demo-approver.scjg', role: 'dept_approver', departmentCode: '' },
    ]);
  });

  it('edits roles and department (several roles at once), disables an account and ends its sessions', async () => {
    const lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    const edited = await admin.request('PATCH', '/api/admin/users/lead.scjg', {
      body: { roles: ['dept_lead', 'dept_approver'], displayName: '市场监管科长 周文（兼）' },
      csrf: true,
    });
    expect(edited.status).toBe(200);
    expect(await json(edited)).toMatchObject({
      roles: ['dept_approver', 'dept_lead'],
      displayName: '市场监管科长 周文（兼）',
    });
    // New roles take effect at the next sign-in: the old session ended.
    expect((await lead.request('GET', '/api/auth/me')).status).toBe(401);

    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const disabled = await admin.request('PATCH', '/api/admin/users/designer', {
      body: { disabled: true },
      csrf: true,
    });
    expect(disabled.status).toBe(200);
    expect((await json(disabled)).disabled).toBe(true);
    expect((await designer.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await new HttpSession(api.baseUrl).login('designer', demoPassword)).status).toBe(401);
    expect(await auditActions('user:designer')).toContain('admin.user_updated');
    const enabled = await admin.request('PATCH', '/api/admin/users/designer', {
      body: { disabled: false },
      csrf: true,
    });
    expect(enabled.status).toBe(200);
    expect((await new HttpSession(api.baseUrl).login('designer', demoPassword)).status).toBe(200);

    const empty = await admin.request('PATCH', '/api/admin/users/designer', { body: {}, csrf: true });
    expect(empty.status).toBe(400);
    expect(
      (await admin.request('PATCH', '/api/admin/users/ghost', { body: { disabled: true }, csrf: true }))
        .status,
    ).toBe(404);
  });

  it('grants an approver a role in a second department: shown, audited, carried by the session, and only there', async () => {
    const refusals: [unknown, RegExp][] = [
      [{ otherGrants: [{ role: 'dept_approver', departmentCode: 'NO-SUCH' }] }, /部门 NO-SUCH 不存在/],
      [{ otherGrants: [{ role: 'superuser', departmentCode: 'SFS-WJW' }] }, /角色 "superuser" 不存在/],
      [{ otherGrants: [{ role: 'supervisor', departmentCode: 'SFS-WJW' }] }, /对所有部门有效，不能限定部门/],
      [
        {
          otherGrants: [
            { role: 'dept_approver', departmentCode: 'SFS-WJW' },
            { role: 'dept_approver', departmentCode: 'SFS-WJW' },
          ],
        },
        /其他部门的角色重复/,
      ],
      [{ otherGrants: [{ role: 'dept_lead', departmentCode: 'SFS-XFJY' }] }, /是该用户的所属部门/],
      [{ otherGrants: [{ role: 'dept_approver', departmentCode: '' }] }, /请为其他部门的角色选择部门/],
    ];
    for (const [body, message] of refusals) {
      const res = await admin.request('PATCH', '/api/admin/users/approver.xfjy', { body, csrf: true });
      expect(res.status).toBe(400);
      expect((await json(res)).detail).toMatch(message);
    }
    expect(await api.deps.db.userRole.findMany({ where: { userId: 'demo-approver.xfjy' } })).toEqual([
      { userId: 'demo-approver.xfjy', role: 'dept_approver', departmentCode: '' },
    ]);

    const approver = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
    const granted = await admin.request('PATCH', '/api/admin/users/approver.xfjy', {
      body: { otherGrants: [{ role: 'dept_approver', departmentCode: 'SFS-WJW' }] },
      csrf: true,
    });
    expect(granted.status).toBe(200);
    expect(await json(granted)).toMatchObject({
      departmentCode: 'SFS-XFJY',
      roles: ['dept_approver'],
      otherGrants: [{ role: 'dept_approver', departmentCode: 'SFS-WJW', departmentName: expect.any(String) }],
    });
    // The change ends the user's sessions: they sign in again with what they hold now.
    expect((await approver.request('GET', '/api/auth/me')).status).toBe(401);
    const entry = await api.deps.db.auditEntry.findFirst({
      where: { action: 'admin.user_updated', target: 'user:approver.xfjy' },
      orderBy: { seq: 'desc' },
    });
    expect(JSON.parse(entry!.payload!)).toMatchObject({
      otherGrants: [[], [{ role: 'dept_approver', departmentCode: 'SFS-WJW' }]],
    });

    const again = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
    const me = await json(await again.request('GET', '/api/auth/me'));
    expect(me.user).toMatchObject({
      departmentCode: 'SFS-XFJY',
      roles: ['dept_approver'],
      grants: expect.arrayContaining([
        { role: 'dept_approver', departmentCode: 'SFS-XFJY' },
        { role: 'dept_approver', departmentCode: 'SFS-WJW' },
      ]),
    });
    // The default plan puts the approver on 卫健's steps too (and still on 消防's).
    const approvers = await approversByDepartment(api.deps.db, ['SFS-WJW', 'SFS-XFJY', 'SFS-SCJG']);
    expect(approvers.get('SFS-WJW')).toContain('demo-approver.xfjy');
    expect(approvers.get('SFS-XFJY')).toContain('demo-approver.xfjy');
    expect(approvers.get('SFS-SCJG')).not.toContain('demo-approver.xfjy');
    // The department's people pickers (转办, 指派, 加签) offer the granted user there, with the role held there.
    expect(await departmentUsers(api.deps.db, 'SFS-WJW')).toContainEqual(
      expect.objectContaining({ id: 'demo-approver.xfjy', roles: ['dept_approver'] }),
    );
    expect((await again.request('GET', '/api/tasks?department=SFS-XFJY')).status).toBe(200);
    expect((await again.request('GET', '/api/tasks?department=SFS-WJW')).status).toBe(200);
    const third = await again.request('GET', '/api/tasks?department=SFS-SCJG');
    expect(third.status).toBe(403);
    expect((await json(third)).detail).toMatch(/SFS-WJW, SFS-XFJY|SFS-XFJY, SFS-WJW/);

    const removed = await admin.request('PATCH', '/api/admin/users/approver.xfjy', {
      body: { otherGrants: [] },
      csrf: true,
    });
    expect((await json(removed)).otherGrants).toEqual([]);
    const after = await signedIn(api.baseUrl, 'approver.xfjy', demoPassword);
    expect((await after.request('GET', '/api/tasks?department=SFS-WJW')).status).toBe(403);
    expect((await approversByDepartment(api.deps.db, ['SFS-WJW'])).get('SFS-WJW')).not.toContain(
      'demo-approver.xfjy',
    );
    expect((await departmentUsers(api.deps.db, 'SFS-WJW')).map((u) => u.id)).not.toContain(
      'demo-approver.xfjy',
    );
  });

  it('never disables or demotes the last active administrator', async () => {
    const demote = await admin.request('PATCH', '/api/admin/users/admin', {
      body: { roles: ['supervisor'] },
      csrf: true,
    });
    expect(demote.status).toBe(409);
    expect((await json(demote)).detail).toMatch(/最后一个启用的系统管理员/);
    const disable = await admin.request('PATCH', '/api/admin/users/admin', {
      body: { disabled: true },
      csrf: true,
    });
    expect(disable.status).toBe(409);
    expect(
      await api.deps.db.user.findUnique({ where: { username: 'admin' }, include: { roles: true } }),
    ).toMatchObject({
      disabled: false,
      roles: [{ role: 'admin' }],
    });

    // With a second administrator, the first may step down; then the second is the last one.
    const second = { ...newApprover, username: 'admin.two', departmentCode: null, roles: ['admin'] };
    expect((await admin.request('POST', '/api/admin/users', { body: second, csrf: true })).status).toBe(201);
    const stepDown = await admin.request('PATCH', '/api/admin/users/admin', {
      body: { roles: ['admin', 'supervisor'] },
      csrf: true,
    });
    expect(stepDown.status).toBe(200);
    const adminAgain = await signedIn(api.baseUrl, 'admin', demoPassword);
    expect(
      (
        await adminAgain.request('PATCH', '/api/admin/users/admin.two', {
          body: { disabled: true },
          csrf: true,
        })
      ).status,
    ).toBe(200);
    expect(
      (await adminAgain.request('PATCH', '/api/admin/users/admin', { body: { disabled: true }, csrf: true }))
        .status,
    ).toBe(409);
    admin = adminAgain;
  });

  it('resets a password (must change at next sign-in, sessions end), unlocks, revokes sessions and maps an OIDC subject', async () => {
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    const reset = await admin.request('POST', '/api/admin/users/clerk/password', {
      body: { password: firstPassword },
      csrf: true,
    });
    expect(reset.status).toBe(200);
    expect((await json(reset)).mustChangePassword).toBe(true);
    expect((await clerk.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await new HttpSession(api.baseUrl).login('clerk', demoPassword)).status).toBe(401);
    const again = new HttpSession(api.baseUrl);
    expect(await json(await again.login('clerk', firstPassword))).toMatchObject({ mustChangePassword: true });

    for (let i = 0; i < 5; i++) await new HttpSession(api.baseUrl).login('approver.wsjk', 'wrong');
    const users = await json(await admin.request('GET', '/api/admin/users'));
    expect(users.users.find((u: { username: string }) => u.username === 'approver.wsjk').lockedUntil).toEqual(
      expect.any(String),
    );
    const unlocked = await admin.request('POST', '/api/admin/users/approver.wsjk/unlock', { csrf: true });
    expect(unlocked.status).toBe(200);
    expect((await json(unlocked)).lockedUntil).toBeNull();
    expect((await new HttpSession(api.baseUrl).login('approver.wsjk', demoPassword)).status).toBe(200);

    const revoked = await admin.request('POST', '/api/admin/users/approver.wsjk/revoke-sessions', {
      csrf: true,
    });
    expect((await json(revoked)).revokedSessions).toBeGreaterThanOrEqual(1);

    const mapped = await admin.request('PUT', '/api/admin/users/supervisor/oidc-subject', {
      body: { oidcSubject: 'idp|42' },
      csrf: true,
    });
    expect((await json(mapped)).oidcSubject).toBe('idp|42');
    const clash = await admin.request('PUT', '/api/admin/users/clerk/oidc-subject', {
      body: { oidcSubject: 'idp|42' },
      csrf: true,
    });
    expect(clash.status).toBe(409);
    expect((await json(clash)).detail).toMatch(/已映射给用户 supervisor/);
    expect(await auditActions('user:clerk')).toContain('admin.password_reset');
    expect((await auditActions('user:approver.wsjk')).filter((a) => a.startsWith('admin.'))).toEqual([
      'admin.user_unlocked',
      'admin.sessions_revoked',
    ]);
    expect(await auditActions('user:supervisor')).toEqual(['admin.oidc_subject_mapped']);
  });

  it('answers 403 to everyone but administrators on every route', async () => {
    const supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    const routes = [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users'],
      ['PATCH', '/api/admin/users/clerk'],
      ['POST', '/api/admin/users/clerk/password'],
      ['POST', '/api/admin/users/clerk/unlock'],
      ['POST', '/api/admin/users/clerk/revoke-sessions'],
      ['PUT', '/api/admin/users/clerk/oidc-subject'],
      ['GET', '/api/admin/departments'],
      ['POST', '/api/admin/departments'],
      ['PATCH', '/api/admin/departments/SFS-XFJY'],
      ['GET', '/api/admin/audit/export.csv'],
    ] as const;
    for (const [method, path] of routes) {
      const res = await supervisor.request(method, path, method === 'GET' ? {} : { body: {}, csrf: true });
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
    expect((await new HttpSession(api.baseUrl).request('GET', '/api/admin/users')).status).toBe(401);
  });
});
