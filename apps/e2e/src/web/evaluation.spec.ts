import type { Browser } from 'playwright-core';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled } from '../support/browser-support';
import {
  addStaffUser,
  application,
  clerk as clerkUser,
  eventually,
  goodPersonId,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';
import type { ApiSession } from '../cases/http-session';

jest.setTimeout(240_000);

/**
 * 好差评 in Chromium against the real stack: a case is accepted, approved and issued through the workflow; the
 * applicant gives a 差评 on the public lookup page; the department's lead sees the rectification order in the
 * supervision workspace, is refused closing it without a callback, and closes it with one. Then the applicant
 * re-rates once (a third rating is refused), rates at the counter tablet the clerk opened, and the lead's
 * 好差评统计 draws its chart with the numbers the API answers.
 */
describe('好差评 and 差评整改 in a browser', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  const [food] = items;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    await addStaffUser(db, {
      id: 'lead-1',
      displayName: '市场监管科长 周文',
      departmentCode: food.departmentCode,
      role: 'dept_lead',
    });
    ({ clerk, approver } = await signInAll(stack.baseUrl));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const shot = screenshotter('evaluation');

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

      // The order closed, the applicant may re-rate once on the public page: a second record, the first kept.
      await context.clearCookies();
      await page.goto(`${stack.baseUrl}/lookup`);
      await form.getByLabel(/办件编号/).fill(caseNo);
      await form.getByLabel(/证件号码后四位/).fill(goodPersonId.slice(-4));
      await form.locator('button[type=submit]').click();
      await rating.waitFor();
      await rating.getByRole('radio', { name: '满意', exact: true }).check();
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('evaluation-done').filter({ hasText: '感谢您的评价' }).waitFor();
      expect(
        await db.evaluation.findMany({
          where: { caseNo, channel: 'public' },
          orderBy: { round: 'asc' },
          select: { round: true, rating: true },
        }),
      ).toEqual([
        { round: 1, rating: 2 },
        { round: 2, rating: 4 },
      ]);
      // A third rating is refused, in Chinese, and nothing changes.
      await page.goto(`${stack.baseUrl}/lookup`);
      await form.getByLabel(/办件编号/).fill(caseNo);
      await form.getByLabel(/证件号码后四位/).fill(goodPersonId.slice(-4));
      await form.locator('button[type=submit]').click();
      await rating.getByRole('radio', { name: '非常满意', exact: true }).check();
      await page.getByTestId('evaluation-submit').click();
      await page.getByText('整改后只能再评价一次').waitFor();
      expect(await db.evaluation.count({ where: { caseNo } })).toBe(2);

      // The counter tablet: the clerk signs in on it and opens the case's rating page; the applicant rates.
      await page.goto(`${stack.baseUrl}/window/rate/${caseNo}`);
      await page.getByTestId('counter-sign-in').waitFor();
      await page.goto(`${stack.baseUrl}/window`);
      await page.getByTestId('sign-in-form').getByLabel('用户名').fill(clerkUser.id);
      await page.getByTestId('sign-in-form').getByLabel('密码').fill(password);
      await page.getByTestId('sign-in-form').locator('button[type=submit]').click();
      await page.getByTestId('sign-in-form').waitFor({ state: 'detached' });
      await page.goto(`${stack.baseUrl}/window/rate/${caseNo}`);
      const tablet = page.getByTestId('counter-rating');
      await tablet.getByText(caseNo).waitFor();
      expect(await page.getByTestId('public-layout').count()).toBe(1);
      await tablet.getByRole('radio', { name: '非常满意', exact: true }).check();
      await tablet.getByRole('checkbox', { name: '办事指南清晰' }).check();
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('evaluation-done').filter({ hasText: '请将评价器交还窗口人员' }).waitFor();
      await shot(page, 'counter-tablet');
      expect(await db.evaluation.findFirstOrThrow({ where: { caseNo, channel: 'window' } })).toMatchObject({
        rating: 5,
        evaluatedBy: clerkUser.id,
        aspects: '["guidance"]',
      });

      // The lead's 好差评统计: the chart draws and the department's row shows what the API answers.
      await context.clearCookies();
      await page.goto(`${stack.baseUrl}/supervision`);
      await signIn.getByLabel('用户名').fill('lead-1');
      await signIn.getByLabel('密码').fill(password);
      await signIn.locator('button[type=submit]').click();
      const ratesAnswer = page.waitForResponse(
        (r) => r.url().includes('/api/supervision/evaluations') && r.status() === 200,
      );
      await page.getByTestId('tab-evaluations').click();
      const rates = await (await ratesAnswer).json();
      expect(rates.departments).toEqual([
        expect.objectContaining({
          departmentCode: food.departmentCode,
          ratings: 3,
          bad: 1,
          orders: 1,
          closedOrders: 1,
          handlingRate: 1,
        }),
      ]);
      await page.waitForFunction(
        () => {
          const canvas = document.querySelector<HTMLCanvasElement>(
            '[data-testid="chart-evaluation-rates"] canvas',
          );
          if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
          const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let drawn = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
          return drawn > 1000;
        },
        undefined,
        { timeout: 15_000 },
      );
      const cells = await page
        .locator(`[data-testid="evaluation-rates-row"][data-department="${food.departmentCode}"] td`)
        .allInnerTexts();
      expect(cells.slice(1)).toEqual(['3', '1', '66.7%', '1', '1', '0', '100%']);
      await shot(page, 'rates');
    } finally {
      await context.close();
    }
  });
});
