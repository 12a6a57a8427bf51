import { toShanghaiDate } from '@onewindow/calendar';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoData } from '@onewindow/api';
import { createPrismaClient, type Db } from '@onewindow/db';
import { ApiSession } from '../cases/http-session';
import { eventually } from '../cases/case-fixtures';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled as motionSettled } from '../support/browser-support';
import { pdfText } from '../support/pdf-text';
import { pickOption } from '../support/antd-select';

jest.setTimeout(240_000);

/**
 * 综合窗口 in Chromium, through the UI. One: the clerk takes in a 开办餐饮店一件事 application from a restaurant
 * company (a wrong credit code is refused as typed; its business licence on file is 免提交), marks the
 * materials, accepts, and has the 受理通知书; the departments approve over the API (their job, not the
 * window's); the clerk issues every result by post and has the 送达回证. Two: nothing brought, a 一次性告知书
 * instead, and acceptance under the same number when the applicant returns (opened from 补正待收). Three:
 * 不予受理 with its reason. Four: 容缺受理 — a tolerated gap and its 容缺受理通知书; a department's 补正 taken in
 * from 补正待收; issuance refused while the gap is open, then issued once the window records it; today's counters.
 */
describe('the window desk in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = createPrismaClient(stack.databaseUrl);
    await seedDemoData(db);
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const shoot = (name: string) => screenshotter('window')(page, name);

  const settled = () => motionSettled(page);

  /** The departments' approvers, signed in over the API once each. */
  const sessions = new Map<string, ApiSession>();
  const approverOf = async (departmentCode: string) => {
    const username = `approver.${departmentCode.replace(/^SFS-/, '').toLowerCase()}`;
    if (!sessions.has(username))
      sessions.set(username, await ApiSession.signIn(stack.baseUrl, username, demoPassword));
    return sessions.get(username)!;
  };

  /** The departments approve every step of the case (over the API: their work, not the window's). */
  const approveAll = async (caseNo: string) => {
    await eventually(
      async () => ((await db.task.count({ where: { caseNo, state: 'open' } })) > 0 ? true : undefined),
      60_000,
    );
    for (;;) {
      const open = await db.task.findMany({ where: { caseNo, state: 'open' } });
      if (open.length === 0) break;
      for (const task of open) {
        const res = await (
          await approverOf(task.departmentCode)
        ).call('POST', `/api/cases/${caseNo}/actions`, { verb: 'approve', stepId: task.stepId });
        expect([200, 409]).toContain(res.status);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  /** Opens a tab of the window desk, again (a tab's queue loads when it is shown), until `ready` is there. */
  const showTab = async (name: string, ready: () => Promise<boolean>) =>
    eventually(async () => {
      await page.getByRole('tab', { name: '收件受理' }).click();
      await page.getByRole('tab', { name }).click();
      return (await ready()) ? true : undefined;
    }, 60_000);

  /** The restaurant company's bundle, up to its merged checklist. */
  const restaurantIntake = async (applicationNo?: string) => {
    const intake = page.getByTestId('intake-form');
    await intake.waitFor();
    if (!applicationNo) {
      await intake.locator('.ant-segmented-item', { hasText: '一件事' }).click();
      await intake.getByRole('combobox', { name: '一件事' }).click();
      await pickOption(page, '开办餐饮店一件事');
      await intake.getByText('法人或其他组织').click();
      await intake.getByLabel('单位名称').fill('示范市味道餐饮有限公司');
    }
    await intake.getByLabel('统一社会信用代码').fill('91379900MA3C00017X');
    await page.getByTestId('load-checklist').click();
    await page.getByTestId('intake-materials').waitFor();
  };

  it('takes in a restaurant bundle, accepts it with the business licence on file, issues by post, with both documents', async () => {
    await page.goto(`${stack.baseUrl}/window`);
    const signIn = page.getByTestId('sign-in-form');
    await signIn.getByLabel('用户名').fill('clerk');
    await signIn.getByLabel('密码').fill(demoPassword);
    await signIn.locator('button[type=submit]').click();

    const intake = page.getByTestId('intake-form');
    await intake.waitFor();
    await intake.getByText('一件事', { exact: true }).click();
    await intake.getByRole('combobox', { name: '一件事' }).click();
    await pickOption(page, '开办餐饮店一件事');
    await intake.getByText('法人或其他组织').click();
    // A mistyped credit code is refused as it is typed, saying which character to check.
    const code = intake.getByLabel('统一社会信用代码');
    await code.fill('91379900MA3C00018X');
    await intake.getByText('统一社会信用代码校验位（第 18 位）不符，请逐位核对').waitFor();
    await code.fill('91379900MA3C00017X');
    await intake.getByLabel('单位名称').fill('示范市味道餐饮有限公司');
    await intake.getByLabel('联系电话').fill('17700000005');
    await page.getByTestId('load-checklist').click();

    const materials = page.getByTestId('intake-materials');
    await materials.waitFor();
    // The business licence is in the certificate library: 免提交, with its number.
    const licence = materials.locator('tr', { hasText: '营业执照' }).first();
    await licence.getByText('证照库已有').waitFor();
    // Nothing received yet: acceptance is blocked, and the blocker names the materials.
    await page.getByTestId('intake-blockers').waitFor();
    expect(await page.getByTestId('accept-application').isDisabled()).toBe(true);
    await page.getByTestId('mark-all-received').click();
    await page.getByTestId('intake-blockers').waitFor({ state: 'detached' });
    await shoot('intake');
    await page.getByTestId('accept-application').click();

    const accepted = page.getByTestId('intake-accepted');
    await accepted.getByText(/已受理，办件编号 YC\d{14}/).waitFor();
    const caseNo = /YC\d{14}/.exec((await accepted.textContent()) ?? '')![0];
    const notice = accepted.getByTestId('case-documents').locator('tr', { hasText: '受理通知书' });
    await notice.waitFor({ timeout: 60_000 });
    await shoot('accepted');
    const noticeHref = await notice.getByRole('link', { name: /查看/ }).getAttribute('href');
    const noticePdf = await page.request.get(`${stack.baseUrl}${noticeHref}`);
    expect(noticePdf.headers()['content-type']).toBe('application/pdf');
    const noticeText = pdfText(await noticePdf.body());
    expect(noticeText).toContain(caseNo);
    expect(noticeText).toContain('示范市味道餐饮有限公司');
    expect(noticeText).toContain('免提交（证照库调取');

    await approveAll(caseNo);

    // 待出件: the case is in the window's queue; the clerk issues by post.
    await page.getByRole('button', { name: '下一位申请人' }).click();
    await page.getByRole('tab', { name: '待出件' }).click();
    const row = page.getByTestId('issuance-queue').locator('tr', { hasText: caseNo });
    await eventually(async () => {
      await page.getByRole('tab', { name: '收件受理' }).click();
      await page.getByRole('tab', { name: '待出件' }).click();
      return (await row.count()) > 0 ? true : undefined;
    }, 60_000);
    await row.getByRole('button', { name: /出\s*件/ }).click();
    const form = page.getByTestId('issue-form');
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
    await form.getByText('邮寄送达').click();
    await form.getByLabel('邮寄地址').fill('示范市历下区泉城路 1 号');
    await form.getByLabel('寄递单位').fill('中国邮政 EMS');
    await form.getByLabel('运单号').fill('1187654321098');
    await page.getByRole('button', { name: '确认出件' }).click();
    await form.getByTestId('issue-result').waitFor();
    const receipt = form.getByTestId('case-documents').locator('tr', { hasText: '送达回证' });
    await receipt.waitFor();
    await shoot('issued');
    const receiptHref = await receipt.getByRole('link', { name: /查看/ }).getAttribute('href');
    const receiptText = pdfText(await (await page.request.get(`${stack.baseUrl}${receiptHref}`)).body());
    expect(receiptText).toContain('邮寄送达');
    expect(receiptText).toContain('运单号1187654321098');
    const issued = await db.certificate.findMany({ where: { sourceCaseNo: caseNo } });
    expect(issued.length).toBeGreaterThan(0);
    for (const c of issued) expect(receiptText).toContain(c.number);
  });

  it('one-time notice: the application keeps its number and no clock, a second notice on its return keeps it too, then it is accepted under it when complete', async () => {
    await page.goto(`${stack.baseUrl}/window`);
    // Nothing brought yet: the clerk issues the one-time notice instead of accepting.
    await restaurantIntake();
    await page.getByTestId('issue-correction-notice').click();
    const form = page.getByTestId('correction-notice-form');
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
    await form.getByLabel('食品经营许可申请书的问题及补正要求').fill('申请书未签字盖章');
    await shoot('notice-form');
    await page.getByRole('button', { name: '出具告知书' }).click();
    const noticed = page.getByTestId('intake-noticed');
    await noticed.getByText(/已出具一次性告知书，办件编号 YC\d{14}/).waitFor();
    const caseNo = /YC\d{14}/.exec((await noticed.textContent()) ?? '')![0];
    const row = noticed.getByTestId('case-documents').locator('tr', { hasText: '材料补正一次性告知书' });
    await row.waitFor();
    await shoot('noticed');
    const href = await row.getByRole('link', { name: /查看/ }).getAttribute('href');
    const text = pdfText(await (await page.request.get(`${stack.baseUrl}${href}`)).body());
    expect(text).toContain(caseNo);
    expect(text).toContain('申请书未签字盖章');
    expect(await db.case.findUnique({ where: { caseNo } })).toMatchObject({
      status: 'needs_correction',
      acceptedAt: null,
    });
    expect(await db.task.count({ where: { caseNo } })).toBe(0);

    // The applicant comes back with everything: the clerk opens the application from 补正待收 (prefilled but
    // for the identity number, checked at the counter) and accepts it under the same number.
    await page.getByRole('button', { name: '下一位申请人' }).click();
    const waiting = page.getByTestId('corrections-queue').locator('tr', { hasText: caseNo });
    await showTab('补正待收', async () => (await waiting.count()) > 0);
    await waiting.getByText('一次性告知').waitFor();
    await waiting.getByText('申请书未签字盖章').waitFor();
    await shoot('corrections-queue');
    await waiting.getByRole('button', { name: /收取补正/ }).click();
    await page.getByTestId('intake-resume').waitFor();
    expect(await page.getByTestId('intake-form').getByLabel('补正后受理：办件编号').inputValue()).toBe(
      caseNo,
    );
    await restaurantIntake(caseNo);
    await shoot('corrections-resumed');

    // Still short of the signed form: a second notice goes to the same application, under its number.
    await page.getByTestId('issue-correction-notice').click();
    const second = page.getByTestId('correction-notice-form');
    await second.waitFor();
    await page.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
    await second.getByLabel('食品经营许可申请书的问题及补正要求').fill('申请书仍未盖章');
    await page.getByRole('button', { name: '出具告知书' }).click();
    await page.getByTestId('intake-noticed').getByText(`已出具一次性告知书，办件编号 ${caseNo}`).waitFor();
    expect(
      (await db.notice.findMany({ where: { caseNo, kind: 'correction_notice' } }))
        .map((n) => n.number)
        .sort(),
    ).toEqual([`BZ-${caseNo}-1`, `BZ-${caseNo}-2`]);
    await page.getByRole('button', { name: '下一位申请人' }).click();
    await showTab('补正待收', async () => (await waiting.getByText('申请书仍未盖章').count()) > 0);
    await waiting.getByRole('button', { name: /收取补正/ }).click();
    await page.getByTestId('intake-resume').waitFor();
    await restaurantIntake(caseNo);
    await page.getByTestId('mark-all-received').click();
    await page.getByTestId('accept-application').click();
    await page.getByTestId('intake-accepted').getByText(`已受理，办件编号 ${caseNo}`).waitFor();
    const accepted = await db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(accepted.status).not.toBe('needs_correction');
    expect(accepted.acceptedAt).not.toBeNull();
  });

  it('不予受理: a reason is required, then the application ends with its number and the decision to print', async () => {
    await page.goto(`${stack.baseUrl}/window`);
    const intake = page.getByTestId('intake-form');
    await intake.waitFor();
    await intake.locator('.ant-segmented-item', { hasText: '一件事' }).click();
    await intake.getByRole('combobox', { name: '一件事' }).click();
    await pickOption(page, '开办餐饮店一件事');
    await intake.getByText('法人或其他组织').click();
    await intake.getByLabel('统一社会信用代码').fill('91379900MA3C00017X');
    await intake.getByLabel('单位名称').fill('示范市味道餐饮有限公司');
    await page.getByTestId('load-checklist').click();
    await page.getByTestId('refuse-application').click();
    const form = page.getByTestId('intake-refusal-form');
    await form.waitFor();
    await page.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
    const decide = page.getByRole('button', { name: '作出不予受理决定' });
    await decide.click();
    await form.getByText('请写明不予受理的理由').waitFor();
    await form.getByLabel('不予受理的理由').fill('经营场所位于住宅楼内，依法不得从事餐饮服务。');
    await form.getByLabel('告知申请人向其申请的行政机关').fill('示范市住房和城乡建设局');
    await decide.click();
    const refused = page.getByTestId('intake-refused');
    await refused.getByText(/已决定不予受理，办件编号 YC\d{14}/).waitFor();
    const caseNo = /YC\d{14}/.exec((await refused.textContent()) ?? '')![0];
    const row = refused.getByTestId('case-documents').locator('tr', { hasText: '不予受理决定书' });
    await row.waitFor();
    // Loaded, not still spinning over the list.
    await refused
      .getByTestId('case-documents')
      .locator('.ant-spin-blur')
      .waitFor({ state: 'detached', timeout: 10_000 });
    await shoot('refused');
    const href = await row.getByRole('link', { name: /查看/ }).getAttribute('href');
    const text = pdfText(await (await page.request.get(`${stack.baseUrl}${href}`)).body());
    expect(text).toContain('经营场所位于住宅楼内');
    expect(text).toContain('请向示范市住房和城乡建设局申请');
    expect(text).toContain('提起行政诉讼');
    expect(await db.case.findUnique({ where: { caseNo } })).toMatchObject({ status: 'rejected_at_intake' });
  });

  it('容缺受理: a tolerated gap, a department 补正 taken in at the window, issuance refused until the gap is recorded', async () => {
    await page.goto(`${stack.baseUrl}/window`);
    await restaurantIntake();
    const materials = page.getByTestId('intake-materials');
    await page.getByTestId('mark-all-received').click();
    // One tolerable material is promised for later (容缺后补), due today (within any promised limit).
    const row = materials.locator('tr', { hasText: '可容缺' }).first();
    const gapName = (await row.locator('td').first().innerText()).split('\n')[0].trim();
    await row.getByRole('combobox').click();
    await pickOption(page, '容缺后补');
    const today = toShanghaiDate(Date.now());
    const due = row.getByRole('textbox');
    await due.click();
    await due.fill(today);
    await due.press('Enter');
    await due.press('Escape');
    await page.getByRole('button', { name: '容缺受理' }).waitFor();
    await shoot('tolerated-intake');
    await page.getByTestId('accept-application').click();
    const accepted = page.getByTestId('intake-accepted');
    await accepted.getByText(/已受理，办件编号 YC\d{14}/).waitFor();
    const caseNo = /YC\d{14}/.exec((await accepted.textContent()) ?? '')![0];
    await accepted
      .getByTestId('case-documents')
      .locator('tr', { hasText: '容缺受理通知书' })
      .waitFor({ timeout: 60_000 });
    await shoot('tolerated-accepted');

    // A department asks for a material (补正): the case stops, and the window takes the material in.
    await eventually(
      async () => ((await db.task.count({ where: { caseNo, state: 'open' } })) > 0 ? true : undefined),
      60_000,
    );
    const task = (await db.task.findFirst({ where: { caseNo, state: 'open' } }))!;
    const asked = await (
      await approverOf(task.departmentCode)
    ).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'return_for_supplement',
      stepId: task.stepId,
      materials: ['营业场所平面图'],
    });
    expect(asked.status).toBe(200);
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'awaiting_supplement' ? true : undefined,
    );
    await page.getByRole('button', { name: '下一位申请人' }).click();
    const correction = page.getByTestId('corrections-queue').locator('tr', { hasText: caseNo });
    await showTab('补正待收', async () => (await correction.count()) > 0);
    await correction.getByText('部门要求补正').waitFor();
    await correction.getByRole('button', { name: /收取补正/ }).click();
    const supplement = page.getByTestId('supplement-form');
    await supplement.waitFor();
    await settled();
    // Nothing ticked: refused in the form, nothing sent.
    await page.getByRole('button', { name: '提交补正，恢复计时' }).click();
    await supplement.getByText('请勾选要求补正的全部材料').waitFor();
    await supplement.getByLabel('营业场所平面图').check();
    await shoot('supplement-form');
    await page.getByRole('button', { name: '提交补正，恢复计时' }).click();
    await supplement.waitFor({ state: 'detached' });
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'in_review' ? true : undefined,
    );

    await approveAll(caseNo);

    // 待出件 shows the gap; issuing is refused, in Chinese, until it is recorded.
    const queued = page.getByTestId('issuance-queue').locator('tr', { hasText: caseNo });
    await showTab('待出件', async () => (await queued.count()) > 0);
    await queued.getByTestId('tolerated-gaps').getByText(gapName).waitFor();
    await queued.getByRole('button', { name: /出\s*件/ }).click();
    const form = page.getByTestId('issue-form');
    await form.waitFor();
    await settled();
    await form.getByText('电子送达').click();
    await page.getByRole('button', { name: '确认出件' }).click();
    await form.getByText(/容缺材料尚未补齐，不能出件/).waitFor();
    await shoot('issue-refused');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await form.waitFor({ state: 'detached' });
    expect(await db.case.findUnique({ where: { caseNo } })).toMatchObject({ status: 'decided' });

    await queued.getByRole('button', { name: '登记补齐' }).click();
    const supply = page.getByTestId('tolerated-supply-form');
    await supply.waitFor();
    await settled();
    await shoot('gap-supply');
    await page.getByRole('button', { name: '确认补齐' }).click();
    await supply.waitFor({ state: 'detached' });
    await queued.getByTestId('tolerated-gaps').waitFor({ state: 'detached' });

    await queued.getByRole('button', { name: /出\s*件/ }).click();
    await form.waitFor();
    await settled();
    await form.getByText('电子送达').click();
    await page.getByRole('button', { name: '确认出件' }).click();
    await form.getByTestId('issue-result').waitFor();
    await shoot('tolerated-issued');
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'issued' ? true : undefined,
    );
    // Today's counters of the clerk count the acceptance and the issuance.
    await page.getByRole('button', { name: /完\s*成/ }).click();
    const counters = page.getByTestId('window-counters');
    await counters.waitFor();
    expect(
      Number(
        await counters.getByTestId('counter-accepted').locator('.ant-statistic-content-value').innerText(),
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      Number(
        await counters.getByTestId('counter-issued').locator('.ant-statistic-content-value').innerText(),
      ),
    ).toBeGreaterThanOrEqual(1);
    await shoot('counters');
  });
});
