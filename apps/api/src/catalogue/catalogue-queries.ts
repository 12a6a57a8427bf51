import { Prisma, type Db } from '@onewindow/db';
import { itemSchema, type Item } from '@onewindow/standards';
import type { CatalogueItemDetail, ItemSummary } from '@onewindow/contracts';

export interface ItemSearch {
  q?: string;
  department?: string;
  type?: string;
  page: number;
  pageSize: number;
}

interface ItemSearchRow {
  itemKey: string;
  implementationCode: string;
  handlingItemCode: string | null;
  basicCode: string;
  name: string;
  itemType: string;
  departmentCode: string;
  departmentName: string | null;
  statutoryLimitValue: number;
  statutoryLimitUnit: string;
  promisedLimitValue: number;
  promisedLimitUnit: string;
  onTheSpot: boolean | number;
  version: number;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active items matching a name fragment or a code prefix, ordered by name: one page of rows (with the
 * department name) and the total as a separate COUNT. Not COUNT(*) OVER (): the window makes SQLite
 * materialise and sort every matching row with its join (browsing 5,000 items: p50 ~10 ms instead of <1 ms).
 * The SQL is portable between SQLite and PostgreSQL.
 */
export async function searchItems(
  db: Db,
  search: ItemSearch,
): Promise<{ total: number; items: ItemSummary[] }> {
  const q = search.q?.trim();
  const conditions: Prisma.Sql[] = [Prisma.sql`i."status" = 'active'`];
  if (search.department) conditions.push(Prisma.sql`i."departmentCode" = ${search.department}`);
  if (search.type) conditions.push(Prisma.sql`i."itemType" = ${search.type}`);
  if (q) {
    const fragment = `%${likeEscape(q)}%`;
    const prefix = `${likeEscape(q)}%`;
    conditions.push(
      Prisma.sql`(i."name" LIKE ${fragment} ESCAPE '\\' OR i."itemKey" LIKE ${prefix} ESCAPE '\\' OR i."basicCode" LIKE ${prefix} ESCAPE '\\' OR i."localCode" LIKE ${prefix} ESCAPE '\\')`,
    );
  }
  const where = Prisma.join(conditions, ' AND ');
  const [rows, counted] = await Promise.all([
    db.$queryRaw<ItemSearchRow[]>`
      SELECT i."itemKey", i."implementationCode", i."handlingItemCode", i."basicCode", i."name", i."itemType",
             i."departmentCode", d."name" AS "departmentName", i."statutoryLimitValue", i."statutoryLimitUnit",
             i."promisedLimitValue", i."promisedLimitUnit", i."onTheSpot", i."version"
      FROM "Item" i LEFT JOIN "Department" d ON d."code" = i."departmentCode"
      WHERE ${where}
      ORDER BY i."name", i."itemKey"
      LIMIT ${search.pageSize} OFFSET ${(search.page - 1) * search.pageSize}`,
    db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "Item" i WHERE ${where}`,
  ]);
  return {
    total: Number(counted[0].n),
    items: rows.map((r) => ({
      itemKey: r.itemKey,
      implementationCode: r.implementationCode,
      handlingItemCode: r.handlingItemCode,
      basicCode: r.basicCode,
      name: r.name,
      itemType: r.itemType,
      departmentCode: r.departmentCode,
      departmentName: r.departmentName ?? r.departmentCode,
      statutoryLimit: { value: Number(r.statutoryLimitValue), unit: r.statutoryLimitUnit },
      promisedLimit: { value: Number(r.promisedLimitValue), unit: r.promisedLimitUnit },
      onTheSpot: Boolean(r.onTheSpot),
      version: Number(r.version),
    })),
  };
}

/** The active versions of the given item keys, in the order asked; the missing keys are returned too. */
export async function activeItems(db: Db, keys: string[]): Promise<{ items: Item[]; missing: string[] }> {
  const rows = await db.item.findMany({ where: { itemKey: { in: keys }, status: 'active' } });
  const byKey = new Map(rows.map((r) => [r.itemKey, itemSchema.parse(JSON.parse(r.data))]));
  return { items: keys.flatMap((k) => byKey.get(k) ?? []), missing: keys.filter((k) => !byKey.has(k)) };
}

/** An item's active version with every version's number, status and date; undefined when none is active. */
export async function itemDetail(db: Db, key: string): Promise<CatalogueItemDetail | undefined> {
  const versions = await db.item.findMany({ where: { itemKey: key }, orderBy: { version: 'asc' } });
  const active = versions.find((v) => v.status === 'active');
  if (!active) return undefined;
  const department = await db.department.findUnique({ where: { code: active.departmentCode } });
  return {
    item: itemSchema.parse(JSON.parse(active.data)),
    departmentName: department?.name ?? active.departmentCode,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** The active version of an item: its key and version number (throws Prisma's not-found error if none). */
export function activeVersionOf(db: Db, key: string) {
  return db.item.findFirstOrThrow({
    where: { itemKey: key, status: 'active' },
    select: { itemKey: true, version: true },
  });
}

/** Every department, by code. */
export async function listDepartments(db: Db) {
  const departments = await db.department.findMany({ orderBy: { code: 'asc' } });
  return departments.map((d) => ({
    code: d.code,
    name: d.name,
    parentCode: d.parentCode,
    regionCode: d.region,
  }));
}
