import ExcelJS from 'exceljs';
import type { Problem } from '@onewindow/contracts';
import { exportCatalogueCsv } from '@onewindow/catalogue-io';
import { generateSyntheticCatalogue, loadSeedCatalogue, syntheticDepartmentUscc } from '@onewindow/standards';
import { demoPassword } from '../src/auth/seed-demo-users';
import { seedDemoData } from '../src/seed/seed-demo-data';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(session: HttpSession, workbook: Buffer, dryRun = false): Promise<Response> {
  const headers = {
    'content-type': XLSX,
    cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': session.csrfToken ?? '',
  };
  return fetch(`${session.baseUrl}/api/catalogue/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(workbook),
  });
}

describe('catalogue import/export API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoData(api.deps.db);
  }, 60_000);
  afterAll(() => api?.stop());

  it('exports XLSX that re-imports unchanged', async () => {
    const exported = await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=xlsx');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain(XLSX);
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const res = await upload(designer, Buffer.from(await exported.arrayBuffer()));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      applied: true,
      itemsAdded: 0,
      itemsChanged: 0,
      itemsUnchanged: loadSeedCatalogue().items.length,
    });
  });

  it('reports every bad cell with sheet, row and column, and imports nothing', async () => {
    const exported = await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const items = workbook.getWorksheet('事项')!;
    const header = (items.getRow(1).values as unknown[]).map(String);
    const nameCol = header.indexOf('事项名称');
    const basicCol = header.indexOf('基本编码');
    items.getRow(2).getCell(nameCol).value = '';
    items.getRow(3).getCell(basicCol).value = '12AB';
    const broken = Buffer.from(await workbook.xlsx.writeBuffer());

    const versionsBefore = await api.deps.db.catalogueVersion.count();
    const itemsBefore = await api.deps.db.item.findMany({ orderBy: { id: 'asc' } });
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const res = await upload(designer, broken);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    const paths = problem.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^事项!/)]));
    expect(problem.errors!.length).toBeGreaterThanOrEqual(2);
    expect(problem.detail).toMatch(/^未导入任何内容：\d+ 处需要修改/);
    expect(problem.errors).toContainEqual({
      path: `事项!${String.fromCharCode(64 + nameCol)}2`,
      message: '“事项名称”为必填项，不能为空',
    });
    expect(await api.deps.db.catalogueVersion.count()).toBe(versionsBefore);
    expect(await api.deps.db.item.findMany({ orderBy: { id: 'asc' } })).toEqual(itemsBefore);
  });

  it('a dry run says which items would be added or changed, changes nothing, and the import then does just that', async () => {
    const exported = await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const items = workbook.getWorksheet('事项')!;
    const header = (items.getRow(1).values as unknown[]).map(String);
    const nameCol = header.indexOf('事项名称');
    const newName = `${String(items.getRow(2).getCell(nameCol).value)}（改名）`;
    items.getRow(2).getCell(nameCol).value = newName;
    const renamed = Buffer.from(await workbook.xlsx.writeBuffer());
    const total = loadSeedCatalogue().items.length;
    const versionsBefore = await api.deps.db.catalogueVersion.count();
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);

    const dryRun = await upload(designer, renamed, true);
    expect(dryRun.status).toBe(200);
    expect(await dryRun.json()).toMatchObject({
      applied: false,
      items: total,
      itemsAdded: 0,
      itemsChanged: 1,
      itemsUnchanged: total - 1,
      added: [],
      changed: [{ itemKey: expect.any(String), name: newName }],
    });
    expect(await api.deps.db.catalogueVersion.count()).toBe(versionsBefore);

    const applied = await upload(designer, renamed);
    expect(await applied.json()).toMatchObject({ applied: true, itemsAdded: 0, itemsChanged: 1 });
  });

  it('names a missing sheet (no cell) with a code, and a file that is no workbook, refuses 25 MB, and imports nothing', async () => {
    const exported = await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    workbook.getWorksheet('事项')!.name = '事项表';
    const versionsBefore = await api.deps.db.catalogueVersion.count();
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);

    const renamed = await upload(designer, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(renamed.status).toBe(422);
    const problem = (await renamed.json()) as Problem;
    expect(problem.errors).toContainEqual({
      path: '事项',
      message: '缺少工作表“事项”：请按导出的模板保留该工作表及其名称',
      code: 'catalogue.missingSheet',
      params: { sheet: '事项' },
    });

    const notAWorkbook = await upload(designer, Buffer.from('plain text, not a zip'));
    expect(notAWorkbook.status).toBe(422);
    expect(((await notAWorkbook.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: 'file', code: 'catalogue.unreadable' }),
    ]);

    const tooLarge = await upload(designer, Buffer.alloc(25 * 1024 * 1024));
    expect(tooLarge.status).toBe(413);
    expect(await api.deps.db.catalogueVersion.count()).toBe(versionsBefore);
  });

  it('imports CSV sheets sent as JSON, and refuses a clerk', async () => {
    const { files } = (await (
      await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=csv')
    ).json()) as { files: Record<string, string> };
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['部门.csv', '事项.csv', '材料.csv']));
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const ok = await designer.request('POST', '/api/catalogue/import?dryRun=true', {
      body: { format: 'csv', files },
      csrf: true,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ applied: false, items: loadSeedCatalogue().items.length });
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect(
      (await clerk.request('POST', '/api/catalogue/import', { body: { format: 'csv', files }, csrf: true }))
        .status,
    ).toBe(403);
    const garbage = await designer.request('POST', '/api/catalogue/import', {
      body: { format: 'xls' },
      csrf: true,
    });
    expect(garbage.status).toBe(400);
  });

  it('takes CSV sheets beyond the 1 MiB JSON limit under the catalogue CSV type (up to 20 MB)', async () => {
    const seed = loadSeedCatalogue();
    const departments = Array.from({ length: 20 }, (_, d) => ({
      code: `SYN-DEPT-${String(d).padStart(2, '0')}`,
      name: `合成部门${d}`,
      regionCode: '379900',
      uscc: syntheticDepartmentUscc(d),
    }));
    const files = exportCatalogueCsv({
      ...seed,
      departments: [...seed.departments, ...departments],
      items: [...seed.items, ...generateSyntheticCatalogue(2_000)],
    });
    const body = JSON.stringify({ format: 'csv', files });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const asJson = await designer.request('POST', '/api/catalogue/import?dryRun=true', {
      rawBody: body,
      csrf: true,
    });
    expect(asJson.status).toBe(413);
    const asCsvJson = await designer.request('POST', '/api/catalogue/import?dryRun=true', {
      rawBody: body,
      headers: { 'content-type': 'application/vnd.onewindow.catalogue-csv+json' },
      csrf: true,
    });
    expect(asCsvJson.status).toBe(200);
    expect(await asCsvJson.json()).toMatchObject({ applied: false, itemsAdded: 2_000 });
  });
});
