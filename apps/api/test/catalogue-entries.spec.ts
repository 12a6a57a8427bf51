import type { BundleDetail, CatalogueEntrySaved, Problem } from '@onewindow/contracts';
import { loadSeedCatalogue, type Bundle, type CertificateType } from '@onewindow/standards';
import { demoPassword } from '../src/auth/seed-demo-users';
import { seedDemoData } from '../src/seed/seed-demo-data';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

const json = async <T>(res: Response) => (await res.json()) as T;

describe('certificate types and bundles edited one at a time', () => {
  let api: TestApi;
  const seed = loadSeedCatalogue();
  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoData(api.deps.db);
  }, 60_000);
  afterAll(() => api?.stop());
  const anyone = () => new HttpSession(api.baseUrl);
  const audits = (action: string) => api.deps.db.auditEntry.findMany({ where: { action } });

  it('creates a certificate type with its issuing department and validity, edits it in place, and refuses bad ones in Chinese, changing nothing', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const authority = seed.certificateTypes.find((t) => t.validityYears === 5)!;
    const department = seed.departments[0].code;
    const code = `${authority.definingAuthorityCode}901`;
    const body = {
      code,
      name: '测试经营许可证',
      definingAuthority: authority.definingAuthority,
      definingAuthorityCode: authority.definingAuthorityCode,
      holderCodeType: 'uscc',
      validityYears: 3,
      issuerDepartmentCode: department,
    };
    const post = (b: object) =>
      designer.request('POST', '/api/catalogue/certificate-types', { body: b, csrf: true });
    const typesBefore = await api.deps.db.certificateType.count();
    const versionsBefore = await api.deps.db.catalogueVersion.count();

    const refused: [object, string, string][] = [
      [{ ...body, validityYears: 0 }, 'validityYears', '有效期须为正数（至少 1 年）；长期有效请不填'],
      [{ ...body, validityYears: -2 }, 'validityYears', '有效期须为正数（至少 1 年）；长期有效请不填'],
      [
        { ...body, issuerDepartmentCode: 'NO-SUCH-DEPT' },
        'issuerDepartmentCode',
        '发证部门 NO-SUCH-DEPT 不存在：请从部门列表中选择，或先在“部门”中新建',
      ],
      [
        { ...body, code: authority.code },
        'code',
        `证照类型代码 ${authority.code} 已存在：请改用其他代码，或在列表中编辑该证照类型`,
      ],
      [
        {
          ...body,
          code: `${seed.certificateTypes.find((t) => t.definingAuthorityCode !== authority.definingAuthorityCode)!.definingAuthorityCode}901`,
        },
        'code',
        '证照类型代码的第 1–18 位应为证照定义机构代码（统一社会信用代码）',
      ],
      [{ ...body, name: ' ' }, 'name', '请填写证照类型名称'],
    ];
    for (const [bad, path, message] of refused) {
      const res = await post(bad);
      expect(res.status).toBe(400);
      expect((await json<Problem>(res)).errors).toContainEqual({ path, message });
    }
    expect(await api.deps.db.certificateType.count()).toBe(typesBefore);
    expect(await api.deps.db.catalogueVersion.count()).toBe(versionsBefore);

    const created = await post(body);
    expect(created.status).toBe(201);
    expect(await json<CatalogueEntrySaved>(created)).toEqual({ code, changed: true });
    const row = await api.deps.db.certificateType.findUniqueOrThrow({ where: { code } });
    expect(row.issuerDeptCode).toBe(department);
    expect(JSON.parse(row.data)).toEqual({ ...body });
    const [entry] = await audits('POST /api/catalogue/certificate-types');
    expect(JSON.parse(entry.payload!)).toMatchObject({
      status: 201,
      before: null,
      after: { code, validityYears: 3 },
    });

    // Long-term now: the validity is left out; the code stays.
    const edited = await designer.request('PUT', `/api/catalogue/certificate-types/${code}`, {
      body: { ...body, code: undefined, name: '测试经营许可证（长期）', validityYears: null },
      csrf: true,
    });
    expect(edited.status).toBe(200);
    const list = await json<{ certificateTypes: CertificateType[] }>(
      await anyone().request('GET', '/api/catalogue/certificate-types'),
    );
    const shown = list.certificateTypes.find((t) => t.code === code)!;
    expect(shown).toMatchObject({ name: '测试经营许可证（长期）', issuerDepartmentCode: department });
    expect(shown.validityYears).toBeUndefined();
    expect(list.certificateTypes).toHaveLength(typesBefore + 1);
    const [editEntry] = await audits('PUT /api/catalogue/certificate-types/:code');
    expect(JSON.parse(editEntry.payload!)).toMatchObject({
      before: { validityYears: 3 },
      after: { name: '测试经营许可证（长期）' },
    });

    const renamedCode = await designer.request('PUT', `/api/catalogue/certificate-types/${code}`, {
      body: { ...body, code: authority.code },
      csrf: true,
    });
    expect(renamedCode.status).toBe(400);
    expect(
      (
        await designer.request('PUT', '/api/catalogue/certificate-types/11100000000013338W999', {
          body: { ...body, code: undefined },
          csrf: true,
        })
      ).status,
    ).toBe(404);
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect(
      (await clerk.request('POST', '/api/catalogue/certificate-types', { body, csrf: true })).status,
    ).toBe(403);
  });

  it('saves an edited bundle as its next version (the old one superseded), creates one, and refuses unknown items, duplicates and too few items', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const original = seed.bundles.find((b) => b.items.length >= 3 && b.form.length === 0) ?? seed.bundles[0];
    const detail = await json<BundleDetail>(
      await anyone().request('GET', `/api/catalogue/bundles/${original.code}`),
    );
    expect(detail).toMatchObject({ version: 1, versions: [{ version: 1, status: 'active' }] });
    expect(Object.keys(detail.itemNames)).toHaveLength(original.items.length);
    const put = (code: string, body: object) =>
      designer.request('PUT', `/api/catalogue/bundles/${code}`, { body, csrf: true });

    const rowsBefore = await api.deps.db.bundle.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] });
    const unknownItem = await put(original.code, {
      ...detail.bundle,
      items: [
        ...detail.bundle.items,
        { itemCode: '1137990000000000003000000000000', optional: true, after: [] },
      ],
    });
    expect(unknownItem.status).toBe(400);
    expect((await json<Problem>(unknownItem)).errors).toEqual([
      {
        path: `items.${detail.bundle.items.length}.itemCode`,
        message: '事项编码 1137990000000000003000000000000 不在目录中（没有现行版本）：请从事项列表中选择',
      },
    ]);
    const tooFew = await put(original.code, {
      ...detail.bundle,
      items: detail.bundle.items.slice(0, 1),
      form: [],
    });
    expect(tooFew.status).toBe(400);
    expect((await json<Problem>(tooFew)).errors).toContainEqual({
      path: 'items',
      message: '一件事至少组合两个事项',
    });
    const cycle = await put(original.code, {
      ...detail.bundle,
      items: [
        {
          itemCode: detail.bundle.items[0].itemCode,
          optional: false,
          after: [detail.bundle.items[1].itemCode],
        },
        {
          itemCode: detail.bundle.items[1].itemCode,
          optional: false,
          after: [detail.bundle.items[0].itemCode],
        },
      ],
      form: [],
    });
    expect(cycle.status).toBe(400);
    expect((await json<Problem>(cycle)).errors).toContainEqual({
      path: 'items',
      message: '前置事项构成循环：请检查“前置事项编码”',
    });
    expect(await api.deps.db.bundle.findMany({ orderBy: [{ code: 'asc' }, { version: 'asc' }] })).toEqual(
      rowsBefore,
    );

    const unchanged = await put(original.code, detail.bundle);
    expect(unchanged.status).toBe(200);
    expect(await json<CatalogueEntrySaved>(unchanged)).toEqual({
      code: original.code,
      version: 1,
      changed: false,
    });

    const last = detail.bundle.items.at(-1)!;
    const next: Bundle = {
      ...detail.bundle,
      name: `${detail.bundle.name}（第二版）`,
      items: detail.bundle.items.map((i) => (i === last ? { ...i, optional: !i.optional } : i)),
    };
    const saved = await put(original.code, next);
    expect(saved.status).toBe(201);
    expect(await json<CatalogueEntrySaved>(saved)).toEqual({
      code: original.code,
      version: 2,
      changed: true,
    });
    const versions = await api.deps.db.bundle.findMany({
      where: { code: original.code },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.status, v.name])).toEqual([
      [1, 'superseded', detail.bundle.name],
      [2, 'active', next.name],
    ]);
    const { bundles } = await json<{ bundles: Bundle[] }>(
      await anyone().request('GET', '/api/catalogue/bundles'),
    );
    expect(bundles.find((b) => b.code === original.code)).toEqual(next);
    // The unchanged save got the usual entry; the new version its own, written with it.
    const entry = (await audits('PUT /api/catalogue/bundles/:code')).find((e) =>
      e.payload?.includes('"bundle"'),
    )!;
    expect(JSON.parse(entry.payload!)).toMatchObject({
      bundle: original.code,
      version: 2,
      before: { version: 1 },
    });

    const fresh = {
      code: 'BUNDLE-TEST-NEW',
      name: '测试一件事',
      serviceObjects: ['1'],
      items: detail.bundle.items
        .slice(0, 2)
        .map((i) => ({ itemCode: i.itemCode, optional: false, after: [] })),
      form: [],
      jointHandling: 'joint',
    };
    const created = await designer.request('POST', '/api/catalogue/bundles', { body: fresh, csrf: true });
    expect(created.status).toBe(201);
    expect(await json<CatalogueEntrySaved>(created)).toEqual({ code: fresh.code, version: 1, changed: true });
    const again = await designer.request('POST', '/api/catalogue/bundles', { body: fresh, csrf: true });
    expect(again.status).toBe(400);
    expect((await json<Problem>(again)).errors).toEqual([
      { path: 'code', message: '一件事编码 BUNDLE-TEST-NEW 已存在：请改用其他编码，或在列表中编辑该一件事' },
    ]);
    expect(await api.deps.db.bundle.count({ where: { code: fresh.code } })).toBe(1);
    expect(await audits('POST /api/catalogue/bundles')).toHaveLength(1);

    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect(
      (await clerk.request('PUT', `/api/catalogue/bundles/${original.code}`, { body: next, csrf: true }))
        .status,
    ).toBe(403);
  });
});
