import { loadSeedCatalogue } from '@onewindow/standards';
import { applyCatalogue, createSqliteTestDatabase, loadActiveCatalogue } from '../src';

describe('catalogue store', () => {
  it('applies the seed catalogue, is idempotent, and versions a changed item', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const seed = loadSeedCatalogue();
      const first = await applyCatalogue(t.db, seed, { label: 'seed', source: 'seed', createdBy: 'test' });
      expect(first.itemsAdded).toBe(seed.items.length);
      expect(await t.db.department.count()).toBe(seed.departments.length);

      const again = await applyCatalogue(t.db, seed, { label: 'seed', source: 'seed', createdBy: 'test' });
      expect(again).toMatchObject({ itemsAdded: 0, itemsChanged: 0, itemsUnchanged: seed.items.length });

      const [changed, ...rest] = seed.items;
      const edited = {
        ...seed,
        items: [
          { ...changed, acceptanceConditions: `${changed.acceptanceConditions}（2026年修订）` },
          ...rest,
        ],
      };
      const third = await applyCatalogue(t.db, edited, { label: 'edit', source: 'admin', createdBy: 'test' });
      expect(third).toMatchObject({ itemsChanged: 1, itemsUnchanged: seed.items.length - 1 });
      const versions = await t.db.item.findMany({
        where: {
          implementationCode: changed.implementationCode,
          handlingItemCode: changed.handlingItemCode ?? null,
        },
        orderBy: { version: 'asc' },
      });
      expect(versions.map((v) => v.status)).toEqual(['superseded', 'active']);

      const active = await loadActiveCatalogue(t.db);
      expect(active.items).toHaveLength(seed.items.length);
      expect(active.bundles).toHaveLength(seed.bundles.length);
    } finally {
      await t.dispose();
    }
  }, 60_000);

  it('applies nothing when the catalogue is invalid', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const seed = loadSeedCatalogue();
      const broken = {
        ...seed,
        items: [{ ...seed.items[0], departmentCode: 'NO-SUCH-DEPT' }, ...seed.items.slice(1)],
      };
      await expect(
        applyCatalogue(t.db, broken, { label: 'bad', source: 'import', createdBy: 'test' }),
      ).rejects.toThrow(/unknown department NO-SUCH-DEPT/);
      expect(await t.db.item.count()).toBe(0);
      expect(await t.db.catalogueVersion.count()).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
