import type { Browser, Page } from 'playwright-core';
import { addWorkingDays, OFFICIAL_CALENDAR_DATA, WorkingCalendar } from '@onewindow/calendar';
import { calendarInForce } from '@onewindow/calendar/src/statutory-holidays';
import type { Db } from '@onewindow/db';
import { hashPlan, itemStepId, planBuilder } from '@onewindow/flow-model';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, settled } from '../support/browser-support';
import {
  addStaffUser,
  application,
  approverOf,
  clerk as windowClerk,
  eventually,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';
import type { ApiSession } from '../cases/http-session';

jest.setTimeout(240_000);

/**
 * 部门审批 in Chromium, through the UI only: two approvers of two departments work one case in parallel
 * (one returns it for 补正, the other approves), the window clerk takes in the supplement from 补正待收 on the
 * window desk, the first approves, and the case awaits issuance. Also: a refusal needs a reason in the
 * form, and an action on a task decided in another tab shows the workflow's refusal. The second
 * approver's inbox, opened before the case exists, shows its task without a reload (server-sent events).
 */
describe('the approvals workspace in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  const [food, fire] = items;
  const opened: Page[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
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

  /** A case accepted at the window (setup over the API) whose steps' tasks are in the inboxes. */
  const acceptCase = async (codes: string[], key: string) => {
    const accepted = await clerk.call('POST', '/api/cases', application(codes), { 'idempotency-key': key });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(
      async () =>
        (await db.task.count({ where: { caseNo, state: 'open' } })) === codes.length ? true : undefined,
      60_000,
    );
    return { caseNo, acceptedOn: String(accepted.body.acceptedOn).slice(0, 10) };
  };

  /** A fresh browser signed in as `username` on `workspace` (/approvals: its 我的待办 tab shows), in Chinese. */
  const signedInPage = async (
    username: string,
    workspace = '/approvals',
    readyTab = '我的待办',
  ): Promise<Page> => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    opened.push(page);
    await page.goto(`${stack.baseUrl}${workspace}`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('密码').fill(password);
    await form.locator('button[type=submit]').click();
    await page.getByRole('tab', { name: readyTab }).waitFor();
    return page;
  };

  const inboxRow = (page: Page, caseNo: string) =>
    page.getByTestId('inbox-table').locator('tr', { hasText: caseNo });

  const openCase = async (page: Page, caseNo: string) => {
    await inboxRow(page, caseNo)
      .getByRole('button', { name: /办\s*理/ })
      .click();
    await page.getByTestId('case-phase').waitFor();
    await settled(page);
  };

  /** Opens a verb's form from the step's buttons. */
  const verbForm = async (page: Page, verb: string, label: string) => {
    await settled(page);
    await page.getByTestId('step-verbs').getByRole('button', { name: label }).click();
    const form = page.getByTestId(`verb-form-${verb}`);
    await form.waitFor();
    // The dialog zooms in: a click while it still moves can land beside the button it aimed at.
    await settled(page);
    return form;
  };

  const submitVerb = (page: Page) =>
    Promise.all([
      page.waitForResponse((r) => r.url().includes('/actions') && r.request().method() === 'POST'),
      page
        .getByRole('dialog')
        .getByRole('button', { name: /提\s*交/ })
        .click(),
    ]).then(([response]) => response);

  it('two departments in parallel: 补正 by one, approval by the other, the supplement, then approval: the case awaits issuance', async () => {
    // Approver B (fire brigade) has the inbox open before the case exists; it must show up there without a reload.
    const b = await signedInPage(approverOf(fire.departmentCode));
    await b.locator('[data-testid="inbox-live"][data-state="live"]').waitFor();
    expect(await b.getByTestId('inbox-live').textContent()).toBe('实时更新已连接');
    const navigations: string[] = [];
    b.on('framenavigated', (frame) => {
      if (frame === b.mainFrame()) navigations.push(frame.url());
    });

    const { caseNo, acceptedOn } = await acceptCase(
      [food.implementationCode, fire.implementationCode],
      'approvals-ui-0001',
    );
    const calendar = WorkingCalendar.fromData(
      calendarInForce(OFFICIAL_CALENDAR_DATA, Number(acceptedOn.slice(0, 4)) + 1),
    );

    // Approver A (market supervision) sees the task with the step's due date (promised limit in working days).
    const a = await signedInPage(approverOf(food.departmentCode));
    const row = inboxRow(a, caseNo);
    await row.waitFor();
    expect(await row.textContent()).toContain(addWorkingDays(calendar, acceptedOn, food.promised));
    expect(await row.getByTestId('time-status').getAttribute('data-state')).toMatch(/normal|warning/);

    // A returns it for supplement, picking a material from the case's checklist.
    await openCase(a, caseNo);
    // Two items, not a bundle handled jointly: the strictest item's limit applies, and the case file says so.
    await a.getByTestId('limit-basis').waitFor();
    expect(await a.getByTestId('limit-basis').textContent()).toMatch(/^时限依据：.*行政许可法/);
    const supplement = await verbForm(a, 'return_for_supplement', '补正告知');
    await supplement.getByRole('checkbox', { name: 'M-LEASE' }).check();
    expect((await submitVerb(a)).status()).toBe(200);
    await a.getByText('补正告知已办理').waitFor();
    const stepA = a.getByTestId(`step-${itemStepId(food.implementationCode)}`);
    await stepA
      .getByTestId('step-suspension')
      .getByText(/补正：M-LEASE/)
      .waitFor();

    // Approver B's inbox, left open all along, shows the new task from a server-sent event (no reload, no navigation).
    await inboxRow(b, caseNo).waitFor({ timeout: 15_000 });
    expect(navigations).toEqual([]);
    // Approver B approves their step with an opinion.
    expect(await inboxRow(b, caseNo).textContent()).toContain(
      addWorkingDays(calendar, acceptedOn, fire.promised),
    );
    await openCase(b, caseNo);
    const approveB = await verbForm(b, 'approve', '审批通过');
    await approveB.getByLabel('审批意见').fill('消防设施符合要求');
    expect((await submitVerb(b)).status()).toBe(200);
    await b.getByText('审批通过已办理').waitFor();
    // B's own step is approved; A's department shows in B's progress without its opinions.
    await b
      .getByTestId(`step-${itemStepId(fire.implementationCode)}`)
      .getByText('已通过')
      .waitFor();

    // The applicant brings the lease to the window: the clerk takes it in from 补正待收 on the window desk.
    const w = await signedInPage(windowClerk.id, '/window', '补正待收');
    const waiting = w.getByTestId('corrections-queue').locator('tr', { hasText: caseNo });
    await eventually(async () => {
      await w.getByRole('tab', { name: '收件受理' }).click();
      await w.getByRole('tab', { name: '补正待收' }).click();
      return (await waiting.count()) > 0 ? true : undefined;
    }, 60_000);
    await waiting.getByRole('button', { name: /收取补正/ }).click();
    const supplementForm = w.getByTestId('supplement-form');
    await supplementForm.waitFor();
    await settled(w);
    await supplementForm.getByLabel('M-LEASE').check();
    await w.getByRole('button', { name: '提交补正，恢复计时' }).click();
    await supplementForm.waitFor({ state: 'detached' });
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.status === 'in_review' ? true : undefined,
    );

    // A reloads the case and approves: the case awaits issuance.
    await a.reload();
    await a.getByTestId('case-phase').waitFor();
    const approveA = await verbForm(a, 'approve', '审批通过');
    await approveA.getByLabel('审批意见').fill('材料齐全，同意');
    expect((await submitVerb(a)).status()).toBe(200);
    await a.getByTestId('case-phase').and(a.locator('[data-phase="awaiting_issuance"]')).waitFor();
    expect(await a.getByTestId('case-phase').textContent()).toBe('待出件');
    const view = await clerk.call('GET', `/api/cases/${caseNo}`);
    expect(view.body.view).toMatchObject({ phase: 'awaiting_issuance', outcome: 'approved' });
  });

  it('a refusal without a reason cannot be sent: the form says a reason is needed', async () => {
    const { caseNo } = await acceptCase([food.implementationCode], 'approvals-ui-0002');
    const a = await signedInPage(approverOf(food.departmentCode));
    const posted: string[] = [];
    a.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/actions')) posted.push(r.url());
    });
    await inboxRow(a, caseNo).waitFor();
    await openCase(a, caseNo);
    const refuse = await verbForm(a, 'refuse', '不予许可');
    await a
      .getByRole('dialog')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await refuse.getByText('请至少填写或选择 1 项不予许可理由').waitFor();
    // Whitespace alone is no reason either.
    await refuse.getByLabel('不予许可理由').fill('   \n  ');
    await a
      .getByRole('dialog')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await refuse.getByText('请至少填写或选择 1 项不予许可理由').waitFor();
    expect(posted).toEqual([]);
    const task = await db.task.findFirst({ where: { caseNo, state: 'open' } });
    expect(task).not.toBeNull();
  });

  it('approving a task already decided in another tab shows the workflow’s refusal and what to do', async () => {
    const { caseNo } = await acceptCase([food.implementationCode], 'approvals-ui-0003');
    const first = await signedInPage(approverOf(food.departmentCode));
    await inboxRow(first, caseNo).waitFor();
    await openCase(first, caseNo);
    // The same approver's second tab (same browser context, same session) still shows the open step.
    const second = await first.context().newPage();
    await second.goto(`${stack.baseUrl}/approvals?case=${caseNo}`);
    await second.getByTestId('case-phase').waitFor();

    await verbForm(first, 'approve', '审批通过');
    expect((await submitVerb(first)).status()).toBe(200);

    await verbForm(second, 'approve', '审批通过');
    expect((await submitVerb(second)).status()).toBe(409);
    const problem = second.getByTestId('action-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('conflict');
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain('工作流未受理此操作');
    expect(text).toContain('请刷新案卷');
    // The page sent the step revision it showed: the workflow says the task was decided meanwhile, by whom.
    expect(text).toMatch(/此任务已同意（.+审批同意），本次操作未执行/);
    await problem.getByRole('button', { name: '刷新案卷' }).click();
    await second.locator('[data-testid="case-phase"][data-phase="awaiting_issuance"]').waitFor();
  });

  it('常用语: an approver adds a phrase in 管理常用语, then picks it into an approval opinion', async () => {
    const { caseNo } = await acceptCase([food.implementationCode], 'approvals-ui-0004');
    const a = await signedInPage(approverOf(food.departmentCode));
    await inboxRow(a, caseNo).waitFor();
    await openCase(a, caseNo);
    const approve = await verbForm(a, 'approve', '审批通过');

    // The picker's last entry opens the manager; an empty text and a duplicate are refused in Chinese.
    const phrase = '经审查，申请材料齐全，符合法定条件，同意许可。';
    await approve.getByTestId('phrase-picker-comment').click();
    await a.getByRole('menuitem', { name: '管理常用语' }).click();
    const manager = a.getByRole('dialog', { name: '管理常用语' });
    await manager.getByRole('button', { name: /添\s*加/ }).click();
    await manager.getByText('常用语不能为空，请输入内容').waitFor();
    await manager.getByLabel('输入新的常用语').fill(phrase);
    await manager.getByRole('button', { name: /添\s*加/ }).click();
    await manager.getByTestId('phrase-row').filter({ hasText: phrase }).waitFor();
    await manager.getByLabel('输入新的常用语').fill(phrase);
    await manager.getByRole('button', { name: /添\s*加/ }).click();
    await manager.getByText('列表中已有相同的常用语，请直接使用或改写后再添加').waitFor();
    expect(await manager.getByTestId('phrase-row').count()).toBe(1);
    await manager.locator('.ant-modal-close').click();
    await manager.waitFor({ state: 'hidden' });

    // A click on the phrase puts it into the opinion, which goes to the workflow with the approval.
    await approve.getByTestId('phrase-picker-comment').click();
    await a.getByRole('menuitem', { name: phrase }).click();
    expect(await approve.getByLabel('审批意见').inputValue()).toBe(phrase);
    expect((await submitVerb(a)).status()).toBe(200);
    await a.getByText('审批通过已办理').waitFor();
    const decision = await db.decision.findFirst({ where: { caseNo, verb: 'approve' } });
    expect(JSON.stringify(decision)).toContain(phrase);
  });

  it('撤回: an approver takes back an approval while the other branch is still open; the step is theirs again with its due date', async () => {
    const { caseNo } = await acceptCase(
      [food.implementationCode, fire.implementationCode],
      'approvals-ui-0005',
    );
    const a = await signedInPage(approverOf(food.departmentCode));
    await inboxRow(a, caseNo).waitFor();
    await openCase(a, caseNo);
    const stepId = itemStepId(food.implementationCode);
    const step = a.getByTestId(`step-${stepId}`);
    const dueBefore = (await db.task.findFirst({ where: { caseNo, stepId, state: 'open' } }))?.dueDate;
    await verbForm(a, 'approve', '审批通过');
    expect((await submitVerb(a)).status()).toBe(200);
    // The case file reloads: my approval is recallable while 消防 has not decided (the join still waits).
    const recall = step.getByTestId('step-verbs').getByRole('button', { name: /^撤\s*回$/ });
    await recall.click();
    const form = a.getByTestId('verb-form-recall');
    await form.waitFor();
    await form.getByText('撤回后您的意见作废').waitFor();
    await form.getByLabel('理由').fill('意见写错，重新签批');
    expect((await submitVerb(a)).status()).toBe(200);
    // The step is open again with me to decide: 审批通过 is offered again, 撤回 no longer.
    await step.getByTestId('step-verbs').getByRole('button', { name: '审批通过' }).waitFor();
    expect(
      await step
        .getByTestId('step-verbs')
        .getByRole('button', { name: /^撤\s*回$/ })
        .count(),
    ).toBe(0);
    const rows = await eventually(async () => {
      const tasks = await db.task.findMany({ where: { caseNo, stepId }, orderBy: { seq: 'asc' } });
      return tasks.length === 2 ? tasks : undefined;
    }, 30_000);
    expect(rows.map((t) => [t.seq, t.state, t.outcome])).toEqual([
      [1, 'superseded', 'recalled'],
      [2, 'open', null],
    ]);
    expect(rows[1].dueDate).toBe(dueBefore);
    const recalled = await db.decision.findFirst({ where: { caseNo, verb: 'recall' } });
    expect(recalled).toMatchObject({ stepId, reason: '意见写错，重新签批' });
  });
  it('签收: a group task waits under 待签收; one approver claims it from the row and it moves to 我的待办; a colleague’s claim is refused naming who claimed it and when', async () => {
    const sign = items[2];
    // Setup (the designer's and the administrator's job): a second approver of the department, and a
    // published flow of the item whose step names nobody, so it is offered to the department's approvers.
    await addStaffUser(db, {
      id: 'approver-cgj-2',
      departmentCode: sign.departmentCode,
      role: 'dept_approver',
    });
    const plan = planBuilder(`e2e-group:${sign.implementationCode}`, { name: sign.name })
      .refusalPolicy('collect')
      .accept()
      .department({
        id: itemStepId(sign.implementationCode),
        name: sign.name,
        itemCode: sign.implementationCode,
        departmentCode: sign.departmentCode,
        role: 'dept_approver',
        limitWorkingDays: sign.promised,
        assignees: [],
      })
      .issue()
      .build();
    await db.flowVersion.create({
      data: {
        id: 'fv-e2e-group',
        subjectCode: sign.implementationCode,
        version: 1,
        planJson: JSON.stringify(plan),
        planHash: hashPlan(plan),
        publishedBy: 'e2e-designer',
      },
    });
    const { caseNo } = await acceptCase([sign.implementationCode], 'approvals-ui-claim-0001');

    const a = await signedInPage(approverOf(sign.departmentCode));
    const b = await signedInPage('approver-cgj-2');
    for (const page of [a, b]) {
      await page.getByRole('tab', { name: '待签收' }).click();
      await inboxRow(page, caseNo).getByTestId('claim-state').filter({ hasText: '待签收' }).waitFor();
    }
    // B opens the case file: the step is offered to the group, with 签收 as its only verb.
    await inboxRow(b, caseNo)
      .getByRole('button', { name: /查\s*看/ })
      .click();
    await b.getByTestId('group-seat').waitFor();
    expect(await b.getByTestId('group-seat').textContent()).toContain('待签收');

    // A claims from the row: the task leaves 待签收 and is in A's 我的待办, claimed by A.
    const [claimed] = await Promise.all([
      a.waitForResponse((r) => r.url().includes('/actions') && r.request().method() === 'POST'),
      inboxRow(a, caseNo).getByTestId(`claim-${caseNo}`).click(),
    ]);
    expect(claimed.status()).toBe(200);
    await a.getByText('已签收，任务已移至“我的待办”').waitFor();
    await inboxRow(a, caseNo).waitFor({ state: 'detached' });
    await a.getByRole('tab', { name: '我的待办' }).click();
    const mine = inboxRow(a, caseNo).getByTestId('claim-state');
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/^approver-cgj 于 \d{2}-\d{2} \d{2}:\d{2} 签收$/);

    // B's case file was opened before: B's 签收 is refused with who claimed it and when, and nothing changes.
    await b
      .getByTestId('step-verbs')
      .getByRole('button', { name: /^签\s*收$/ })
      .click();
    await b.getByTestId('verb-form-claim').waitFor();
    await b.waitForFunction(() => document.querySelector('.ant-zoom-appear, .ant-zoom-enter') === null);
    expect((await submitVerb(b)).status()).toBe(409);
    const problem = b.getByTestId('action-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(
      /此任务已由 approver-cgj 于 (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} 签收，请刷新/,
    );
    const task = await db.task.findFirst({ where: { caseNo, state: 'open' }, include: { holders: true } });
    expect(task).toMatchObject({ claimState: 'claimed', claimedBy: 'approver-cgj' });
    expect(task?.holders.map((h) => h.userId)).toEqual(['approver-cgj']);
  });
});
