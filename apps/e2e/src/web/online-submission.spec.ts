import { toShanghaiDate } from '@onewindow/calendar';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoData } from '@onewindow/api';
import { createPrismaClient, type Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled } from '../support/browser-support';
import { pdfText } from '../support/pdf-text';
import { pickOption } from '../support/antd-select';
import { ApiSession } from '../cases/http-session';
import { eventually } from '../cases/case-fixtures';
import { composeApplicantMessage } from '@onewindow/worker/src/messaging/applicant-messages';

jest.setTimeout(240_000);

/**
 * 网上申报 in Chromium, through the UI: an applicant (not signed in) applies for 食品经营许可（新办） on the public
 * form — a mistyped ID number is refused as typed — and gets the submission number; the window clerk finds it in
 * 网上预审, accepts it (acceptance dated the day it was received), and has the 受理通知书; the applicant's
 * status look-up then shows it accepted with its case number. The applicant leaves an e-mail address (a mistyped
 * one is refused as typed): once the department approved (through the API), the case's "ready for collection"
 * message is addressed to it (the stack's worker sends on the log channel).
 */
describe('online submission and pre-review in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let applicantPage: Page;
  let clerkPage: Page;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = createPrismaClient(stack.databaseUrl);
    await seedDemoData(db);
    browser = await launchChromium();
    const viewport = { width: 1440, height: 900 };
    applicantPage = await (await browser.newContext({ locale: 'zh-CN', viewport })).newPage();
    clerkPage = await (await browser.newContext({ locale: 'zh-CN', viewport })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const shoot = screenshotter('online-submission');

  it('the applicant submits on the public form; the clerk accepts it in 预审 and has the 受理通知书', async () => {
    const page = applicantPage;
    await page.goto(`${stack.baseUrl}/apply`);
    const form = page.getByTestId('online-submission-form');
    await form.waitFor();
    await form.getByRole('combobox', { name: '事项' }).click();
    await page.keyboard.type('食品经营许可');
    await pickOption(page, '食品经营许可（新办）');
    await page.keyboard.press('Escape');
    const materials = page.getByTestId('declared-materials');
    await materials.waitFor();
    // The required materials come ticked.
    expect(await materials.locator('input[type=checkbox]:checked').count()).toBeGreaterThan(0);

    const applicant = page.getByTestId('online-applicant');
    const id = applicant.getByLabel('身份证号码');
    await id.fill('110105194912310021');
    await applicant.getByText(/第 18 位/).waitFor();
    await id.fill('11010519491231002X');
    await applicant.getByLabel('姓名').fill('张三');
    await applicant.getByLabel('联系电话').fill('13800138000');
    const email = applicant.getByLabel('电子邮箱');
    await email.fill('zhangsan@example');
    await applicant.getByText('请输入正确的电子邮箱（如 zhangsan@example.com）').waitFor();
    await settled(page);
    await shoot(page, 'form-bad-email');
    await email.fill('zhangsan@example.com');
    await applicant
      .getByText('请输入正确的电子邮箱（如 zhangsan@example.com）')
      .waitFor({ state: 'detached' });
    await settled(page);
    await shoot(page, 'form');
    await page.getByRole('button', { name: /提交申报/ }).click();

    const receipt = page.getByTestId('submission-receipt');
    await receipt.getByText(/申报已提交，申报编号 WS\d{14}/).waitFor();
    const submissionNo = /WS\d{14}/.exec((await receipt.textContent()) ?? '')![0];
    await shoot(page, 'receipt');
    const row = await db.submission.findUniqueOrThrow({ where: { submissionNo } });
    expect(row.status).toBe('pending');

    // The window clerk: 网上预审.
    const clerk = clerkPage;
    await clerk.goto(`${stack.baseUrl}/window`);
    const signIn = clerk.getByTestId('sign-in-form');
    await signIn.getByLabel('用户名').fill('clerk');
    await signIn.getByLabel('密码').fill(demoPassword);
    await signIn.locator('button[type=submit]').click();
    await clerk.getByRole('tab', { name: '网上预审' }).click();
    const queue = clerk.getByTestId('pre-review');
    const pendingRow = queue.locator('tr', { hasText: submissionNo });
    await pendingRow.waitFor();
    await pendingRow.getByText('食品经营许可（新办）').waitFor();
    await pendingRow.getByText('张三').waitFor();
    await pendingRow.getByText('zhangsan@example.com').waitFor();
    await settled(clerk);
    await shoot(clerk, 'queue');
    await pendingRow.getByTestId('accept-submission').click();

    const outcome = clerk.getByTestId('pre-review-outcome');
    const receivedOn = toShanghaiDate(row.receivedAt.getTime());
    await outcome.getByText(new RegExp(`已受理，办件编号 YC\\d{14}，受理日期 ${receivedOn}`)).waitFor();
    const caseNo = /YC\d{14}/.exec((await outcome.textContent()) ?? '')![0];
    const notice = outcome.getByTestId('case-documents').locator('tr', { hasText: '受理通知书' });
    await notice.waitFor({ timeout: 60_000 });
    await settled(clerk);
    await shoot(clerk, 'accepted');
    const href = await notice.getByRole('link', { name: /查看/ }).getAttribute('href');
    const pdf = await clerk.request.get(`${stack.baseUrl}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain(caseNo);
    expect(text).toContain('食品经营许可');

    expect(await db.submission.findUniqueOrThrow({ where: { submissionNo } })).toMatchObject({
      status: 'accepted',
      caseNo,
    });
    const accepted = await db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(accepted.acceptedAt?.getTime()).toBe(row.receivedAt.getTime());

    // The applicant's look-up follows it to the case.
    await page.getByRole('button', { name: '查询申报状态' }).click();
    const lookup = page.getByTestId('submission-status-form');
    await lookup.waitFor();
    await lookup.getByLabel('证件号码后 4 位').fill('002X');
    await lookup.getByRole('button', { name: /查\s*询/ }).click();
    const status = page.getByTestId('submission-status');
    await status.getByText('已受理').waitFor();
    await status.getByText(caseNo).waitFor();
    await shoot(page, 'status');

    // The department approves through the API; the case enters issuance and messages the applicant.
    expect(
      (await db.case.findUniqueOrThrow({ where: { caseNo }, include: { applicant: true } })).applicant.email,
    ).toBe('zhangsan@example.com');
    const approved = new Set<string>();
    const message = await eventually(async () => {
      const sent = await db.applicantMessage.findFirst({ where: { caseNo, kind: 'ready_for_collection' } });
      if (sent) return sent;
      const task = await db.task.findFirst({ where: { caseNo, state: 'open' } });
      if (task?.assigneeUserId && !approved.has(task.id)) {
        approved.add(task.id);
        const holder = await db.user.findUniqueOrThrow({ where: { id: task.assigneeUserId } });
        const approver = await ApiSession.signIn(stack.baseUrl, holder.username, demoPassword);
        const res = await approver.call('POST', `/api/cases/${caseNo}/actions`, {
          verb: 'approve',
          stepId: task.stepId,
        });
        expect(res.status).toBe(200);
      }
      return undefined;
    }, 60_000);
    expect(message).toMatchObject({ state: 'sent', channel: 'log' });
    const composed = await composeApplicantMessage(
      { db, centreName: '政务服务中心' },
      { eventKey: message.eventKey, caseNo, kind: 'ready_for_collection' },
    );
    expect(composed.to).toBe('zhangsan@example.com');
  });
});
