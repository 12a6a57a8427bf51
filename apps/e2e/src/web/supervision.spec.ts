import type { Browser } from 'playwright-core';
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
 * 督办 in Chromium against the real stack: the centre supervisor sees an approver's extension request, approves
 * it, and the case file shows the moved statutory due date; the figures tab draws its ECharts charts (the
 * canvases hold drawn pixels) and its table shows the numbers the API answers; so does the 需求分析 tab. A lead who
 * also leads a second department switches the page to it and sees its figures.
 */
describe('the supervision workspace in a browser', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  let supervisorApi: ApiSession;
  const [food, fire] = items;

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
    // 市场监管's lead also leads 消防 (a dept_lead grant scoped to SFS-XFJY, docs/decisions/0023).
    await addStaffUser(db, {
      id: 'lead-scjg',
      displayName: '市场监管 科长',
      departmentCode: food.departmentCode,
      role: 'dept_lead',
    });
    await db.userRole.create({
      data: { userId: 'lead-scjg', role: 'dept_lead', departmentCode: fire.departmentCode },
    });
    ({ clerk, approver } = await signInAll(stack.baseUrl));
    supervisorApi = await ApiSession.signIn(stack.baseUrl, 'supervisor-1', password);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const acceptCase = async () => {
    const accepted = await clerk.call('POST', '/api/cases', application([food.implementationCode]));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () => {
      const row = await db.case.findUnique({ where: { caseNo } });
      const open = await db.task.count({ where: { caseNo, state: 'open' } });
      return row?.statutoryDueDate && open === 1 ? true : undefined;
    }, 60_000);
    return caseNo;
  };

  const shot = screenshotter('supervision');

  it('the supervisor approves an extension request and the due date moves on the case file; the figures draw their charts', async () => {
    // A case waiting for an extension, one decided today (figures: a closed task) and the approver's request.
    const caseNo = await acceptCase();
    const decided = await acceptCase();
    const stepId = itemStepId(food.implementationCode);
    expect(
      (
        await approver(food.departmentCode).call('POST', `/api/cases/${decided}/actions`, {
          verb: 'approve',
          stepId,
        })
      ).status,
    ).toBe(200);
    const requested = await approver(food.departmentCode).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'request_extension',
      stepId,
      days: 5,
      reason: '需组织专家现场核查',
    });
    expect(requested.status).toBe(200);
    const dueBefore = (await db.case.findUniqueOrThrow({ where: { caseNo } })).statutoryDueDate!;

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/supervision`);
      const form = page.getByTestId('sign-in-form');
      await form.getByLabel('用户名').fill('supervisor-1');
      await form.getByLabel('密码').fill(password);
      await form.locator('button[type=submit]').click();

      // The request is listed, with who asked and why.
      const row = page.getByTestId('extension-row').filter({ hasText: caseNo });
      await row.waitFor();
      await expectText(row, ['需组织专家现场核查', approverOf(food.departmentCode), '5 个工作日']);
      await shot(page, 'extensions');

      await settled(page);
      await row.getByTestId('approve-extension').click();
      const modal = page.getByRole('dialog', { name: `批准延期 · ${caseNo}` });
      await modal.waitFor();
      await settled(page);
      await modal.getByRole('textbox').fill('同意延期');
      await modal.getByTestId('confirm-approve').click();
      const result = modal.getByTestId('approve-result');
      await result.waitFor();
      const newDue = (await db.case.findUniqueOrThrow({ where: { caseNo } })).statutoryDueDate!;
      const approval = await db.decision.findFirstOrThrow({ where: { caseNo, verb: 'extension_approved' } });
      expect(approval.actorUserId).toBe('supervisor-1');
      const resultText = await result.innerText();
      expect(resultText).toContain(dueBefore);
      expect(newDue > dueBefore).toBe(true);
      expect(resultText).toContain(newDue);
      expect(await modal.getByTestId('extension-notice').getAttribute('href')).toBe(
        `/api/cases/${caseNo}/documents/YQ-${caseNo}-1`,
      );
      await shot(page, 'approved');

      // The case file: the statutory clock shows the new due date.
      await settled(page);
      await modal.getByTestId('open-case-file').click();
      await page.getByTestId('case-phase').waitFor();
      await settled(page);
      const statutory = page.getByTestId('clock-card').first();
      await statutory.filter({ hasText: newDue }).waitFor();
      expect(await statutory.innerText()).toContain(newDue);
      expect(await statutory.innerText()).not.toContain(dueBefore);
      await shot(page, 'case-file');
      await page.keyboard.press('Escape');
      await settled(page);
      // Approved requests leave the list.
      await page.getByTestId('extension-row').filter({ hasText: caseNo }).waitFor({ state: 'detached' });

      // The figures: the charts draw, and the table shows what the API answers for the same period.
      const figuresAnswer = page.waitForResponse(
        (r) => r.url().includes('/api/supervision/figures') && r.status() === 200,
      );
      await page.getByTestId('tab-figures').click();
      const answered = await figuresAnswer;
      const query = new URL(answered.url()).search;
      const api = await supervisorApi.call('GET', `/api/supervision/figures${query}`);
      expect(api.status).toBe(200);
      const scjg = api.body.departments.find(
        (d: { departmentCode: string }) => d.departmentCode === 'SFS-SCJG',
      );
      expect(scjg).toMatchObject({ open: 1, closed: 1, onTime: 1, onTimeRate: 1 });
      for (const chart of ['chart-workload', 'chart-limits']) {
        await page.waitForFunction(
          (testId) => {
            const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] canvas`);
            if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
            const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
            let drawn = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
            return drawn > 1000;
          },
          chart,
          { timeout: 15_000 },
        );
      }
      const tableRow = page.locator('[data-testid="figures-row"][data-department="SFS-SCJG"]');
      const cells = await tableRow.locator('td').allInnerTexts();
      expect(cells).toEqual([
        scjg.departmentName,
        String(scjg.open),
        String(scjg.dueThisWeek),
        String(scjg.overdue),
        String(scjg.closed),
        String(scjg.onTime),
        '100%',
        String(scjg.terminated),
        String(scjg.avgWorkingDaysUsed),
        String(scjg.avgPromisedLimit),
        String(scjg.avgStatutoryLimit),
      ]);
      expect(await page.locator('[data-testid="figures-row"]').count()).toBe(api.body.departments.length);
      await shot(page, 'figures');

      // 需求分析: the four charts draw; the tables show what the API answers for the same period.
      const demandAnswer = page.waitForResponse(
        (r) => r.url().includes('/api/supervision/demand') && r.status() === 200,
      );
      await page.getByTestId('tab-demand').click();
      const demandQuery = new URL((await demandAnswer).url()).search;
      const demand = await supervisorApi.call('GET', `/api/supervision/demand${demandQuery}`);
      expect(demand.status).toBe(200);
      expect(demand.body.items[0]).toMatchObject({ implementationCode: food.implementationCode });
      for (const chart of ['chart-items', 'chart-acceptances', 'chart-reuse', 'chart-handling'])
        await page.waitForFunction(
          (testId) => {
            const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] canvas`);
            if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
            const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
            let drawn = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
            return drawn > 1000;
          },
          chart,
          { timeout: 15_000 },
        );
      const itemCells = await page.getByTestId('demand-items-row').first().locator('td').allInnerTexts();
      expect(itemCells).toEqual([
        demand.body.items[0].name,
        demand.body.items[0].departmentCode,
        String(demand.body.items[0].cases),
      ]);
      const hours = demand.body.acceptances.reduce((n: number, a: { cases: number }) => n + a.cases, 0);
      expect(hours).toBe(demand.body.items.reduce((n: number, i: { cases: number }) => n + i.cases, 0));
      expect(await page.getByTestId('demand-acceptances-row').count()).toBe(
        Math.min(10, demand.body.acceptances.length),
      );
      const exported = await supervisorApi.download(
        `/api/supervision/export/demand-items.xlsx${demandQuery}`,
      );
      expect([exported.status, exported.type]).toEqual([200, expect.stringContaining('spreadsheetml')]);
      await shot(page, 'demand');
    } finally {
      await context.close();
    }
  });

  it('a lead who also leads a second department switches 督办 to it: its figures, and its people to reassign', async () => {
    await acceptCase(); // an open task in 市场监管 (the lead's own department), whatever ran before
    const accepted = await clerk.call('POST', '/api/cases', application([fire.implementationCode]));
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    await eventually(async () =>
      (await db.task.count({ where: { caseNo, state: 'open', departmentCode: fire.departmentCode } })) === 1
        ? true
        : undefined,
    );
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${stack.baseUrl}/supervision`);
      const form = page.getByTestId('sign-in-form');
      await form.getByLabel('用户名').fill('lead-scjg');
      await form.getByLabel('密码').fill(password);
      await form.locator('button[type=submit]').click();

      // The lead's own department first: its figures only.
      const switcher = page.getByTestId('supervision-lead-department');
      await switcher.getByText('市场监督管理局').waitFor();
      const figuresOf = (department: string) =>
        page.waitForResponse(
          (r) =>
            r.url().includes('/api/supervision/figures') &&
            new URL(r.url()).searchParams.get('department') === department,
        );
      const ownFigures = figuresOf(food.departmentCode);
      await page.getByTestId('tab-figures').click();
      expect((await ownFigures).status()).toBe(200);
      await page.locator(`[data-testid="figures-row"][data-department="${food.departmentCode}"]`).waitFor();
      expect(await page.locator('[data-testid="figures-row"]').count()).toBe(1);

      // Switched to 消防救援支队: the figures are 消防's, with its open task, as the API answers the lead.
      await settled(page);
      const fireFigures = figuresOf(fire.departmentCode);
      await switcher.getByText('消防救援支队').click();
      const answered = await fireFigures;
      expect(answered.status()).toBe(200);
      const fireRow = page.locator(`[data-testid="figures-row"][data-department="${fire.departmentCode}"]`);
      await fireRow.waitFor();
      expect(await page.locator('[data-testid="figures-row"]').count()).toBe(1);
      const body = (await answered.json()) as { departments: { departmentCode: string; open: number }[] };
      expect(body.departments).toEqual([expect.objectContaining({ departmentCode: fire.departmentCode })]);
      expect(body.departments[0].open).toBeGreaterThanOrEqual(1);
      expect((await fireRow.locator('td').allInnerTexts())[1]).toBe(String(body.departments[0].open));
      await settled(page);
      await shot(page, 'lead-department-switcher');

      // 移交在办工作 moves the open tasks in the department shown, among its members.
      await page.getByTestId('supervision-reassign').click();
      const modal = page.getByRole('dialog', { name: '移交某人的全部待办' });
      await modal.waitFor();
      await modal.getByTestId('bulk-reassign-department').filter({ hasText: fire.departmentCode }).waitFor();
      await settled(page);
      await shot(page, 'lead-reassign-department');
      await modal.getByRole('button', { name: /取\s*消/ }).click();
      await modal.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });
});

async function expectText(locator: { innerText(): Promise<string> }, parts: string[]): Promise<void> {
  const text = await locator.innerText();
  for (const part of parts) expect(text).toContain(part);
}
