import type { Db } from '@onewindow/db';

/** One active catalogue item (version 1, working-day limits, no results unless given) in a catalogue version of its own. */
export async function seedCatalogueItem(
  db: Db,
  item: {
    code: string;
    name: string;
    departmentCode: string;
    statutory: number;
    promised: number;
    results?: { name: string; kind: string }[];
  },
): Promise<void> {
  const version = await db.catalogueVersion.create({
    data: { label: `test item ${item.code}`, source: 'seed', createdBy: 'test' },
  });
  await db.item.create({
    data: {
      id: `${item.code}@1`,
      itemKey: item.code,
      basicCode: item.code.slice(19),
      implementationCode: item.code,
      name: item.name,
      itemType: '01',
      departmentCode: item.departmentCode,
      version: 1,
      statutoryLimitValue: item.statutory,
      statutoryLimitUnit: 'working_day',
      promisedLimitValue: item.promised,
      promisedLimitUnit: 'working_day',
      data: JSON.stringify({ results: item.results ?? [] }),
      catalogueVersionId: version.id,
    },
  });
}
