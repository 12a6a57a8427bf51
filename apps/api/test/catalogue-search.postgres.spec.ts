import { bothTestDatabases, applyCatalogue, type TestDatabase } from '@onewindow/db';
import { loadSeedCatalogue } from '@onewindow/standards';
import { searchItems } from '../src/catalogue/catalogue-queries';

// The search is one hand-written SQL statement: prove it behaves the same on both databases.
describe.each(bothTestDatabases)('catalogue search on %s', (_name, create) => {
  let t: TestDatabase;
  const seed = loadSeedCatalogue();
  beforeAll(async () => {
    t = await create();
    await applyCatalogue(t.db, seed, { label: 'seed', source: 'seed', createdBy: 'test' });
  }, 60_000);
  afterAll(() => t?.dispose());

  it('finds by name fragment and code prefix, with totals and department names', async () => {
    const item = seed.items[3];
    const byName = await searchItems(t.db, { q: item.name.slice(1, 4), page: 1, pageSize: 50 });
    expect(byName.items.map((i) => i.name)).toContain(item.name);
    expect(byName.total).toBe(seed.items.filter((i) => i.name.includes(item.name.slice(1, 4))).length);
    const byCode = await searchItems(t.db, { q: item.basicCode, page: 1, pageSize: 50 });
    expect(byCode.items[0]).toMatchObject({
      basicCode: item.basicCode,
      onTheSpot: item.handlingType === '1',
    });
    expect(byCode.items[0].departmentName).toBe(
      seed.departments.find((d) => d.code === item.departmentCode)!.name,
    );
  });

  it('treats % and _ literally and reports the total past the last page', async () => {
    expect((await searchItems(t.db, { q: '%', page: 1, pageSize: 10 })).total).toBe(0);
    expect((await searchItems(t.db, { q: '_', page: 1, pageSize: 10 })).total).toBe(0);
    const past = await searchItems(t.db, { page: 99, pageSize: 10 });
    expect(past).toEqual({ total: seed.items.length, items: [] });
  });
});
