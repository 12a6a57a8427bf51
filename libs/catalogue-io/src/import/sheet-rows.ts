import { parseCell } from '../layout/cell-types';
import { columnLetter } from '../layout/column-letter.util';
import type { SheetSpec } from '../layout/catalogue-sheets.layout';
import type { CatalogueImportIssue, SheetTable } from './catalogue-import.types';

export interface CellRef {
  letter: string;
  header: string;
  raw: string;
}

/** A parsed data row with the cells it came from, so later errors can point back at them. */
export interface SheetRow {
  sheet: string;
  row: number;
  values: Record<string, unknown>;
  cells: Map<string, CellRef>;
  failed: Set<string>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** Reads one sheet against its spec: header check, then each non-empty row cell by cell. */
export function readSheetRows(
  spec: SheetSpec,
  table: SheetTable | undefined,
  issues: CatalogueImportIssue[],
): SheetRow[] {
  if (!table) {
    if (!spec.optional)
      issues.push({
        sheet: spec.name,
        row: 1,
        column: '',
        header: '',
        kind: 'missing_sheet',
        expected: `a sheet named ${spec.name}`,
        message: `缺少工作表“${spec.name}”：请按导出的模板保留该工作表及其名称`,
      });
    return [];
  }
  const header = (table.rows[0] ?? []).map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  for (const c of spec.columns) {
    if (!index.has(c.header) && c.required)
      issues.push({
        sheet: spec.name,
        row: 1,
        column: '',
        header: c.header,
        kind: 'missing_column',
        expected: `a column headed ${c.header}`,
        message: `第 1 行缺少必填列“${c.header}”：请补上该列标题（与导出的模板一致）`,
      });
  }
  const rows: SheetRow[] = [];
  for (let r = 1; r < table.rows.length; r++) {
    const cellsText = table.rows[r] ?? [];
    if (cellsText.every((t) => t === undefined || t.trim() === '')) continue;
    const row: SheetRow = { sheet: spec.name, row: r + 1, values: {}, cells: new Map(), failed: new Set() };
    for (const c of spec.columns) {
      const i = index.get(c.header);
      if (i === undefined) continue;
      const raw = (cellsText[i] ?? '').trim();
      const letter = columnLetter(i + 1);
      row.cells.set(c.path, { letter, header: c.header, raw });
      if (raw === '') {
        if (c.required) {
          issues.push({
            sheet: spec.name,
            row: r + 1,
            column: letter,
            header: c.header,
            value: '',
            kind: 'required',
            expected: 'a value (this column is required)',
            message: `“${c.header}”为必填项，不能为空`,
          });
          row.failed.add(c.path);
        }
        continue;
      }
      const parsed = parseCell(c.type, raw);
      if (parsed.ok) setPath(row.values, c.path, parsed.value);
      else {
        issues.push({
          sheet: spec.name,
          row: r + 1,
          column: letter,
          header: c.header,
          value: raw,
          kind: 'bad_cell',
          expected: parsed.expected,
          message: `“${c.header}”填写为“${raw}”，${parsed.message}`,
        });
        row.failed.add(c.path);
      }
    }
    rows.push(row);
  }
  return rows;
}
