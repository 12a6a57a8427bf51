import type { Browser, Page } from 'playwright-core';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled } from '../support/browser-support';
import {
  addStaffUser,
  application,
  approverOf,
  eventually,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';
import { ApiSession } from '../cases/http-session';

jest.setTimeout(240_000);

/**
 * 通知中心 in Chromium against the real stack: an approver watches the bell while a case is accepted for their
 * department (a task given to them) and the centre supervisor sends a 催办 — the count goes up through the live
 * task stream, without a reload; the list names both; opening the 催办 goes to the case and marks it read;
 * 全部已读 clears the count.
 */
describe('the notification centre in a browser', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  let supervisor: ApiSession;
  const [food] = items;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    await addStaffUser(db, {
      id: 'supervisor-1',
      displayName: '督办 陈静',
      departmentCode: 'SFS-ZWFW',
      role: 'supervisor',
    });
    ({ clerk } = await signInAll(stack.baseUrl));
    supervisor = await ApiSession.signIn(stack.baseUrl, 'supervisor-1', password);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const shot = screenshotter('notifications');
  /** The bell once it says this many unread (its accessible name carries the count). */
  const bellSays = (page: Page, unread: number) =>
    page.waitForSelector(`[data-testid="notification-bell"][aria-label="通知（${unread} 条未读）"]`, {
      timeout: 30_000,
    });

  it('the bell counts a new task and a 催办 as they happen; the list opens the case and marks read', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/approvals`);
      const form = page.getByTestId('sign-in-form');
      await form.getByLabel('用户名').fill(approverOf(food.departmentCode));
      await form.getByLabel('密码').fill(password);
      await form.locator('button[type=submit]').click();
      await bellSays(page, 0);

      // A case accepted at the window: its first step is given to this approver.
      const accepted = await clerk.call('POST', '/api/cases', application([food.implementationCode]));
      expect(accepted.status).toBe(201);
      const caseNo: string = accepted.body.caseNo;
      await bellSays(page, 1);
      await shot(page, '1-assigned');

      // The centre supervisor urges the step (催办).
      const stepId = itemStepId(food.implementationCode);
      await eventually(async () =>
        (await db.task.count({ where: { caseNo, state: 'open' } })) === 1 ? true : undefined,
      );
      const urged = await supervisor.call('POST', `/api/supervision/cases/${caseNo}/steps/${stepId}/remind`, {
        message: '请于今日办结',
      });
      expect(urged.status).toBe(200);
      await bellSays(page, 2);

      await page.getByTestId('notification-bell').click();
      await settled(page);
      const entries = page.getByTestId('notification-item');
      await entries.first().waitFor();
      expect(await entries.count()).toBe(2);
      const first = entries.nth(0);
      expect(await first.innerText()).toContain('催办');
      expect(await first.innerText()).toContain(caseNo);
      expect(await first.innerText()).toContain('请于今日办结');
      expect(await first.innerText()).toContain('督办 陈静');
      expect(await first.innerText()).toContain('食品经营许可');
      expect(await entries.nth(1).innerText()).toContain('新任务：已分派给您');
      expect(await first.getAttribute('data-read')).toBe('false');
      await shot(page, '2-list');

      // Opening the 催办 goes to the case in the inbox and marks it read.
      await first.click();
      await page.waitForURL(
        (url) => url.pathname === '/approvals' && url.searchParams.get('case') === caseNo,
      );
      await bellSays(page, 1);
      await settled(page);
      await shot(page, '3-case-opened');

      // The case file drawer covers the header: closed first.
      await page.keyboard.press('Escape');
      await page.waitForSelector('.ant-drawer-open', { state: 'detached' });
      await settled(page);
      await page.getByTestId('notification-bell').click();
      await settled(page);
      expect(await page.getByTestId('notification-item').nth(0).getAttribute('data-read')).toBe('true');
      await page.getByRole('button', { name: '全部已读' }).click();
      await bellSays(page, 0);
      await page.waitForSelector('[data-testid="notification-item"][data-read="false"]', {
        state: 'detached',
      });
      // The badge's number leaves with a motion: gone before the picture.
      await page.waitForSelector('[data-testid="notification-bell"] sup', { state: 'detached' });
      await shot(page, '4-all-read');
    } finally {
      await context.close();
    }
  });
});
