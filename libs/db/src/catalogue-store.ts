import crypto from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { catalogueSchema, itemKey, type Catalogue, type Item } from '@onewindow/standards';
import type { Db } from './create-prisma-client';

export interface CatalogueApplyResult {
  catalogueVersionId: number;
  itemsAdded: number;
  itemsChanged: number;
  itemsUnchanged: number;
}

const json = (value: unknown) => JSON.stringify(value);
/** Keys per `IN (…)` and rows per INSERT: well under SQLite's 32,766 bound variables (an item row has 18). */
const STATEMENT_KEYS = 500;
const STATEMENT_ROWS = 500;
const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const sameJson = (a: string, b: unknown) => a === json(b);

/**
 * Applies a validated catalogue in ONE transaction: departments, materials, certificate types and bundles
 * are upserted; an item whose content changed gets a new version (the old one is superseded, cases that
 * used it keep pointing at it). Either everything applies or nothing does.
 */
export async function applyCatalogue(
  db: Db,
  input: Catalogue,
  meta: { label: string; source: 'seed' | 'import' | 'admin'; createdBy: string },
  /** Told how many entries (departments, materials, types, items, bundles) are written so far, of how many. */
  onProgress?: (written: number, total: number) => void,
): Promise<CatalogueApplyResult> {
  const catalogue = catalogueSchema.parse(input);
  const total =
    catalogue.departments.length +
    catalogue.materials.length +
    catalogue.certificateTypes.length +
    catalogue.items.length +
    catalogue.bundles.length;
  let written = 0;
  // SQLite's driver answers synchronously: without a turn of the event loop between steps, nobody could ask how
  // far the write has come (a progress poll would wait for the end).
  const progress = async (n: number) => {
    written += n;
    if (!onProgress) return;
    onProgress(written, total);
    await nextTurn();
  };
  return db.$transaction(
    async (tx) => {
      const version = await tx.catalogueVersion.create({ data: meta });
      await progress(0);
      for (const d of topologicalDepartments(catalogue.departments)) {
        const data = { name: d.name, parentCode: d.parentCode ?? null, region: d.regionCode };
        await tx.department.upsert({
          where: { code: d.code },
          create: { code: d.code, ...data },
          update: data,
        });
      }
      await progress(catalogue.departments.length);
      for (const m of catalogue.materials) {
        await tx.materialStandard.upsert({
          where: { code: m.code },
          create: { code: m.code, name: m.name, data: json(m) },
          update: { name: m.name, data: json(m) },
        });
      }
      await progress(catalogue.materials.length);
      for (const t of catalogue.certificateTypes) {
        const data = { name: t.name, issuerDeptCode: t.issuerDepartmentCode ?? null, data: json(t) };
        await tx.certificateType.upsert({
          where: { code: t.code },
          create: { code: t.code, ...data },
          update: data,
        });
      }
      await progress(catalogue.certificateTypes.length);
      // Read every item's active row and highest version in a few statements, write the changes in bulk:
      // one statement per item made a 5,000-item import take 100 s.
      const keys = [...new Set(catalogue.items.map(itemKey))];
      const active = new Map<string, { id: string; version: number; data: string }>();
      const latestVersion = new Map<string, number>();
      for (const part of chunks(keys, STATEMENT_KEYS)) {
        const rows = await tx.item.findMany({
          where: { itemKey: { in: part } },
          select: { id: true, itemKey: true, version: true, status: true, data: true },
        });
        for (const row of rows) {
          latestVersion.set(row.itemKey, Math.max(latestVersion.get(row.itemKey) ?? 0, row.version));
          const current = active.get(row.itemKey);
          if (row.status === 'active' && (!current || current.version < row.version))
            active.set(row.itemKey, row);
        }
      }
      let itemsAdded = 0;
      let itemsChanged = 0;
      let itemsUnchanged = 0;
      const superseded: string[] = [];
      const created: ReturnType<typeof itemRow>[] = [];
      for (const item of catalogue.items) {
        const key = itemKey(item);
        const current = active.get(key);
        if (current && sameJson(current.data, { ...item, version: current.version })) {
          itemsUnchanged++;
          continue;
        }
        const latest = latestVersion.get(key);
        const nextVersion = latest !== undefined ? latest + 1 : item.version;
        if (current) superseded.push(current.id);
        created.push(itemRow({ ...item, version: nextVersion }, key, version.id));
        if (current) itemsChanged++;
        else itemsAdded++;
      }
      // The rows there are superseded first, so that a key has one active row at every statement (the schema
      // refuses a key given twice in one catalogue).
      for (const part of chunks(superseded, STATEMENT_KEYS))
        await tx.item.updateMany({ where: { id: { in: part } }, data: { status: 'superseded' } });
      await progress(itemsUnchanged);
      for (const part of chunks(created, STATEMENT_ROWS)) {
        await tx.item.createMany({ data: part });
        await progress(part.length);
      }
      for (const b of catalogue.bundles) {
        const latest = await tx.bundle.findFirst({ where: { code: b.code }, orderBy: { version: 'desc' } });
        if (latest && sameJson(latest.data, b)) continue;
        if (latest) await tx.bundle.updateMany({ where: { code: b.code }, data: { status: 'superseded' } });
        await tx.bundle.create({
          data: { code: b.code, version: (latest?.version ?? 0) + 1, name: b.name, data: json(b) },
        });
      }
      await progress(catalogue.bundles.length);
      return { catalogueVersionId: version.id, itemsAdded, itemsChanged, itemsUnchanged };
    },
    { timeout: 120_000 },
  );
}

function itemRow(item: Item, key: string, catalogueVersionId: number) {
  return {
    id: `${key}@${item.version}-${crypto.randomBytes(3).toString('hex')}`,
    itemKey: key,
    basicCode: item.basicCode,
    implementationCode: item.implementationCode,
    handlingItemCode: item.handlingItemCode ?? null,
    localCode: item.localImplementationCode ?? null,
    name: item.name,
    itemType: item.itemType,
    departmentCode: item.departmentCode,
    version: item.version,
    statutoryLimitValue: item.statutoryLimit.value,
    statutoryLimitUnit: item.statutoryLimit.unit,
    promisedLimitValue: item.promisedLimit.value,
    promisedLimitUnit: item.promisedLimit.unit,
    onTheSpot: item.handlingType === '1',
    data: json(item),
    catalogueVersionId,
  };
}

/** Parents before children, so the department tree's foreign key holds at every insert. */
function topologicalDepartments<T extends { code: string; parentCode?: string }>(departments: T[]): T[] {
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (d: T) => {
    if (done.has(d.code)) return;
    done.add(d.code);
    const parent = d.parentCode ? byCode.get(d.parentCode) : undefined;
    if (parent) visit(parent);
    out.push(d);
  };
  departments.forEach(visit);
  return out;
}

/** The active catalogue as stored (every active item version, all departments, materials, types, bundles). */
export async function loadActiveCatalogue(db: Db): Promise<Catalogue> {
  const [departments, materials, certificateTypes, items, bundles] = await Promise.all([
    db.department.findMany({ orderBy: { code: 'asc' } }),
    db.materialStandard.findMany({ orderBy: { code: 'asc' } }),
    db.certificateType.findMany({ orderBy: { code: 'asc' } }),
    db.item.findMany({ where: { status: 'active' }, orderBy: { itemKey: 'asc' } }),
    db.bundle.findMany({ where: { status: 'active' }, orderBy: { code: 'asc' } }),
  ]);
  return {
    departments: departments.map((d) => ({
      code: d.code,
      name: d.name,
      regionCode: d.region,
      ...(d.parentCode ? { parentCode: d.parentCode } : {}),
    })),
    materials: materials.map((m) => JSON.parse(m.data)),
    certificateTypes: certificateTypes.map((t) => JSON.parse(t.data)),
    items: items.map((i) => JSON.parse(i.data)),
    bundles: bundles.map((b) => JSON.parse(b.data)),
  } as Catalogue;
}
