import { generateSyntheticCatalogue, loadSeedCatalogue, syntheticDepartmentUscc } from '@onewindow/standards';
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

  it('applies a catalogue larger than one statement holds, and versions items changed in it in bulk', async () => {
    const t = await createSqliteTestDatabase();
    try {
      const departments = Array.from({ length: 20 }, (_, d) => ({
        code: `SYN-DEPT-${String(d).padStart(2, '0')}`,
        name: `合成部门${d}`,
        regionCode: '379900',
        uscc: syntheticDepartmentUscc(d),
      }));
      const items = generateSyntheticCatalogue(1_200);
      const catalogue = { ...loadSeedCatalogue(), departments, items, bundles: [] };
      const meta = { label: 'big', source: 'import', createdBy: 'test' } as const;
      expect(await applyCatalogue(t.db, catalogue, meta)).toMatchObject({ itemsAdded: 1_200 });

      // 600 items change: more than one statement's worth of keys.
      const changed = items.map((item, i) =>
        i % 2 === 0 ? { ...item, acceptanceConditions: `${item.acceptanceConditions}（修订）` } : item,
      );
      const result = await applyCatalogue(t.db, { ...catalogue, items: changed }, meta);
      expect(result).toMatchObject({ itemsAdded: 0, itemsChanged: 600, itemsUnchanged: 600 });

      expect(await t.db.item.count({ where: { status: 'active' } })).toBe(1_200);
      expect(await t.db.item.count({ where: { status: 'superseded' } })).toBe(600);
      const versions = await t.db.item.findMany({
        where: { implementationCode: items[0].implementationCode },
        orderBy: { version: 'asc' },
        select: { version: true, status: true, data: true },
      });
      expect(versions.map((v) => [v.version, v.status])).toEqual([
        [1, 'superseded'],
        [2, 'active'],
      ]);
      expect(versions[1].data).toContain('（修订）');
      expect((await loadActiveCatalogue(t.db)).items).toHaveLength(1_200);
    } finally {
      await t.dispose();
    }
  }, 120_000);
});
