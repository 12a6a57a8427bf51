import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoData } from '@onewindow/api';
import { createPrismaClient, type Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt } from '../support/browser-support';

jest.setTimeout(180_000);

describe('catalogue browser and checklist preview in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = createPrismaClient(stack.databaseUrl);
    // The seed catalogue, demo users and the made-up demo applicants' certificates.
    await seedDemoData(db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  });

  beforeEach(async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  const rows = () => page.locator('[data-testid="catalogue-table"] tbody tr.ant-table-row');

  it('searches the catalogue by name and opens an item with its limits, materials and results', async () => {
    await page.goto(`${stack.baseUrl}/catalogue`);
    await rows().first().waitFor();
    expect(await rows().count()).toBeGreaterThan(5);

    await page
      .getByRole('searchbox', { name: '搜索事项' })
      .or(page.getByLabel('搜索事项').locator('input'))
      .first()
      .fill('不动产');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="catalogue-table"] tbody tr.ant-table-row')].every((row) =>
        row.textContent?.includes('不动产'),
      ),
    );

    await rows().first().getByRole('button').first().click();
    const drawer = page.getByTestId('item-detail');
    await drawer.getByText('办理时限').waitFor();
    const text = await drawer.textContent();
    expect(text).toContain('法定办结时限');
    expect(text).toContain('申请材料');
    expect(text).toContain('办理结果');
    expect(page.url()).toContain('item=');
  });

  it('asks a clerk to sign in, then merges the materials of a bundle and waives certificates on file', async () => {
    await page.goto(`${stack.baseUrl}/checklist`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor();
    await form.getByLabel('用户名').fill('clerk');
    await form.getByLabel('密码').fill(demoPassword);
    await form.locator('button[type=submit]').click();

    await page.getByTestId('checklist-picker').waitFor();
    await page.getByText('按“一件事”').click();
    await page.getByTestId('checklist-bundle').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '企业开办' }).click();
    await page.getByTestId('checklist-applicant').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '企业开办申请人' }).click();
    await page.getByTestId('checklist-preview').click();

    const table = page.getByTestId('checklist-table');
    await table.waitFor();
    const materials = await table
      .locator('tbody tr.ant-table-row td:first-child div:first-child')
      .allTextContents();
    expect(new Set(materials).size).toBe(materials.length);
    expect(await table.getByTestId('waived-tag').count()).toBeGreaterThan(0);
    const required = Number(
      (
        await page.getByTestId('count-required').locator('.ant-statistic-content-value').textContent()
      )?.trim(),
    );
    const saved = Number(
      (await page.getByTestId('count-saved').locator('.ant-statistic-content-value').textContent())?.trim(),
    );
    expect(required).toBeGreaterThan(0);
    expect(saved).toBeGreaterThan(0);
  });
});
