import type { Browser, Page } from 'playwright-core';
import { nextWorkingDay, WorkingCalendar, type CalendarYear } from '@onewindow/calendar';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled } from '../support/browser-support';
import {
  addStaffUser,
  application,
  eventually,
  items,
  password,
  seedCatalogue,
  signInAll,
} from '../cases/case-fixtures';

jest.setTimeout(240_000);

/**
 * 工作日历 in Chromium, through the UI: an administrator loads a correction of the year in which an open case is
 * due (its due day becomes a holiday). A broken JSON file and overlapping holidays are refused in Chinese; the
 * preview lists the case with its old and new due date; confirming runs the refresh of the open cases with a
 * progress bar to the end, each case's result listed — the case refreshed, an open case without a workflow
 * failed with its reason — and the failed one is retried. The case's due date is then the previewed one.
 */
describe('loading a calendar year in the administration workspace (real stack, browser)', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let page: Page | undefined;

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
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const shoot = screenshotter('admin-calendar');

  it('previews the moved due date, confirms, and follows the refresh to the end with each case’s result', async () => {
    const { clerk } = await signInAll(stack.baseUrl);
    const accepted = await clerk.call('POST', '/api/cases', application([items[2].implementationCode]), {
      'idempotency-key': 'admin-calendar-0001',
    });
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    const due = await eventually(async () => {
      const row = await db.case.findUnique({ where: { caseNo } });
      const view = await clerk.call('GET', `/api/cases/${caseNo}`);
      return row?.statutoryDueDate && row.acceptedAt && view.body.source === 'workflow'
        ? row.statutoryDueDate
        : undefined;
    });
    // An open case whose workflow does not exist: its refresh fails, with the reason.
    const ghost = 'YC20991231999999';
    const applicantId = (await db.case.findUniqueOrThrow({ where: { caseNo } })).applicantId;
    await db.case.create({ data: { caseNo: ghost, applicantId, kind: 'item', status: 'in_review' } });

    // The correction: the year in force of the due day, with that day a holiday.
    const inForce = (await (await fetch(`${stack.baseUrl}/api/calendar`)).json()) as {
      years: CalendarYear[];
    };
    const year = Number(due.slice(0, 4));
    const current = inForce.years.find((y) => y.year === year)!;
    const notice: CalendarYear = {
      ...current,
      source: `更正通知（e2e）：${due} 放假`,
      provisional: false,
      holidays: [...current.holidays, { name: '更正假日', start: due, end: due }].sort((a, b) =>
        a.start.localeCompare(b.start),
      ),
      adjustedWorkingDays: current.adjustedWorkingDays.filter((d) => d !== due),
    };
    const expected = nextWorkingDay(
      WorkingCalendar.fromData({
        years: inForce.years.map((y) => (y.year === year ? notice : y)),
        regionalRules: [],
      }),
      due,
    );
    expect(expected > due).toBe(true);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.baseUrl}/admin/calendar`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill('admin');
    await form.getByLabel('密码').fill(password);
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('calendar-source').waitFor();
    await settled(page);
    await page.getByTestId('calendar-load').click();
    const dialog = page.getByTestId('calendar-load-modal');
    await dialog.getByText('载入年度节假日通知').waitFor();
    await settled(page);

    // The form: two holidays that overlap are refused in Chinese, naming both.
    await dialog.getByLabel('年份').fill(String(year));
    await dialog.getByLabel('通知文号').fill('测试通知');
    await dialog.getByRole('button', { name: '添加假期' }).click();
    await dialog.getByRole('button', { name: '添加假期' }).click();
    const rows = dialog.getByTestId('notice-holiday');
    const fillRow = async (n: number, name: string, start: string, end: string) => {
      await rows.nth(n).getByPlaceholder('假期名称').fill(name);
      await rows.nth(n).getByPlaceholder('YYYY-MM-DD').first().fill(start);
      await rows.nth(n).getByPlaceholder('YYYY-MM-DD').last().fill(end);
    };
    await fillRow(0, '甲', `${year}-05-01`, `${year}-05-05`);
    await fillRow(1, '乙', `${year}-05-05`, `${year}-05-06`);
    await dialog.getByTestId('notice-preview').click();
    const refusal = dialog.getByTestId('api-error');
    await refusal
      .getByText(/日期重叠/)
      .first()
      .waitFor();
    expect(await refusal.textContent()).toContain(
      `“乙”（${year}-05-05～${year}-05-06）与“甲”（${year}-05-01～${year}-05-05）日期重叠`,
    );
    await settled(page);
    await shoot(page, 'overlap');

    // A JSON file that does not parse: refused before anything is sent.
    await dialog.getByRole('tab', { name: '上传 JSON 文件' }).click();
    await settled(page);
    const fileInput = dialog.locator('input[type=file]');
    await fileInput.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"year": 20'),
    });
    await dialog
      .getByTestId('notice-refused')
      .getByText(/文件“broken.json”不是有效的 JSON/)
      .waitFor();

    // The correction as a JSON file: the preview lists the case with its due day moved.
    await fileInput.setInputFiles({
      name: `${year}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(notice)),
    });
    const moved = dialog.getByTestId('calendar-preview-moved').locator('tr', { hasText: caseNo });
    await moved.waitFor();
    const movedText = (await moved.textContent()) ?? '';
    expect(movedText).toContain(due);
    expect(movedText).toContain(expected);
    expect(movedText).toContain('+1 个工作日');
    expect(await dialog.getByTestId('calendar-preview').textContent()).toContain(
      '在办办件 2 件，其中 1 件的法定期限将变动',
    );
    expect(await db.calendarYear.count()).toBe(0);
    await settled(page);
    await shoot(page, 'preview');

    await dialog.getByTestId('calendar-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    const run = page.getByTestId('calendar-run');
    await page.locator('[data-testid="calendar-run"][data-status="finished"]').waitFor();
    expect(await page.getByTestId('calendar-run-summary').textContent()).toBe(
      '已处理 2 / 2 件：已更新 1 件，无变化 0 件，失败 1 件',
    );
    expect(await run.locator('.ant-progress').getAttribute('aria-valuenow')).toBe('100');
    const results = page.getByTestId('calendar-run-results');
    expect(await results.locator('tr', { hasText: caseNo }).textContent()).toContain('已更新');
    const failedRow = (await results.locator('tr', { hasText: ghost }).textContent()) ?? '';
    expect(failedRow).toContain('失败');
    expect(failedRow).toContain('没有运行中的流程');
    await settled(page);
    await shoot(page, 'run');

    // The case's due date is the previewed one; the year is stored.
    await eventually(async () =>
      (await db.case.findUnique({ where: { caseNo } }))?.statutoryDueDate === expected ? true : undefined,
    );
    expect(await db.calendarYear.count({ where: { year } })).toBe(1);

    // Retry the failed one: a new run with that case only.
    await page.getByTestId('calendar-retry').click();
    await page.getByText(`${year} 年日历：重试失败的办件`).waitFor();
    await page.locator('[data-testid="calendar-run"][data-status="finished"]').waitFor();
    expect(await page.getByTestId('calendar-run-summary').textContent()).toBe(
      '已处理 1 / 1 件：已更新 0 件，无变化 0 件，失败 1 件',
    );
    expect(await results.locator('tr', { hasText: caseNo }).count()).toBe(0);
    await shoot(page, 'retry');
  });
});
