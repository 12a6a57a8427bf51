import type { Db } from '@onewindow/db';
import { itemSchema, type Item } from '@onewindow/standards';
import type { ItemSummary } from '@onewindow/contracts';

export interface ItemSearch {
  q?: string;
  department?: string;
  type?: string;
  page: number;
  pageSize: number;
}

/** Active items matching a name fragment or a code prefix, ordered by name; served by the (status, name) index. */
export async function searchItems(db: Db, search: ItemSearch): Promise<{ total: number; items: ItemSummary[] }> {
  const q = search.q?.trim();
  const where = {
    status: 'active',
    ...(search.department ? { departmentCode: search.department } : {}),
    ...(search.type ? { itemType: search.type } : {}),
    ...(q
      ? { OR: [{ name: { contains: q } }, { itemKey: { startsWith: q } }, { basicCode: { startsWith: q } }, { localCode: { startsWith: q } }] }
      : {}),
  };
  const [total, rows, departments] = await Promise.all([
    db.item.count({ where }),
    db.item.findMany({
      where,
      orderBy: [{ name: 'asc' }, { itemKey: 'asc' }],
      skip: (search.page - 1) * search.pageSize,
      take: search.pageSize,
      omit: { data: true },
    }),
    db.department.findMany({ select: { code: true, name: true } }),
  ]);
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return {
    total,
    items: rows.map((r) => ({
      itemKey: r.itemKey,
      implementationCode: r.implementationCode,
      handlingItemCode: r.handlingItemCode,
      basicCode: r.basicCode,
      name: r.name,
      itemType: r.itemType,
      departmentCode: r.departmentCode,
      departmentName: names.get(r.departmentCode) ?? r.departmentCode,
      statutoryLimit: { value: r.statutoryLimitValue, unit: r.statutoryLimitUnit },
      promisedLimit: { value: r.promisedLimitValue, unit: r.promisedLimitUnit },
      onTheSpot: r.onTheSpot,
      version: r.version,
    })),
  };
}

/** The active versions of the given item keys, in the order asked; the missing keys are returned too. */
export async function activeItems(db: Db, keys: string[]): Promise<{ items: Item[]; missing: string[] }> {
  const rows = await db.item.findMany({ where: { itemKey: { in: keys }, status: 'active' } });
  const byKey = new Map(rows.map((r) => [r.itemKey, itemSchema.parse(JSON.parse(r.data))]));
  return { items: keys.flatMap((k) => byKey.get(k) ?? []), missing: keys.filter((k) => !byKey.has(k)) };
}
