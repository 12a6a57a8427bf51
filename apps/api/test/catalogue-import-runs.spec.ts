import ExcelJS from 'exceljs';
import { bothTestDatabases, type Db } from '@onewindow/db';
import { loadSeedCatalogue } from '@onewindow/standards';
import { demoPassword } from '../src/auth/seed-demo-users';
import { seedDemoData } from '../src/seed/seed-demo-data';
import type { CatalogueImportRun } from '../src/catalogue/catalogue-import-runs';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const REFUSED_NAME = '触发写入失败';

/**
 * A trigger that refuses to insert an item whose name holds REFUSED_NAME: a database failure in the middle of the
 * write (after departments, materials, certificate types and the superseding of the changed items' old versions).
 */
async function refuseItemsNamed(db: Db, postgres: boolean) {
  if (postgres) {
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_item() RETURNS trigger AS $$
      BEGIN
        IF NEW."name" LIKE '%${REFUSED_NAME}%' THEN RAISE EXCEPTION '测试触发器拒绝写入事项'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_item BEFORE INSERT ON "Item" FOR EACH ROW EXECUTE FUNCTION refuse_item()`,
    );
  } else {
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_item BEFORE INSERT ON "Item"
      WHEN NEW."name" LIKE '%${REFUSED_NAME}%' BEGIN SELECT RAISE(ABORT, '测试触发器拒绝写入事项'); END`);
  }
}

describe.each(bothTestDatabases)('catalogue import runs on %s', (name, createDatabase) => {
  let api: TestApi;
  const seed = loadSeedCatalogue();
  beforeAll(async () => {
    api = await startTestApi({}, await createDatabase());
    await seedDemoData(api.deps.db);
    await refuseItemsNamed(api.deps.db, name === 'PostgreSQL');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await api?.database.dispose();
  });

  /** The exported workbook with items 2 and 3 of the 事项 sheet renamed by `rename`. */
  async function workbookRenaming(rename: (name: string, row: number) => string): Promise<Buffer> {
    const exported = await new HttpSession(api.baseUrl).request('GET', '/api/catalogue/export?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const sheet = workbook.getWorksheet('事项')!;
    const nameCol = (sheet.getRow(1).values as unknown[]).map(String).indexOf('事项名称');
    for (const row of [2, 3]) {
      const cell = sheet.getRow(row).getCell(nameCol);
      cell.value = rename(String(cell.value), row);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async function startRun(session: HttpSession, workbook: Buffer): Promise<Response> {
    return fetch(`${session.baseUrl}/api/catalogue/import-runs`, {
      method: 'POST',
      headers: {
        'content-type': XLSX,
        cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': session.csrfToken ?? '',
      },
      body: new Uint8Array(workbook),
    });
  }

  /** Polls the run as the browser does until it has finished. */
  async function finished(session: HttpSession, id: string): Promise<CatalogueImportRun> {
    for (;;) {
      const res = await session.request('GET', `/api/catalogue/import-runs/${id}`);
      expect(res.status).toBe(200);
      const run = (await res.json()) as CatalogueImportRun;
      if (run.status !== 'running') return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const snapshot = async () => ({
    items: await api.deps.db.item.findMany({ orderBy: { id: 'asc' } }),
    versions: await api.deps.db.catalogueVersion.count(),
    departments: await api.deps.db.department.findMany({ orderBy: { code: 'asc' } }),
    types: await api.deps.db.certificateType.findMany({ orderBy: { code: 'asc' } }),
  });

  it('a write that fails mid-way leaves the catalogue as it was, and the run says why in Chinese', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    // Item 2 is renamed harmlessly, item 3 so that the trigger refuses its new version.
    const workbook = await workbookRenaming((n, row) => (row === 2 ? `${n}（改名）` : `${n}${REFUSED_NAME}`));
    const before = await snapshot();
    const started = await startRun(designer, workbook);
    expect(started.status).toBe(202);
    const run = await finished(designer, ((await started.json()) as CatalogueImportRun).id);
    expect(run).toMatchObject({ status: 'failed', phase: 'write', startedBy: 'designer' });
    expect(run.reason).toMatch(/^写入数据库时失败，已全部撤销，目录未作任何改动：\S/);
    // PostgreSQL passes the trigger's words on; Prisma's SQLite adapter names the constraint family only.
    if (name === 'PostgreSQL') expect(run.reason).toContain('测试触发器拒绝写入事项');
    expect(run.result).toBeUndefined();
    expect(await snapshot()).toEqual(before);
    const audited = await api.deps.db.auditEntry.findFirstOrThrow({
      where: { action: 'catalogue.import_finished', target: `catalogue-import-run:${run.id}` },
    });
    expect(JSON.parse(audited.payload!)).toMatchObject({ status: 'failed', reason: run.reason });
  });

  it('imports a confirmed file as a run: 解析, 校验 and 写入 counted up to their totals, all or nothing', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const workbook = await workbookRenaming((n) => `${n}（导入运行）`);
    const started = await startRun(designer, workbook);
    expect(started.status).toBe(202);
    const first = (await started.json()) as CatalogueImportRun;
    expect(first).toMatchObject({ status: 'running', phase: 'parse', done: 0 });
    expect(started.headers.get('location')).toBe(`/api/catalogue/import-runs/${first.id}`);
    const run = await finished(designer, first.id);
    const entries =
      seed.departments.length +
      seed.materials.length +
      seed.certificateTypes.length +
      seed.items.length +
      seed.bundles.length;
    expect(run).toMatchObject({
      status: 'succeeded',
      phase: 'write',
      done: entries,
      total: entries,
      result: { itemsAdded: 0, itemsChanged: 2, itemsUnchanged: seed.items.length - 2 },
    });
    const audited = await api.deps.db.auditEntry.findFirstOrThrow({
      where: { action: 'catalogue.import_finished', target: `catalogue-import-run:${run.id}` },
    });
    expect(JSON.parse(audited.payload!)).toMatchObject({ status: 'succeeded', result: run.result });
    expect(
      await api.deps.db.item.count({ where: { name: { endsWith: '（导入运行）' }, status: 'active' } }),
    ).toBe(2);
  });

  it('a file that no longer passes its check fails the run with the cells to fix; nobody else sees the runs', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const workbook = await workbookRenaming((n, row) => (row === 2 ? '' : n));
    const before = await snapshot();
    const started = await startRun(designer, workbook);
    const run = await finished(designer, ((await started.json()) as CatalogueImportRun).id);
    expect(run).toMatchObject({ status: 'failed', phase: 'validate' });
    expect(run.reason).toMatch(/^文件未通过检查，目录未作任何改动：1 处需要修改/);
    expect(run.errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^事项!\w+2$/) })]);
    expect(await snapshot()).toEqual(before);

    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect((await clerk.request('GET', `/api/catalogue/import-runs/${run.id}`)).status).toBe(403);
    expect((await startRun(clerk, workbook)).status).toBe(403);
    const unknown = await designer.request('GET', '/api/catalogue/import-runs/no-such-run');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { detail: string }).detail).toMatch(/^没有这次目录导入的记录/);
    const tooLarge = await startRun(designer, Buffer.alloc(25 * 1024 * 1024));
    expect(tooLarge.status).toBe(413);
  });
});
