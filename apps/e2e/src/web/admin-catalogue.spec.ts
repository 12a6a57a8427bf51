import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoData } from '@onewindow/api';
import { createPrismaClient, type Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { pickOption } from '../support/antd-select';
import { launchChromium } from '../support/launch-chromium';
import { assertWebBuilt, screenshotter, settled as motionSettled } from '../support/browser-support';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

jest.setTimeout(240_000);

/** The Excel letter of a 1-based column number (the catalogue's sheets have fewer than 27 columns). */
const letter = (column: number) => String.fromCharCode(64 + column);

/**
 * 系统管理 → 目录管理 in Chromium: an administrator exports the catalogue, renames one item in the workbook and
 * breaks two other cells; the dry run lists both cells (sheet!cell) and nothing changes; the fixed workbook passes
 * the dry run and, confirmed, is imported — the renamed item is then a new version in the catalogue.
 */
describe('the catalogue import in the administration workspace against the real stack', () => {
  let stack: RunningStack;
  let db: Db;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    stack = await startStack();
    db = createPrismaClient(stack.databaseUrl);
    // The seed catalogue and the demo users, the administrator among them.
    await seedDemoData(db);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.$disconnect();
    await stack?.stop();
  }, 60_000);

  const settled = () => motionSettled(page);

  const shoot = (name: string) => screenshotter('admin-catalogue')(page, name);

  const choose = async (name: string, buffer: Buffer) => {
    await page
      .getByTestId('catalogue-panel')
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: name.endsWith('.xlsx') ? XLSX : 'application/octet-stream', buffer });
    await page.getByTestId('catalogue-panel').getByText(name).waitFor();
  };

  const dryRun = async () => {
    await settled();
    await page.getByRole('button', { name: '试导入（只检查）' }).click();
  };

  it('an administrator sees both bad cells of a workbook, fixes them and imports it, all or nothing', async () => {
    const exported = await fetch(`${stack.baseUrl}/api/catalogue/export?format=xlsx`);
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.getWorksheet('事项')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const nameColumn = header.indexOf('事项名称');
    const statutoryColumn = header.indexOf('法定办结时限');
    const keyColumn = header.indexOf('实施编码');
    expect(Math.min(nameColumn, statutoryColumn, keyColumn)).toBeGreaterThan(0);

    // The change to import: the first item gets a new name.
    const renamed = String(sheet.getRow(2).getCell(keyColumn).value);
    const newName = `${String(sheet.getRow(2).getCell(nameColumn).value)}（目录导入测试）`;
    sheet.getRow(2).getCell(nameColumn).value = newName;
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    // Two mistakes on top of it: a name left empty and a time limit typed in words.
    const name3 = sheet.getRow(3).getCell(nameColumn).value;
    const limit4 = sheet.getRow(4).getCell(statutoryColumn).value;
    sheet.getRow(3).getCell(nameColumn).value = '';
    sheet.getRow(4).getCell(statutoryColumn).value = '二十';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());
    sheet.getRow(3).getCell(nameColumn).value = name3;
    sheet.getRow(4).getCell(statutoryColumn).value = limit4;
    sheet.name = '事项表';
    const wrongSheet = Buffer.from(await workbook.xlsx.writeBuffer());

    const versionsBefore = await db.catalogueVersion.count();
    const itemsBefore = await db.item.count();

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.baseUrl}/admin/catalogue`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill('admin');
    await form.getByLabel('密码').fill(demoPassword);
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '目录管理', selected: true }).waitFor();
    await page.getByRole('link', { name: /导出 XLSX/ }).waitFor();

    // A file that is not a workbook: refused in the browser, in Chinese, before anything is sent.
    await choose('目录.xls', Buffer.from('not a workbook'));
    await dryRun();
    await page.getByTestId('catalogue-refused').getByText('无法导入文件 目录.xls').waitFor();

    // Over the 20 MB limit: refused in the browser too.
    await choose('目录-过大.xlsx', Buffer.alloc(21 * 1024 * 1024));
    await dryRun();
    await page.getByTestId('catalogue-refused').getByText('超过 20 MB 上限').waitFor();

    // A workbook whose 事项 sheet was renamed: the dry run names the missing sheet.
    await choose('目录-工作表改名.xlsx', wrongSheet);
    await dryRun();
    const errors = page.getByTestId('catalogue-errors');
    await errors.getByText('缺少工作表「事项」').waitFor();
    await errors.getByRole('cell', { name: '事项', exact: true }).waitFor();
    await shoot('wrong-sheet');

    // Two bad cells: both listed with sheet!cell, nothing imported.
    await choose('目录-有误.xlsx', broken);
    await dryRun();
    await errors.getByText('未导入：2 处需要修改').waitFor();
    const cells = await errors.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(cells).toEqual([`事项!${letter(nameColumn)}3`, `事项!${letter(statutoryColumn)}4`]);
    await shoot('errors');
    expect(await db.catalogueVersion.count()).toBe(versionsBefore);
    expect(await db.item.count()).toBe(itemsBefore);

    // The fixed workbook passes the dry run, still without changing anything, and is imported once confirmed.
    await choose('目录-已修改.xlsx', fixed);
    await dryRun();
    await page
      .getByTestId('catalogue-dry-run')
      .getByText(/检查通过：文件包含 \d+ 个事项/)
      .waitFor();
    await page.getByTestId('catalogue-dry-run').getByText('确认后：新增 0 个事项，变更 1 个').waitFor();
    const changes = page.getByTestId('catalogue-changes').locator('tbody tr.ant-table-row');
    expect(await changes.allTextContents()).toEqual([expect.stringContaining(newName)]);
    expect(await changes.first().textContent()).toContain('变更');
    expect(await errors.count()).toBe(0);
    expect(await db.catalogueVersion.count()).toBe(versionsBefore);
    await shoot('dry-run');
    await settled();
    await page.getByTestId('catalogue-dry-run').getByRole('button', { name: '确认导入' }).click();
    const dialog = page.getByRole('dialog', { name: '确认导入服务目录？' });
    await dialog.waitFor();
    await settled();
    await shoot('confirm');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('catalogue-applied').getByText('已导入：新增 0 个事项，变更 1 个').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await settled();
    await shoot('applied');

    // The renamed item is the active version in the catalogue, one version up.
    const found = (await (
      await fetch(`${stack.baseUrl}/api/catalogue/items?q=${encodeURIComponent('目录导入测试')}`)
    ).json()) as { items: { name: string; implementationCode: string; version: number }[] };
    expect(found.items).toEqual([expect.objectContaining({ name: newName, implementationCode: renamed })]);
    expect(await db.catalogueVersion.count()).toBe(versionsBefore + 1);

    // The catalogue as CSV sheets, chosen together, replaces the workbook and passes the dry run with no change.
    const { files } = (await (await fetch(`${stack.baseUrl}/api/catalogue/export?format=csv`)).json()) as {
      files: Record<string, string>;
    };
    await page
      .getByTestId('catalogue-panel')
      .locator('input[type=file]')
      .setInputFiles(
        Object.entries(files).map(([name, text]) => ({
          name,
          mimeType: 'text/csv',
          buffer: Buffer.from(text),
        })),
      );
    await page.getByTestId('catalogue-panel').getByText('事项材料.csv').waitFor();
    // The workbook leaves the list (after the list's motion).
    await page.getByTestId('catalogue-panel').getByText('目录-已修改.xlsx').waitFor({ state: 'detached' });
    await dryRun();
    await page.getByTestId('catalogue-dry-run').getByText('确认后：新增 0 个事项，变更 0 个').waitFor();
    expect(await db.catalogueVersion.count()).toBe(versionsBefore + 1);
    await context.close();
  });

  it('an administrator edits one item in a form and saves it as its new version; a promised limit over the statutory one is refused in Chinese', async () => {
    const { items } = (await (
      await fetch(`${stack.baseUrl}/api/catalogue/items?q=${encodeURIComponent('食品经营许可')}`)
    ).json()) as {
      items: { itemKey: string; name: string; version: number; statutoryLimit: { value: number } }[];
    };
    const item = items[0];
    const versionsBefore = await db.catalogueVersion.count();

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.baseUrl}/admin/catalogue`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill('admin');
    await form.getByLabel('密码').fill(demoPassword);
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    const editor = page.getByTestId('item-version-form');
    await editor.waitFor();
    await settled();
    await editor.getByTestId('item-pick').click();
    await page.keyboard.type('食品经营许可');
    await pickOption(page, item.itemKey);
    await editor.getByLabel('事项名称').waitFor();
    expect(await editor.getByLabel('事项名称').inputValue()).toBe(item.name);
    expect(await editor.textContent()).toContain(`现行第 ${item.version} 版`);

    // Promised longer than statutory: refused by the API in Chinese, nothing saved.
    await editor.getByLabel('承诺办结时限').fill(String(item.statutoryLimit.value + 5));
    await settled();
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await editor
      .getByTestId('api-error')
      .getByText(new RegExp(`承诺办结时限（${item.statutoryLimit.value + 5} 个工作日）超过法定办结时限`))
      .first()
      .waitFor();
    expect(await db.catalogueVersion.count()).toBe(versionsBefore);

    await editor.getByLabel('承诺办结时限').fill('1');
    await editor.getByLabel('事项名称').fill(`${item.name}（表单修订）`);
    await settled();
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await page
      .getByTestId('item-version-saved')
      .getByText(`已保存：${item.itemKey} 现为第 ${item.version + 1} 版`)
      .waitFor();
    await settled();
    await shoot('item-version');
    const active = await db.item.findFirstOrThrow({ where: { itemKey: item.itemKey, status: 'active' } });
    expect(active).toMatchObject({
      version: item.version + 1,
      name: `${item.name}（表单修订）`,
      promisedLimitValue: 1,
    });
    expect(await db.catalogueVersion.count()).toBe(versionsBefore + 1);
    await context.close();
  });
});
