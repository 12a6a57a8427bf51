import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoUsers } from '@onewindow/api';
import { createPrismaClient } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt } from '../support/browser-support';

// The API serves the built web app; build it first with `npx nx build web`.

jest.setTimeout(180_000);

describe('OneWindow in a browser against the real stack', () => {
  let stack: RunningStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    const db = createPrismaClient(stack.databaseUrl);
    try {
      await seedDemoUsers(db);
    } finally {
      await db.$disconnect();
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  beforeEach(async () => {
    // A fresh context per test: empty localStorage, so Chinese is the starting language.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 850 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  it('shows the database and Temporal up on the status page', async () => {
    await page.goto(`${stack.baseUrl}/status`);
    await page.getByRole('heading', { name: '系统状态', level: 2 }).waitFor();

    const database = page.getByTestId('health-database');
    const temporal = page.getByTestId('health-temporal');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="health-database"]')?.getAttribute('data-state') !== 'unknown',
    );
    expect(await database.getAttribute('data-state')).toBe('up');
    expect(await temporal.getAttribute('data-state')).toBe('up');
    expect(await database.textContent()).toContain('数据库');
    expect(await temporal.textContent()).toContain('工作流引擎 Temporal');
    expect(await database.textContent()).toContain('正常');
  });

  it('starts a demo case and completes it through the UI, signed in as a window clerk', async () => {
    await page.goto(`${stack.baseUrl}/status`);
    // Demo cases need case.accept (window clerks): signed out, the panel says so and cannot start one.
    await page.getByTestId('demo-case-needs-clerk').waitFor();
    expect(await page.getByTestId('demo-case-needs-clerk').textContent()).toContain('综合窗口人员');
    expect(await page.getByRole('button', { name: '发起演示办件' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '登录' }).click();
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill('clerk');
    await form.getByLabel('密码').fill(demoPassword);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('session-user').waitFor();
    expect(await page.getByTestId('demo-case-needs-clerk').count()).toBe(0);
    await page.getByRole('button', { name: '发起演示办件' }).click();

    const caseNo = page.getByTestId('demo-case-no');
    await caseNo.waitFor();
    expect(await caseNo.textContent()).toMatch(/^DEMO-[0-9A-F]{12}$/);
    const status = page.getByTestId('demo-case-status');
    expect(await status.getAttribute('data-state')).toBe('waiting');

    await page.getByRole('button', { name: '办结' }).click();
    await page.waitForSelector('[data-testid="demo-case-status"][data-state="completed"]');
    expect(await status.textContent()).toBe('已办结');
    expect(await page.getByRole('button', { name: '办结' }).isDisabled()).toBe(true);
  });

  it('switches to English, shows English labels and remembers the choice', async () => {
    await page.goto(`${stack.baseUrl}/status`);
    await page.getByRole('heading', { name: '系统状态', level: 2 }).waitFor();

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'System status', level: 2 }).waitFor();
    await page.waitForSelector('[data-testid="health-temporal"][data-state="up"]');
    expect(await page.getByTestId('health-database').textContent()).toContain('Database');
    expect(await page.getByTestId('health-temporal').textContent()).toContain('Workflow engine (Temporal)');
    expect(await page.getByRole('button', { name: 'Start demo case' }).isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: 'System status', level: 2 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).textContent()).toContain(
      'Service catalogue',
    );
  });
});
