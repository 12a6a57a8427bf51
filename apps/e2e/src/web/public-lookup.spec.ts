import type { Browser, Page } from 'playwright-core';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt } from '../support/browser-support';
import { application, eventually, items, seedCatalogue, signInAll } from '../cases/case-fixtures';
import type { ApiSession } from '../cases/http-session';

jest.setTimeout(180_000);

/** 办件查询 in Chromium: a case accepted over the API is looked up on the public page by number + last 4 of the ID. */
describe('public case lookup in a browser against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let page: Page;
  let clerk: ApiSession;
  let caseNo: string;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = await seedCatalogue(stack.databaseUrl);
    ({ clerk } = await signInAll(stack.baseUrl));
    const accepted = await clerk.call('POST', '/api/cases', application([items[0].implementationCode]), {
      'idempotency-key': 'lookup-e2e-0001',
    });
    expect(accepted.status).toBe(201);
    caseNo = accepted.body.caseNo;
    // The workflow's first projection moves the case from accepted to in_review.
    await eventually(
      async () =>
        (await db.case.findUnique({ where: { caseNo } }))?.status === 'in_review' ? true : undefined,
      60_000,
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  beforeEach(async () => {
    // Not signed in, empty localStorage: a citizen's browser in Chinese.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  const lookUp = async (number: string, code: string) => {
    const form = page.getByTestId('lookup-form');
    await form.getByLabel(/办件编号|Case number/).fill(number);
    await form.getByLabel(/证件号码后四位|Last 4 characters/).fill(code);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/public/cases/')),
      form.locator('button[type=submit]').click(),
    ]);
    return response.status();
  };

  it('shows the status of the accepted case for its number and the last 4 of the ID (x = X), in Chinese then English', async () => {
    await page.goto(`${stack.baseUrl}/lookup`);
    await page.getByRole('heading', { name: '办件查询', level: 2 }).waitFor();
    // An applicant's page: framed for the applicant, with none of the staff's menu or sign-in.
    await page.getByTestId('public-layout').waitFor();
    expect(await page.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    expect(await page.getByText('登录', { exact: true }).count()).toBe(0);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/'))
        posted.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`);
    });
    expect(await lookUp(caseNo.toLowerCase(), '002x')).toBe(200);
    const result = page.getByTestId('lookup-result');
    await result.waitFor();
    expect(await page.getByTestId('lookup-status').textContent()).toBe('审批中');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(caseNo);
    // Status only: no name, identity number, phone or item.
    for (const secret of ['张三', '110105', '002X', '13800138000', items[0].name])
      expect(text).not.toContain(secret);
    expect(posted).toEqual([`POST ${stack.baseUrl}/api/public/cases/${caseNo}/status {"code":"002X"}`]);

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Case lookup', level: 2 }).waitFor();
    await page.getByTestId('lookup-status').filter({ hasText: 'Under review' }).waitFor();
  });

  it('says nothing matches for a wrong code and for an unknown case alike', async () => {
    await page.goto(`${stack.baseUrl}/lookup`);
    expect(await lookUp(caseNo, '1234')).toBe(404);
    const notFound = page.getByTestId('lookup-not-found');
    await notFound.waitFor();
    const wrongCode = await notFound.textContent();
    expect(wrongCode).toContain('未查询到相符的办件');
    expect(await lookUp('YC20991231999999', '002X')).toBe(404);
    await page.getByTestId('lookup-not-found').waitFor();
    expect(await page.getByTestId('lookup-not-found').textContent()).toBe(wrongCode);
    expect(await page.getByTestId('lookup-result').count()).toBe(0);
  });
});
