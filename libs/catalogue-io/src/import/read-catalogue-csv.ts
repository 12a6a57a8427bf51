import { parse } from 'csv-parse/sync';
import type { CatalogueImportIssue, CatalogueImportResult, SheetTable } from './catalogue-import.types';
import { parseCatalogueTables } from './parse-catalogue-tables';

/**
 * Imports a catalogue kept as one CSV per sheet: keys are sheet names (`事项` or `事项.csv`), values the CSV text.
 * Row numbers count CSV records, header = row 1.
 */
export function importCatalogueCsv(files: Record<string, string>): CatalogueImportResult {
  const tables: SheetTable[] = [];
  const issues: CatalogueImportIssue[] = [];
  for (const [name, text] of Object.entries(files)) {
    const sheet = name.replace(/\.csv$/i, '');
    try {
      tables.push({
        name: sheet,
        rows: parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][],
      });
    } catch (e) {
      issues.push({
        sheet,
        row: (e as { lines?: number }).lines ?? 0,
        column: '',
        header: '',
        kind: 'unreadable',
        expected: `well-formed CSV (${(e as Error).message})`,
        message: `CSV 文件“${name}”格式有误，无法读取（${(e as Error).message}）：请用“导出 CSV”得到的文件修改后再导入`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return parseCatalogueTables(tables);
}
