import Database from 'better-sqlite3';
import { sqliteFilePath } from '@onewindow/db';
import { demoPassword, seedDemoUsers } from '../src';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

let api: TestApi;
let admin: HttpSession;
beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  await seedDemoUsers(api.deps.db);
  admin = await signedIn(api.baseUrl, 'admin', demoPassword);
}, 60_000);
afterAll(() => api?.stop());

describe('departments (/api/admin/departments)', () => {
  it('creates a department with a code per the catalogue standard and renames it; the code stays', async () => {
    const created = await admin.request('POST', '/api/admin/departments', {
      body: { code: 'SFS-NEWDEPT', name: '示范市商务局', region: '110105' },
      csrf: true,
    });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({
      code: 'SFS-NEWDEPT',
      name: '示范市商务局',
      region: '110105',
      parentCode: null,
      users: 0,
    });
    const renamed = await admin.request('PATCH', '/api/admin/departments/SFS-NEWDEPT', {
      body: { name: '示范市商务和投资促进局' },
      csrf: true,
    });
    expect(renamed.status).toBe(200);
    expect((await json(renamed)).name).toBe('示范市商务和投资促进局');
    const list = await json(await admin.request('GET', '/api/admin/departments'));
    expect(list.departments.find((d: { code: string }) => d.code === 'SFS-NEWDEPT')).toMatchObject({
      name: '示范市商务和投资促进局',
    });
    expect(
      list.departments.find((d: { code: string }) => d.code === 'SFS-SCJG').users,
    ).toBeGreaterThanOrEqual(2);
    const entries = await api.deps.db.auditEntry.findMany({ where: { target: 'department:SFS-NEWDEPT' } });
    expect(entries.map((e) => e.action)).toEqual(['admin.department_created', 'admin.department_renamed']);
    expect(JSON.parse(entries[1].payload ?? '{}')).toEqual({
      name: ['示范市商务局', '示范市商务和投资促进局'],
    });
  });

  it('refuses a malformed code or region, a duplicate code, an unknown parent and an unknown department; nothing changes', async () => {
    const before = await api.deps.db.department.count();
    const cases: [unknown, number, RegExp][] = [
      [{ code: '-bad code', name: '坏编码', region: '110105' }, 400, /部门编码：1–50 个字母/],
      [{ code: 'SFS-X1', name: '坏区划', region: '99' }, 400, /行政区划代码应为 6 位数字/],
      [{ code: 'SFS-X2', name: '', region: '110105' }, 400, /部门名称必填/],
      [{ code: 'SFS-SCJG', name: '重复', region: '110105' }, 409, /部门编码 SFS-SCJG 已存在/],
      [{ code: 'SFS-X3', name: '无上级', region: '110105', parentCode: 'NOPE' }, 400, /上级部门 NOPE 不存在/],
    ];
    for (const [body, status, message] of cases) {
      const res = await admin.request('POST', '/api/admin/departments', { body, csrf: true });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await json(res)).detail).toMatch(message);
    }
    expect(await api.deps.db.department.count()).toBe(before);
    const missing = await admin.request('PATCH', '/api/admin/departments/NOPE', {
      body: { name: '无' },
      csrf: true,
    });
    expect(missing.status).toBe(404);
    expect((await json(missing)).detail).toMatch(/部门 NOPE 不存在/);
  });
});

describe('the audit log (/api/admin/audit)', () => {
  beforeAll(async () => {
    const created = await admin.request('POST', '/api/admin/users', {
      body: {
        username: 'audited.user',
        displayName: '审计 测试',
        departmentCode: 'SFS-SCJG',
        roles: ['dept_approver'],
        password: 'Temp-pass-2026',
      },
      csrf: true,
    });
    expect(created.status).toBe(201);
  });

  it('filters by user, action, case and time, newest first, paged, naming who did it from where', async () => {
    const byUser = await json(await admin.request('GET', '/api/admin/audit?username=audited.user'));
    expect(byUser.entries.map((e: { action: string }) => e.action)).toEqual(['admin.user_created']);
    expect(byUser.entries[0]).toMatchObject({
      actorUserId: 'demo-admin',
      actorUsername: 'admin',
      actorDisplayName: '系统管理员',
      target: 'user:audited.user',
      ip: expect.any(String),
    });
    expect(JSON.parse(byUser.entries[0].payload)).toMatchObject({ roles: ['dept_approver'] });

    const byAdmin = await json(
      await admin.request('GET', '/api/admin/audit?username=admin&action=admin.&pageSize=1&page=1'),
    );
    expect(byAdmin.entries).toHaveLength(1);
    expect(byAdmin.total).toBe(3); // the department created and renamed above, this user
    const page2 = await json(
      await admin.request('GET', '/api/admin/audit?username=admin&action=admin.&pageSize=1&page=2'),
    );
    expect(page2.entries[0].seq).toBeLessThan(byAdmin.entries[0].seq);

    const { recordAudit } = await import('@onewindow/audit');
    await recordAudit(api.deps.db, {
      action: 'case.accepted',
      target: 'case:2026-SFS-000777',
      at: new Date('2026-03-02T08:00:00Z'),
    });
    const byCase = await json(await admin.request('GET', '/api/admin/audit?caseNo=000777'));
    expect(byCase.entries.map((e: { target: string }) => e.target)).toEqual(['case:2026-SFS-000777']);
    const inMarch = await json(
      await admin.request('GET', '/api/admin/audit?from=2026-03-01T00:00:00Z&to=2026-03-31T23:59:59Z'),
    );
    expect(inMarch.entries.map((e: { action: string }) => e.action)).toEqual(['case.accepted']);

    const bad = await admin.request('GET', '/api/admin/audit?from=2026-04-01&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect((await json(bad)).detail).toMatch(/开始时间不能晚于结束时间/);
    const page0 = await admin.request('GET', '/api/admin/audit?page=0');
    expect((await json(page0)).detail).toMatch(/页码从 1 开始/);
  });

  it('exports the filtered log as CSV for an inspector (formula cells defused), and records the export', async () => {
    const res = await admin.request('GET', '/api/admin/audit/export.csv?username=audited.user');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark spreadsheets look for
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^"序号","时间\(UTC\)"/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"admin.user_created","user:audited.user"');
    expect(await api.deps.db.auditEntry.findFirst({ where: { action: 'audit.exported' } })).toMatchObject({
      actorUserId: 'demo-admin',
    });
    const { recordAudit } = await import('@onewindow/audit');
    await recordAudit(api.deps.db, { action: '=HYPERLINK("x")', target: 'formula:test' });
    const formula = await (await admin.request('GET', '/api/admin/audit/export.csv?action=HYPERLINK')).text();
    expect(formula).toContain(`"'=HYPERLINK(""x"")"`);
    const supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    expect((await supervisor.request('GET', '/api/admin/audit/export.csv')).status).toBe(403);
  });

  it("shows an applicant's e-mail address masked, in the list and the CSV, and the chain still verifies", async () => {
    const { recordAudit } = await import('@onewindow/audit');
    await recordAudit(api.deps.db, {
      action: 'case.accepted',
      actorUserId: 'demo-clerk',
      target: 'case:2026-SFS-000888',
      payload: {
        applicant: { email: 'zhangsan@example.com', phone: '13812345678' },
        note: '联系 lisi@qq.com',
      },
    });
    const listed = await json(await admin.request('GET', '/api/admin/audit?caseNo=000888'));
    expect(JSON.parse(listed.entries[0].payload)).toEqual({
      applicant: { email: 'z***@example.com', phone: '138****5678' },
      note: '联系 l***@qq.com',
    });
    const csv = await (await admin.request('GET', '/api/admin/audit/export.csv?caseNo=000888')).text();
    expect(csv).toContain('z***@example.com');
    expect(csv).not.toMatch(/zhangsan@|lisi@/);
    expect(await json(await admin.request('GET', '/api/admin/audit/verification'))).toMatchObject({
      ok: true,
    });
  });

  it('verifies the chain and names the first tampered entry', async () => {
    const ok = await json(await admin.request('GET', '/api/admin/audit/verification'));
    expect(ok).toMatchObject({ ok: true, entries: expect.any(Number), headHash: expect.any(String) });
    const target = await api.deps.db.auditEntry.findFirst({ where: { target: 'user:audited.user' } });
    // Tamper with the file directly, past the triggers that refuse UPDATE.
    const raw = new Database(sqliteFilePath(api.database.url));
    raw.exec('DROP TRIGGER IF EXISTS "AuditEntry_no_update"');
    const triggers = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntry'`)
      .all() as { name: string }[];
    for (const { name } of triggers) raw.exec(`DROP TRIGGER "${name}"`);
    raw
      .prepare('UPDATE "AuditEntry" SET "payload" = ? WHERE "seq" = ?')
      .run('{"roles":["admin"]}', target!.seq);
    raw.close();
    const broken = await json(await admin.request('GET', '/api/admin/audit/verification'));
    expect(broken).toMatchObject({
      ok: false,
      brokenAtSeq: target!.seq,
      brokenEntry: { seq: target!.seq, action: 'admin.user_created', payload: '{"roles":["admin"]}' },
    });
    const lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    expect((await lead.request('GET', '/api/admin/audit/verification')).status).toBe(403);
    expect((await lead.request('GET', '/api/admin/audit')).status).toBe(403);
  });
});
