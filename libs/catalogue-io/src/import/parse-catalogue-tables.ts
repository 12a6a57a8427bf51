import { catalogueSchema, type StandardMaterial } from '@onewindow/standards';
import type { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import { CATALOGUE_SHEETS, SHEET } from '../layout/catalogue-sheets.layout';
import {
  nextTurn,
  type CatalogueImportIssue,
  type CatalogueImportResult,
  type ImportProgressListener,
  type SheetTable,
} from './catalogue-import.types';
import { readSheetRows, type SheetRow } from './sheet-rows';

interface Origin {
  row: SheetRow;
  fallbackPath: string;
}

type Obj = Record<string, unknown>;
type ItemRow = Obj & { fees: Obj & { items: Obj[] }; results: Obj[]; materials: Obj[] };
type BundleRow = Obj & { items: Obj[]; form: Obj[] };

function issueAt(row: SheetRow, path: string, expected: string, message: string): CatalogueImportIssue {
  const cell = row.cells.get(path);
  return {
    kind: 'rule',
    sheet: row.sheet,
    row: row.row,
    column: cell?.letter ?? '',
    header: cell?.header ?? path,
    value: cell?.raw,
    expected,
    message,
  };
}

const zodChinese = zhCN().localeError;

/**
 * A schema issue in Chinese: the standards' own rules carry it (`params.zh`); zod's built-in checks get zod's
 * zh-CN wording; a rule without a Chinese text keeps its English after a Chinese lead.
 */
function chineseOf(issue: z.core.$ZodIssue): string {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof zh === 'string') return zh;
  if (issue.code !== 'custom') {
    const text = zodChinese(issue as unknown as z.core.$ZodRawIssue);
    const said = typeof text === 'string' ? text : text?.message;
    if (said) return `${said}（${issue.message}）`;
  }
  return `不符合目录标准：${issue.message}`;
}

/** Points a schema issue at the cell it came from: the longest path prefix with a known row, then the matching column. */
function locate(
  origins: Map<string, Origin>,
  path: PropertyKey[],
): { origin: Origin; columnPath: string } | undefined {
  for (let n = path.length; n > 0; n--) {
    const origin = origins.get(path.slice(0, n).map(String).join('.'));
    if (!origin) continue;
    const rest = path.slice(n).map(String).join('.');
    const columns = [...origin.row.cells.keys()];
    const exact = columns.find((c) => c === rest || rest.startsWith(c + '.'));
    const sameField = columns.find((c) => rest !== '' && c.split('.')[0] === rest.split('.')[0]);
    return { origin, columnPath: exact ?? sameField ?? origin.fallbackPath };
  }
  return undefined;
}

const tablesByName = (tables: SheetTable[]) =>
  new Map(tables.map((t) => [t.name.replace(/\.csv$/i, '').trim(), t]));

/**
 * Turns sheet tables into a validated catalogue, or into the full list of bad cells.
 * Cell-level errors and schema/cross-reference errors are both reported, one per cell.
 */
export function parseCatalogueTables(tables: SheetTable[]): CatalogueImportResult {
  const issues: CatalogueImportIssue[] = [];
  const byName = tablesByName(tables);
  const rows = Object.fromEntries(
    CATALOGUE_SHEETS.map((s) => [s.name, readSheetRows(s, byName.get(s.name), issues)]),
  ) as Record<string, SheetRow[]>;
  return checkSheetRows(rows, issues);
}

/**
 * parseCatalogueTables, one sheet at a time with the event loop free in between: `onProgress` is told how many
 * data rows are checked, of how many (the cross-references of the whole catalogue are checked last).
 */
export async function parseCatalogueTablesWithProgress(
  tables: SheetTable[],
  onProgress: ImportProgressListener,
): Promise<CatalogueImportResult> {
  const issues: CatalogueImportIssue[] = [];
  const byName = tablesByName(tables);
  const total = CATALOGUE_SHEETS.reduce(
    (n, s) => n + Math.max(0, (byName.get(s.name)?.rows.length ?? 1) - 1),
    0,
  );
  let done = 0;
  onProgress({ phase: 'validate', done, total });
  const rows: Record<string, SheetRow[]> = {};
  for (const spec of CATALOGUE_SHEETS) {
    await nextTurn();
    const table = byName.get(spec.name);
    rows[spec.name] = readSheetRows(spec, table, issues);
    done += Math.max(0, (table?.rows.length ?? 1) - 1);
    // The rows of the last sheet count once the whole catalogue has been checked.
    if (done < total) onProgress({ phase: 'validate', done, total });
  }
  await nextTurn();
  const result = checkSheetRows(rows, issues);
  onProgress({ phase: 'validate', done: total, total });
  return result;
}

/** The rows read and every cell-level issue so far: the catalogue they make, or every issue. */
function checkSheetRows(
  rows: Record<string, SheetRow[]>,
  issues: CatalogueImportIssue[],
): CatalogueImportResult {
  const origins = new Map<string, Origin>();

  const top = (sheet: string, key: string, fallbackPath: string) =>
    rows[sheet].map((r, i) => {
      origins.set(`${key}.${i}`, { row: r, fallbackPath });
      return r.values;
    });
  const departments = top(SHEET.departments, 'departments', 'code');
  const certificateTypes = top(SHEET.certificateTypes, 'certificateTypes', 'code');
  const materials = top(SHEET.materials, 'materials', 'code');
  const items = top(SHEET.items, 'items', 'implementationCode').map((v) => {
    const fees = (v.fees ?? {}) as Obj;
    const item: ItemRow = { ...v, fees: { ...fees, items: [] }, results: [], materials: [] };
    return item;
  });
  const bundles = top(SHEET.bundles, 'bundles', 'code').map((v): BundleRow => ({
    ...v,
    items: [],
    form: [],
  }));

  const itemIndex = new Map<string, number>();
  items.forEach((it, i) => {
    const key = (it.handlingItemCode ?? it.implementationCode) as string | undefined;
    if (key !== undefined && !itemIndex.has(key)) itemIndex.set(key, i);
  });
  const bundleIndex = new Map<string, number>();
  bundles.forEach((b, i) => {
    if (typeof b.code === 'string' && !bundleIndex.has(b.code)) bundleIndex.set(b.code, i);
  });
  const materialByCode = new Map<string, Obj>();
  materials.forEach((m) => {
    if (typeof m.code === 'string' && !materialByCode.has(m.code)) materialByCode.set(m.code, m);
  });

  /** Attaches child rows to their parent by key column; an unknown key is a bad cell. */
  const attach = (
    sheet: string,
    keyPath: string,
    index: Map<string, number>,
    parentSheet: string,
    add: (row: SheetRow, parent: number) => void,
  ) => {
    for (const r of rows[sheet]) {
      const key = r.values[keyPath] as string | undefined;
      if (key === undefined) continue;
      const parent = index.get(key);
      if (parent === undefined)
        issues.push(
          issueAt(
            r,
            keyPath,
            `a code listed on sheet ${parentSheet}`,
            `编码不在工作表“${parentSheet}”中：请先在该表登记，或改正编码`,
          ),
        );
      else add(r, parent);
    }
  };

  attach(SHEET.itemFees, 'itemCode', itemIndex, SHEET.items, (r, i) => {
    const { itemCode: _k, ...fee } = r.values;
    origins.set(`items.${i}.fees.items.${items[i].fees.items.length}`, { row: r, fallbackPath: 'itemCode' });
    items[i].fees.items.push(fee);
  });
  attach(SHEET.itemResults, 'itemCode', itemIndex, SHEET.items, (r, i) => {
    const { itemCode: _k, ...result } = r.values;
    origins.set(`items.${i}.results.${items[i].results.length}`, { row: r, fallbackPath: 'itemCode' });
    items[i].results.push(result);
  });
  attach(SHEET.itemMaterials, 'itemCode', itemIndex, SHEET.items, (r, i) => {
    const { itemCode: _k, ...req } = r.values;
    const std = materialByCode.get(req.code as string) as Partial<StandardMaterial> | undefined;
    if (req.code !== undefined && !std)
      return void issues.push(
        issueAt(
          r,
          'code',
          `a 材料编码 listed on sheet ${SHEET.materials}`,
          `材料编码不在工作表“${SHEET.materials}”中：请先在该表登记，或改正编码`,
        ),
      );
    origins.set(`items.${i}.materials.${items[i].materials.length}`, { row: r, fallbackPath: 'code' });
    // Descriptive fields come from the standard material; blank form/sample may be set per item.
    const { illustrative: _i, notes: _n, ...descriptive } = std ?? {};
    items[i].materials.push({ ...descriptive, ...req });
  });
  attach(SHEET.bundleItems, 'bundleCode', bundleIndex, SHEET.bundles, (r, i) => {
    const { bundleCode: _k, ...bi } = r.values;
    origins.set(`bundles.${i}.items.${bundles[i].items.length}`, { row: r, fallbackPath: 'itemCode' });
    bundles[i].items.push(bi);
  });
  attach(SHEET.bundleForm, 'bundleCode', bundleIndex, SHEET.bundles, (r, i) => {
    const { bundleCode: _k, ...field } = r.values;
    origins.set(`bundles.${i}.form.${bundles[i].form.length}`, { row: r, fallbackPath: 'key' });
    bundles[i].form.push(field);
  });

  // reportInput: zod's Chinese wording of a wrong type names what was given.
  const parsed = catalogueSchema.safeParse(
    { departments, certificateTypes, materials, items, bundles },
    { reportInput: true },
  );
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const where = locate(origins, zi.path);
      if (!where) {
        issues.push({
          kind: 'rule',
          sheet: '',
          row: 0,
          column: '',
          header: '',
          expected: `${zi.path.join('.')}: ${zi.message}`,
          message: `${zi.path.join('.')}：${chineseOf(zi)}`,
        });
        continue;
      }
      if (where.origin.row.failed.has(where.columnPath)) continue; // already reported as a bad cell
      issues.push(issueAt(where.origin.row, where.columnPath, zi.message, chineseOf(zi)));
    }
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(dedupe(issues)) };
  if (!parsed.success) throw new Error('unreachable: schema failed without issues');
  return { ok: true, catalogue: parsed.data };
}

function dedupe(issues: CatalogueImportIssue[]): CatalogueImportIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.sheet}|${i.row}|${i.column}|${i.header}|${i.expected}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const sheetOrder = (name: string) => CATALOGUE_SHEETS.findIndex((s) => s.name === name);
const columnOrder = (letter: string) =>
  letter.length * 1000 + (letter.length ? letter.charCodeAt(letter.length - 1) : 0);

function sortIssues(issues: CatalogueImportIssue[]): CatalogueImportIssue[] {
  return [...issues].sort(
    (a, b) =>
      sheetOrder(a.sheet) - sheetOrder(b.sheet) ||
      a.row - b.row ||
      columnOrder(a.column) - columnOrder(b.column),
  );
}

/** One line per issue, e.g. `事项!M7 (法定办结时限) '二十': expected a whole number`. */
export function formatImportIssues(issues: CatalogueImportIssue[]): string {
  return issues
    .map(
      (i) =>
        `${i.sheet}!${i.column}${i.row} (${i.header})${i.value ? ` '${i.value}'` : ''}: expected ${i.expected}`,
    )
    .join('\n');
}
