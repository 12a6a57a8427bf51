import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { hashPassword } from '@onewindow/api';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import {
  application,
  eventually,
  goodPersonId,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';
import type { ApiSession } from '../cases/http-session';

const webIndex = path.join(__dirname, '../../../web/dist/index.html');
const shots = process.env.SCREENSHOT_DIR;

jest.setTimeout(240_000);

/**
 * 好差评 in Chromium against the real stack: a case is accepted, approved and issued through the workflow; the
 * applicant gives a 差评 on the public lookup page; the department's lead sees the rectification order in the
 * supervision workspace, is refused closing it without a callback, and closes it with one.
 */
describe('好差评 and 差评整改 in a browser', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  const [food] = items;

  beforeAll(async () => {
    if (!existsSync(webIndex))
      throw new Error(`${webIndex} is missing: run \`npx nx build web\` before the browser tests`);
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    await db.user.create({
      data: {
        id: 'lead-1',
        username: 'lead-1',
        displayName: '市场监管科长 周文',
        departmentCode: food.departmentCode,
        passwordHash: await hashPassword(password),
        roles: { create: [{ role: 'dept_lead' }] },
      },
    });
    ({ clerk, approver } = await signInAll(stack.baseUrl));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  /** Until no antd motion runs (a dialog zooming): a click on a moving target can miss it. */
  const settled = (page: Page) =>
    page.waitForFunction(
      () =>
        document.querySelector(
          '[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]',
        ) === null,
    );
  const shot = async (page: Page, name: string) => {
    if (shots) await page.screenshot({ path: path.join(shots, `evaluation-${name}.png`), fullPage: true });
  };

  it('an applicant gives a 差评 on the public page; the lead sees the order and closes it with a callback', async () => {
    const accepted = await clerk.call('POST', '/api/cases', application([food.implementationCode]));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(
      async () => ((await db.task.count({ where: { caseNo, state: 'open' } })) === 1 ? true : undefined),
      60_000,
    );
    const approved = await approver(food.departmentCode).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve',
      stepId: itemStepId(food.implementationCode),
    });
    expect(approved.status).toBe(200);
    await eventually(
      async () =>
        (await db.case.findUnique({ where: { caseNo } }))?.status === 'decided' ? true : undefined,
      60_000,
    );
    const issued = await clerk.call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'window' } });
    expect(issued.status).toBe(200);
    await eventually(
      async () => ((await db.case.findUnique({ where: { caseNo } }))?.status === 'issued' ? true : undefined),
      60_000,
    );

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      // The applicant: look up, then rate 不满意 with a comment.
      await page.goto(`${stack.baseUrl}/lookup`);
      const form = page.getByTestId('lookup-form');
      await form.getByLabel(/办件编号/).fill(caseNo);
      await form.getByLabel(/证件号码后四位/).fill(goodPersonId.slice(-4));
      await form.locator('button[type=submit]').click();
      await page.getByTestId('lookup-status').filter({ hasText: '已办结' }).waitFor();
      const rating = page.getByTestId('evaluation-form');
      await rating.waitFor();
      for (const grade of ['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
        expect(await rating.getByRole('radio', { name: grade, exact: true }).count()).toBe(1);
      // Without a grade the form says what is missing and sends nothing.
      await page.getByTestId('evaluation-submit').click();
      await rating.getByText('请选择评价等级').waitFor();
      expect(await db.evaluation.count({ where: { caseNo } })).toBe(0);
      await rating.getByRole('radio', { name: '不满意', exact: true }).check();
      await rating.getByRole('checkbox', { name: '办理流程便捷' }).check();
      await page.getByTestId('evaluation-comment').fill('窗口让我跑了两趟');
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('evaluation-done').filter({ hasText: '15 个工作日内回访' }).waitFor();
      await shot(page, 'rated');
      const order = await db.rectificationOrder.findFirstOrThrow({ where: { caseNo } });
      expect(order).toMatchObject({ departmentCode: food.departmentCode, state: 'open' });

      // The lead: the order in 差评整改; closing without a callback is refused, with one it closes.
      await context.clearCookies();
      await page.goto(`${stack.baseUrl}/supervision`);
      const signIn = page.getByTestId('sign-in-form');
      await signIn.getByLabel('用户名').fill('lead-1');
      await signIn.getByLabel('密码').fill(password);
      await signIn.locator('button[type=submit]').click();
      await page.getByTestId('tab-rectifications').click();
      const row = page.locator('tr').filter({ hasText: caseNo });
      await row.waitFor();
      expect(await row.innerText()).toContain('窗口让我跑了两趟');
      expect(await row.innerText()).toContain(order.deadline);
      await shot(page, 'orders');
      await settled(page);
      await row.getByTestId('rectification-close').click();
      const modal = page.getByRole('dialog', { name: `办结差评整改单（${caseNo}）` });
      await modal.waitFor();
      await settled(page);
      await modal.getByRole('button', { name: /办结整改/ }).click();
      await modal.getByTestId('rectification-invalid').filter({ hasText: '请填写回访人' }).waitFor();
      expect((await db.rectificationOrder.findUniqueOrThrow({ where: { id: order.id } })).state).toBe('open');
      await page.getByTestId('callback-by').fill('市场监管科长 周文');
      // The refusal goes once the form is edited.
      await modal.getByTestId('rectification-invalid').waitFor({ state: 'detached' });
      await page.getByTestId('callback-note').fill('申请人认可整改措施');
      await page.getByTestId('rectification-text').fill('已对窗口人员开展一次性告知培训');
      await shot(page, 'close-form');
      await modal.getByRole('button', { name: /办结整改/ }).click();
      await modal.waitFor({ state: 'detached' });
      await row.getByTestId('rectification-state').filter({ hasText: '已办结' }).waitFor();
      await shot(page, 'closed');
      expect(await db.rectificationOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
        state: 'closed',
        callbackBy: '市场监管科长 周文',
        callbackNote: '申请人认可整改措施',
        rectification: '已对窗口人员开展一次性告知培训',
        closedBy: 'lead-1',
      });
    } finally {
      await context.close();
    }
  });
});
