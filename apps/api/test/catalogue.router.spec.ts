import type {
  CatalogueItemDetail,
  CatalogueItemsResponse,
  ChecklistResponse,
  Problem,
} from '@onewindow/contracts';
import { loadDemoApplicants, loadSeedCatalogue } from '@onewindow/standards';
import { demoPassword } from '../src/auth/seed-demo-users';
import { seedDemoData } from '../src/seed/seed-demo-data';
import { HttpSession, signedIn, startTestApi, type TestApi } from './support/test-api';

describe('catalogue API', () => {
  let api: TestApi;
  const seed = loadSeedCatalogue();
  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoData(api.deps.db);
  }, 60_000);
  afterAll(() => api?.stop());
  const anyone = () => new HttpSession(api.baseUrl);
  const json = async <T>(res: Response) => (await res.json()) as T;

  it('searches by name and by code prefix, filters by department and type, and pages', async () => {
    const all = await json<CatalogueItemsResponse>(
      await anyone().request('GET', '/api/catalogue/items?pageSize=100'),
    );
    expect(all.total).toBe(seed.items.length);

    const target = seed.items[0];
    const byName = await json<CatalogueItemsResponse>(
      await anyone().request('GET', `/api/catalogue/items?q=${encodeURIComponent(target.name.slice(0, 4))}`),
    );
    expect(byName.items.map((i) => i.name)).toContain(target.name);

    const byCode = await json<CatalogueItemsResponse>(
      await anyone().request('GET', `/api/catalogue/items?q=${target.implementationCode.slice(0, 25)}`),
    );
    expect(byCode.items.every((i) => i.itemKey.startsWith(target.implementationCode.slice(0, 25)))).toBe(
      true,
    );
    expect(byCode.total).toBeGreaterThan(0);

    const dept = target.departmentCode;
    const byDept = await json<CatalogueItemsResponse>(
      await anyone().request(
        'GET',
        `/api/catalogue/items?department=${dept}&type=${target.itemType}&pageSize=100`,
      ),
    );
    expect(byDept.total).toBe(
      seed.items.filter((i) => i.departmentCode === dept && i.itemType === target.itemType).length,
    );

    const page2 = await json<CatalogueItemsResponse>(
      await anyone().request('GET', '/api/catalogue/items?page=2&pageSize=10'),
    );
    expect(page2.items).toHaveLength(Math.min(10, seed.items.length - 10));
    expect(page2.items[0].name >= all.items[9].name).toBe(true);
  });

  it('rejects bad query parameters with a problem naming them', async () => {
    const res = await anyone().request('GET', '/api/catalogue/items?pageSize=1000&colour=red');
    expect(res.status).toBe(400);
    const problem = await json<Problem>(res);
    expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['pageSize']));
    expect(problem.detail).toMatch(/colour/);
  });

  it('shows an item with its versions, and 404 for an unknown code', async () => {
    const item = seed.items[1];
    const key = item.handlingItemCode ?? item.implementationCode;
    const detail = await json<CatalogueItemDetail>(
      await anyone().request('GET', `/api/catalogue/items/${key}`),
    );
    expect(detail.item.name).toBe(item.name);
    expect(detail.versions).toHaveLength(1);
    expect((await anyone().request('GET', '/api/catalogue/items/NOPE')).status).toBe(404);
  });

  it('lets a designer add a new item version; a bad one reports each field and changes nothing', async () => {
    const designer = await signedIn(api.baseUrl, 'designer', demoPassword);
    const item = seed.items[2];
    const key = item.handlingItemCode ?? item.implementationCode;
    const countBefore = await api.deps.db.item.count();

    const bad = await designer.request('POST', '/api/catalogue/items', {
      body: {
        ...item,
        promisedLimit: { value: item.statutoryLimit.value + 5, unit: item.statutoryLimit.unit },
        departmentCode: 'NO-DEPT',
      },
      csrf: true,
    });
    expect(bad.status).toBe(400);
    const problem = await json<Problem>(bad);
    expect(problem.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['promisedLimit']));
    expect(problem.errors?.find((e) => e.path === 'promisedLimit')?.message).toMatch(
      /^承诺办结时限（\d+ 个工作日）超过法定办结时限（\d+ 个工作日）/,
    );
    expect(await api.deps.db.item.count()).toBe(countBefore);

    const ok = await designer.request('POST', '/api/catalogue/items', {
      body: { ...item, notes: '2026-11 修订：增加网办渠道' },
      csrf: true,
    });
    expect(ok.status).toBe(201);
    const detail = await json<CatalogueItemDetail>(
      await anyone().request('GET', `/api/catalogue/items/${key}`),
    );
    expect(detail.versions.map((v) => v.status)).toEqual(['superseded', 'active']);
    expect(detail.item.notes).toBe('2026-11 修订：增加网办渠道');

    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    expect((await clerk.request('POST', '/api/catalogue/items', { body: item, csrf: true })).status).toBe(
      403,
    );
  });

  it('merges the checklist of a bundle and reuses the applicant’s valid certificates on file', async () => {
    const clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
    // The applicant and bundle with the most reusable certificates, so reuse is really exercised.
    const bundle = seed.bundles[0];
    const bundleTypes = new Set(
      seed.items
        .filter((i) => bundle.items.some((b) => b.itemCode === (i.handlingItemCode ?? i.implementationCode)))
        .flatMap((i) => i.materials.map((m) => m.certificateTypeCode)),
    );
    const applicant = [...loadDemoApplicants()].sort((a, b) => score(b) - score(a))[0];
    function score(a: ReturnType<typeof loadDemoApplicants>[number]) {
      return a.certificates.filter((c) => c.status === 'valid' && bundleTypes.has(c.typeCode)).length;
    }
    const res = await clerk.request('POST', '/api/catalogue/checklist', {
      body: { bundleCode: bundle.code, applicantIdNumber: applicant.holder.code, asOf: '2026-11-20' },
      csrf: true,
    });
    expect(res.status).toBe(200);
    const checklist = await json<ChecklistResponse>(res);
    const codes = checklist.entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length); // each material once
    expect(checklist.certificatesOnFile).toBe(applicant.certificates.length);
    expect(checklist.counts.requirementsListed).toBeGreaterThanOrEqual(checklist.counts.distinctMaterials);
    const reused = checklist.entries.filter((e) => e.satisfiedBy?.kind === 'certificate_on_file');
    expect(reused.length).toBeGreaterThan(0);
    const onFile = new Map(applicant.certificates.map((c) => [c.identifier, c]));
    for (const entry of reused) {
      const certificate = onFile.get((entry.satisfiedBy as { identifier: string }).identifier)!;
      expect(certificate.status).toBe('valid'); // an expired or revoked certificate never satisfies
    }

    expect(
      (await anyone().request('POST', '/api/catalogue/checklist', { body: { bundleCode: bundle.code } }))
        .status,
    ).toBe(401);
    const unknown = await clerk.request('POST', '/api/catalogue/checklist', {
      body: { itemKeys: ['NOPE'] },
      csrf: true,
    });
    expect(unknown.status).toBe(400);
    expect((await json<Problem>(unknown)).detail).toMatch(/Unknown item codes: NOPE/);
  });
});
