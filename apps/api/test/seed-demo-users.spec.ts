import { roles } from '@onewindow/contracts';
import { createSqliteTestDatabase, type TestDatabase } from '@onewindow/db';
import { demoDepartments, demoPassword, demoUsers, seedDemoUsers } from '../src';
import { loginWithPassword } from '../src/auth/password-login.service';

describe('seedDemoUsers', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createSqliteTestDatabase();
  });
  afterEach(() => t?.dispose());

  it('creates the departments and a user for every role, each able to sign in with the demo password', async () => {
    expect((await seedDemoUsers(t.db)).created).toEqual(demoUsers.map((u) => u.username));
    expect(await t.db.department.count()).toBe(demoDepartments.length);
    const seededRoles = new Set((await t.db.userRole.findMany()).map((r) => r.role));
    expect([...seededRoles].sort()).toEqual([...roles].sort());
    const settings = { maxFailures: 5, lockMinutes: 15 };
    for (const user of demoUsers) {
      const result = await loginWithPassword(t.db, user.username, demoPassword, settings);
      expect(result).toMatchObject({
        ok: true,
        user: { username: user.username, departmentCode: user.departmentCode, roles: user.roles },
      });
    }
    const hashes = (await t.db.user.findMany()).map((u) => u.passwordHash);
    expect(new Set(hashes).size).toBe(hashes.length); // salted per user
  }, 30_000);

  it('is idempotent: a second run creates nothing, keeps passwords and departments, and restores demo roles', async () => {
    await t.db.department.create({ data: { code: 'SFS-SCJG', name: '已有的市场监管局', region: '370800' } });
    await seedDemoUsers(t.db);
    const before = await t.db.user.findUniqueOrThrow({ where: { username: 'clerk' } });
    await t.db.userRole.create({ data: { userId: before.id, role: 'admin' } });
    expect((await seedDemoUsers(t.db)).created).toEqual([]);
    const after = await t.db.user.findUniqueOrThrow({
      where: { username: 'clerk' },
      include: { roles: true },
    });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.roles.map((r) => r.role)).toEqual(['window_clerk']);
    expect(await t.db.user.count()).toBe(demoUsers.length);
    expect((await t.db.department.findUniqueOrThrow({ where: { code: 'SFS-SCJG' } })).name).toBe(
      '已有的市场监管局',
    );
  }, 30_000);
});
