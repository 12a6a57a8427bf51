import type { Browser, Page } from 'playwright-core';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled } from '../support/browser-support';
import { pickOption } from '../support/antd-select';
import {
  addStaffUser,
  application,
  eventually,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';
import type { ApiSession } from '../cases/http-session';

jest.setTimeout(240_000);

/**
 * 系统管理 in Chromium, through the UI only: an administrator creates an approver for the fire brigade; that
 * user signs in, must first replace the administrator's password, and then sees the department's inbox with the
 * case waiting there; an administrator gives another approver a second department's role, and that approver
 * switches the inbox to it. A non-administrator is not offered the workspace. The audit page shows the creation and
 * the chain verifies; the working calendar shows a year's notice as month grids.
 */
describe('the administration workspace in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  const fire = items[1];
  const opened: Page[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    await addStaffUser(db, {
      id: 'admin-1',
      username: 'admin',
      displayName: '系统管理员',
      departmentCode: 'SFS-ZWFW',
      role: 'admin',
    });
    ({ clerk } = await signInAll(stack.baseUrl));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close();
  });

  const shoot = screenshotter('admin');

  /** A fresh browser in Chinese on `url`, signed in through the page's own sign-in form. */
  const signedInPage = async (url: string, username: string, secret: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    opened.push(page);
    await page.goto(`${stack.baseUrl}${url}`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('密码').fill(secret);
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    return page;
  };

  const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主导航' });

  it('an administrator creates an approver for a department; the approver changes the first password and sees the department inbox', async () => {
    // A case for the fire brigade is waiting before the new approver exists.
    const accepted = await clerk.call('POST', '/api/cases', application([fire.implementationCode]), {
      'idempotency-key': 'admin-ui-0001',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () =>
      (await db.task.count({ where: { caseNo, state: 'open' } })) === 1 ? true : undefined,
    );

    const admin = await signedInPage('/admin', 'admin', password);
    await mainMenu(admin).getByText('系统管理').waitFor();
    await admin.getByRole('tab', { name: '用户与角色' }).waitFor();
    await admin.getByTestId('users-table').getByRole('cell', { name: 'approver-xfjy' }).first().waitFor();
    await settled(admin);
    await admin.getByRole('button', { name: '新建用户' }).click();
    const dialog = admin.getByTestId('user-form');
    await dialog.getByLabel('用户名', { exact: true }).waitFor();
    await settled(admin);

    // Nothing filled in: the form says what is missing, in Chinese, and sends nothing.
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请输入用户名').waitFor();
    await dialog.getByText('密码至少 10 个字符').waitFor();

    await dialog.getByLabel('用户名', { exact: true }).fill('approver.fire2');
    await dialog.getByLabel('姓名').fill('消防 新审批员');
    await dialog.getByLabel('角色').click();
    await pickOption(admin, '部门审批人员');
    await dialog.getByLabel('姓名').click(); // closes the roles dropdown
    await dialog.getByText('窗口受理、部门审批和部门负责人只在本部门内办理，请选择部门').waitFor();
    await dialog.getByLabel('所属部门').click();
    await pickOption(admin, 'SFS-XFJY');
    await dialog.getByLabel('初始密码').fill('Temp-pass-2026');
    await settled(admin);
    await shoot(admin, 'create-user');
    const [created] = await Promise.all([
      admin.waitForResponse((r) => r.url().endsWith('/api/admin/users') && r.request().method() === 'POST'),
      admin.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(created.status()).toBe(201);
    const row = admin.getByTestId('users-table').locator('tr', { hasText: 'approver.fire2' });
    await row.waitFor();
    expect(await row.textContent()).toContain('部门审批人员');
    expect(await row.textContent()).toContain('待修改密码');
    await shoot(admin, 'users');

    // The new approver: the administrator's password opens nothing but the change-password form.
    const approver = await signedInPage('/approvals', 'approver.fire2', 'Temp-pass-2026');
    const change = approver.getByTestId('change-password');
    await change.waitFor();
    await shoot(approver, 'must-change-password');
    await change.getByLabel('当前密码').fill('Temp-pass-2026');
    await change.getByLabel('新密码', { exact: true }).fill('Temp-pass-2026');
    await change.getByLabel('再次输入新密码').fill('Temp-pass-2026');
    await change.locator('button[type=submit]').click();
    await change.getByText('新密码不能与当前密码相同').waitFor();
    await change.getByLabel('新密码', { exact: true }).fill('Fire-own-pass-2027');
    await change.getByLabel('再次输入新密码').fill('Fire-own-pass-2027');
    await change.locator('button[type=submit]').click();
    await change.waitFor({ state: 'detached' });

    await approver.getByRole('tab', { name: '本部门全部' }).click();
    await approver.getByTestId('inbox-table').locator('tr', { hasText: caseNo }).waitFor();
    // The approver is not an administrator: no administration in the menu, and /admin says so.
    expect(await mainMenu(approver).getByText('系统管理').count()).toBe(0);
    await shoot(approver, 'approver-inbox');
    await approver.goto(`${stack.baseUrl}/admin`);
    await approver.getByText('您没有系统管理权限（仅系统管理员可用）。').waitFor();
    expect(await mainMenu(approver).getByText('系统管理').count()).toBe(0);
  });

  it('an administrator gives an approver a second department’s role; the approver switches the inbox to it and sees its tasks', async () => {
    const accepted = await clerk.call('POST', '/api/cases', application([fire.implementationCode]), {
      'idempotency-key': 'admin-ui-0002',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () =>
      (await db.task.count({ where: { caseNo, state: 'open' } })) === 1 ? true : undefined,
    );

    // 市场监督管理局's approver also approves for 消防救援支队: one row under 其他部门的角色.
    const admin = await signedInPage('/admin/users', 'admin', password);
    const row = admin.getByTestId('users-table').locator('tr', { hasText: 'approver-scjg' });
    await row.waitFor();
    await settled(admin);
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = admin.getByTestId('user-form');
    await dialog.getByText('其他部门的角色', { exact: true }).waitFor();
    await settled(admin);
    await dialog.getByTestId('other-grant-add').click();
    const grant = dialog.getByTestId('other-grant-row');
    await grant.waitFor();
    // Left blank: the form says what is missing, and sends nothing.
    await admin.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请选择角色').waitFor();
    await dialog.getByText('请选择部门').waitFor();
    await grant.locator('.ant-select').nth(0).click();
    await pickOption(admin, '部门审批人员');
    await grant.locator('.ant-select').nth(1).click();
    await pickOption(admin, 'SFS-XFJY');
    await dialog.getByText('请选择部门').waitFor({ state: 'detached' });
    await settled(admin);
    await shoot(admin, 'user-other-grants');
    const [saved] = await Promise.all([
      admin.waitForResponse(
        (r) => r.url().endsWith('/api/admin/users/approver-scjg') && r.request().method() === 'PATCH',
      ),
      admin.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(saved.status()).toBe(200);
    await row.getByTestId('other-grant').getByText('部门审批人员 · 消防救援支队').waitFor();
    await settled(admin);
    await shoot(admin, 'users-other-grants');

    // The approver signs in: the inbox starts in 市场监督管理局 and switches to 消防救援支队.
    const approver = await signedInPage('/approvals', 'approver-scjg', password);
    const switcher = approver.getByTestId('inbox-department');
    await switcher.getByText('市场监督管理局').waitFor();
    await approver.getByRole('tab', { name: '本部门全部' }).click();
    await approver.getByTestId('inbox-table').waitFor();
    expect(await approver.getByTestId('inbox-table').locator('tr', { hasText: caseNo }).count()).toBe(0);
    await switcher.getByText('消防救援支队').click();
    await approver.getByTestId('inbox-table').locator('tr', { hasText: caseNo }).waitFor();
    await settled(approver);
    await shoot(approver, 'inbox-department-switcher');
  });

  it('an administrator resets a password and maps an OIDC subject, each in its one-field dialog', async () => {
    const admin = await signedInPage('/admin/users', 'admin', password);
    const row = admin.getByTestId('users-table').locator('tr', { hasText: 'approver.fire2' });
    await row.waitFor();
    await settled(admin);

    // 重置密码: a password that breaks the rule is refused in the dialog; a good one is set, to change at sign-in.
    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = admin.getByTestId('reset-password-form');
    await reset.getByRole('textbox', { name: '临时密码' }).waitFor();
    await settled(admin);
    await reset.getByRole('textbox', { name: '临时密码' }).fill('short');
    await admin.getByRole('button', { name: '重置密码' }).last().click();
    await reset.getByText('密码至少 10 个字符').waitFor();
    await reset.getByRole('textbox', { name: '临时密码' }).fill('Reset-pass-2026');
    await admin.getByRole('button', { name: '重置密码' }).last().click();
    await admin.getByText('已重置 approver.fire2 的密码，用户下次登录后须修改').waitFor();
    await reset.waitFor({ state: 'hidden' });
    await row.getByText('待修改密码').waitFor();

    // 身份映射: the subject is saved and the row says so.
    await settled(admin);
    await row.getByRole('button', { name: '身份映射' }).click();
    const oidc = admin.getByTestId('oidc-subject-form');
    await oidc.getByRole('textbox', { name: '统一身份认证标识' }).waitFor();
    await settled(admin);
    await oidc.getByRole('textbox', { name: '统一身份认证标识' }).fill('sub-fire-2');
    await oidc.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('已更新 approver.fire2 的身份映射').waitFor();
    await row.getByText('已映射统一身份认证').waitFor();
    const stored = await db.user.findUniqueOrThrow({ where: { username: 'approver.fire2' } });
    expect(stored).toMatchObject({ oidcSubject: 'sub-fire-2', mustChangePassword: true });
  });

  it('the audit page shows who created the user, and the chain verifies', async () => {
    const admin = await signedInPage('/admin/audit', 'admin', password);
    const filters = admin.getByTestId('audit-filters');
    await filters.getByLabel('用户').fill('approver.fire2');
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    const created = admin.getByTestId('audit-table').locator('tr', { hasText: 'admin.user_created' });
    await created.waitFor();
    expect(await created.textContent()).toContain('系统管理员');
    expect(await created.textContent()).toContain('user:approver.fire2');
    // The approver's own password change is there too, by the approver.
    await admin.getByTestId('audit-table').locator('tr', { hasText: 'auth.password_changed' }).waitFor();

    await admin.getByRole('button', { name: '校验日志链' }).click();
    const verification = admin.getByTestId('audit-verification');
    await verification.waitFor();
    expect(await verification.textContent()).toMatch(/日志链完整：\d+ 条记录均未被篡改/);
    await shoot(admin, 'audit');

    await admin.getByRole('tab', { name: '部门' }).click();
    const fireBrigade = admin.getByTestId('departments-table').locator('tr', { hasText: 'SFS-XFJY' });
    await fireBrigade.waitFor();
    expect(await fireBrigade.textContent()).toContain('消防救援支队');
    await settled(admin);
    await shoot(admin, 'departments');

    // 工作日历: the 2026 notice as month grids, 春节 off and the 调休 Saturday before it a working day.
    await admin.getByRole('tab', { name: '工作日历' }).click();
    await admin.getByTestId('calendar-year').click();
    await pickOption(admin, '2026');
    await admin.locator('[data-date="2026-02-16"][data-kind="holiday"]').waitFor();
    expect(await admin.locator('[data-date="2026-02-14"]').getAttribute('data-kind')).toBe('adjusted');
    expect(await admin.locator('[data-date="2026-02-13"]').getAttribute('data-kind')).toBe('working');
    expect(await admin.locator('[data-date="2026-03-01"]').getAttribute('data-kind')).toBe('weekend');
    expect(await admin.getByTestId('calendar-source').textContent()).toContain(
      '国务院办公厅关于2026年部分节假日安排的通知',
    );
    await settled(admin);
    await shoot(admin, 'calendar');
  });
});
