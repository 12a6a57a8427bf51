import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { demoPassword, seedDemoData } from '@onewindow/api';
import { exportCatalogueXlsx } from '@onewindow/catalogue-io';
import { createPrismaClient, loadActiveCatalogue, type Db } from '@onewindow/db';
import { generateSyntheticCatalogue, syntheticDepartmentUscc, type Bundle } from '@onewindow/standards';
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

  const signIn = async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(`${stack.baseUrl}/admin/catalogue`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('用户名').fill('admin');
    await form.getByLabel('密码').fill(demoPassword);
    await form.locator('button[type=submit]').click();
    await form.waitFor({ state: 'detached' });
    return context;
  };

  const openTab = async (name: string) => {
    await settled();
    await page.getByTestId('catalogue-tabs').getByRole('tab', { name }).click();
    await settled();
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
    // The confirmed import runs with its progress (upload, 解析, 校验, 写入) and ends in the same result.
    await page.getByTestId('catalogue-import-run').waitFor();
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

  it('a large workbook (2,000 more items) is imported with its progress shown to completion', async () => {
    const active = await loadActiveCatalogue(db);
    const synthetic = generateSyntheticCatalogue(2_000);
    const departments = Array.from({ length: 20 }, (_, d) => ({
      code: `SYN-DEPT-${String(d).padStart(2, '0')}`,
      name: `合成部门${d}`,
      regionCode: '379900',
      uscc: syntheticDepartmentUscc(d),
    }));
    const workbook = await exportCatalogueXlsx({
      ...active,
      departments: [...active.departments, ...departments],
      items: [...active.items, ...synthetic],
    });
    const itemsBefore = await db.item.count({ where: { status: 'active' } });

    const context = await signIn();
    await page.getByRole('link', { name: /导出 XLSX/ }).waitFor();
    await choose('目录-大文件.xlsx', workbook);
    await dryRun();
    await page.getByTestId('catalogue-dry-run').getByText('确认后：新增 2000 个事项，变更 0 个').waitFor();
    await settled();
    await page.getByTestId('catalogue-dry-run').getByRole('button', { name: '确认导入' }).click();
    const dialog = page.getByRole('dialog', { name: '确认导入服务目录？' });
    await dialog.waitFor();
    await settled();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    const run = page.getByTestId('catalogue-import-run');
    await page.getByTestId('catalogue-import-progress').waitFor();
    await shoot('import-progress');
    await page.getByTestId('catalogue-applied').getByText('已导入：新增 2000 个事项，变更 0 个').waitFor();
    // Every step done (上传, 解析, 校验, 写入) and the bar gone.
    expect(await run.locator('.ant-steps-item-finish').count()).toBe(4);
    expect(await page.getByTestId('catalogue-import-progress').count()).toBe(0);
    await settled();
    await shoot('import-finished');
    expect(await db.item.count({ where: { status: 'active' } })).toBe(itemsBefore + 2_000);
    await context.close();
  });

  it('an administrator edits a bundle as its new version and creates and edits certificate types; bad input is refused in Chinese', async () => {
    const bundleRow = await db.bundle.findFirstOrThrow({
      where: { status: 'active' },
      orderBy: { code: 'asc' },
    });
    const bundle = JSON.parse(bundleRow.data) as Bundle;
    const context = await signIn();

    // 一件事: the table, the edit form, a refusal (one item only), then the new version.
    await openTab('一件事');
    const tab = page.getByTestId('bundles-tab');
    const row = tab.locator('tr', { hasText: bundle.code });
    await row.waitFor();
    await shoot('bundles');
    await row.getByRole('button', { name: '编辑' }).click();
    const modal = page.getByTestId('bundle-modal');
    await modal.getByText(`编辑一件事 ${bundle.code}（现行第 ${bundleRow.version} 版）`).waitFor();
    await settled();
    await shoot('bundle-form');
    const name = modal.getByLabel('一件事名称');
    expect(await name.inputValue()).toBe(bundle.name);
    await name.fill(`${bundle.name}（表单修订）`);
    const lastItem = modal.getByTestId('bundle-item-row').last();
    const optional = lastItem.getByRole('checkbox', { name: '可选' });
    const wasOptional = await optional.isChecked();
    await optional.click();
    // A new row left empty: the form itself asks for an item.
    await modal.getByRole('button', { name: '添加事项' }).click();
    await settled();
    await page.getByRole('dialog').getByRole('button', { name: '保存为新版本' }).click();
    await modal.getByText('请选择事项，或删除这一行').waitFor();
    await modal.getByRole('button', { name: `删除第 ${bundle.items.length + 1} 个事项` }).click();
    await settled();
    await page.getByRole('dialog').getByRole('button', { name: '保存为新版本' }).click();
    await tab
      .getByTestId('bundle-saved')
      .getByText(`已保存：${bundle.code} 现为第 ${bundleRow.version + 1} 版`)
      .waitFor();
    await tab.locator('tr', { hasText: `${bundle.name}（表单修订）` }).waitFor();
    await tab.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await settled();
    await shoot('bundle-saved');
    const versions = await db.bundle.findMany({ where: { code: bundle.code }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [bundleRow.version, 'superseded'],
      [bundleRow.version + 1, 'active'],
    ]);
    const saved = JSON.parse(versions[1].data) as Bundle;
    expect(saved.name).toBe(`${bundle.name}（表单修订）`);
    expect(saved.items.at(-1)!.optional).toBe(!wasOptional);
    expect(saved.form).toEqual(bundle.form);

    // 证照类型: a new one (a validity of 0 years refused by the API in Chinese), then an existing one edited.
    await openTab('证照类型');
    const types = page.getByTestId('certificate-types-tab');
    const existing = await db.certificateType.findFirstOrThrow({ where: { name: '食品经营许可证' } });
    const authority = JSON.parse(existing.data) as {
      definingAuthorityCode: string;
      definingAuthority: string;
    };
    await types.locator('tr', { hasText: existing.code }).waitFor();
    await shoot('certificate-types');
    await types.getByRole('button', { name: '新增证照类型' }).click();
    const typeModal = page.getByRole('dialog', { name: '新增证照类型' });
    await typeModal.waitFor();
    await settled();
    const code = `${authority.definingAuthorityCode}902`;
    await typeModal.getByLabel('证照类型代码').fill(code);
    await typeModal.getByLabel('证照类型名称').fill('小餐饮登记证');
    await typeModal.getByLabel('证照定义机构', { exact: true }).fill(authority.definingAuthority);
    await typeModal.getByLabel('证照定义机构代码（统一社会信用代码）').fill(authority.definingAuthorityCode);
    await typeModal.getByLabel('有效期').fill('0');
    await typeModal.getByLabel('发证部门').click();
    await page.keyboard.type('市场监督');
    await pickOption(page, '市场监督');
    await settled();
    await typeModal.getByRole('button', { name: /保\s*存/ }).click();
    // The refusal shows under the field it is about, not under the field's internal name in the alert.
    await typeModal
      .locator('.ant-form-item', { has: page.getByLabel('有效期') })
      .locator('.ant-form-item-explain-error', { hasText: '有效期须为正数（至少 1 年）；长期有效请不填' })
      .waitFor();
    expect(await typeModal.getByTestId('api-error').textContent()).not.toContain('validityYears');
    await settled();
    await shoot('certificate-type-form');
    expect(await db.certificateType.findUnique({ where: { code } })).toBeNull();
    await typeModal.getByLabel('有效期').fill('3');
    await typeModal.getByRole('button', { name: /保\s*存/ }).click();
    await types.getByTestId('certificate-type-saved').getByText(`已保存证照类型 ${code}`).waitFor();
    const created = await db.certificateType.findUniqueOrThrow({ where: { code } });
    expect(created.issuerDeptCode).not.toBeNull();
    expect(JSON.parse(created.data)).toMatchObject({ name: '小餐饮登记证', validityYears: 3 });

    await settled();
    await types.locator('tr', { hasText: existing.code }).getByRole('button', { name: '编辑' }).click();
    const editModal = page.getByRole('dialog', { name: `编辑证照类型 ${existing.code}` });
    await editModal.waitFor();
    await settled();
    await editModal.getByLabel('有效期').fill('6');
    await editModal.getByRole('button', { name: /保\s*存/ }).click();
    await types.getByTestId('certificate-type-saved').getByText(`已保存证照类型 ${existing.code}`).waitFor();
    await types.locator('tr', { hasText: existing.code }).getByText('6 年').waitFor();
    await types.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await settled();
    await shoot('certificate-type-saved');
    const edited = await db.certificateType.findUniqueOrThrow({ where: { code: existing.code } });
    expect(JSON.parse(edited.data)).toMatchObject({ validityYears: 6 });
    await context.close();
  });
});
