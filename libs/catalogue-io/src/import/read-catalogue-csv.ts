import { parse } from 'csv-parse/sync';
import {
  nextTurn,
  type CatalogueImportIssue,
  type CatalogueImportResult,
  type ImportProgressListener,
  type SheetTable,
} from './catalogue-import.types';
import { parseCatalogueTables, parseCatalogueTablesWithProgress } from './parse-catalogue-tables';

/**
 * Imports a catalogue kept as one CSV per sheet: keys are sheet names (`事项` or `事项.csv`), values the CSV text.
 * Row numbers count CSV records, header = row 1.
 */
export function importCatalogueCsv(files: Record<string, string>): CatalogueImportResult {
  const read = readCsvFiles(Object.entries(files));
  return 'issues' in read ? { ok: false, issues: read.issues } : parseCatalogueTables(read.tables);
}

/**
 * importCatalogueCsv with progress: `onProgress` is told the files read (parse) and then the rows checked
 * (validate), the event loop free between files and sheets.
 */
export async function importCatalogueCsvWithProgress(
  files: Record<string, string>,
  onProgress: ImportProgressListener,
): Promise<CatalogueImportResult> {
  const read = await readCsvTables(files, onProgress);
  return 'issues' in read
    ? { ok: false, issues: read.issues }
    : parseCatalogueTablesWithProgress(read.tables, onProgress);
}

async function readCsvTables(
  files: Record<string, string>,
  onProgress: ImportProgressListener,
): Promise<{ tables: SheetTable[] } | { issues: CatalogueImportIssue[] }> {
  const entries = Object.entries(files);
  const tables: SheetTable[] = [];
  const issues: CatalogueImportIssue[] = [];
  for (const [i, entry] of entries.entries()) {
    onProgress({ phase: 'parse', done: i, total: entries.length });
    await nextTurn();
    const read = readCsvFiles([entry]);
    if ('issues' in read) issues.push(...read.issues);
    else tables.push(...read.tables);
  }
  onProgress({ phase: 'parse', done: entries.length, total: entries.length });
  return issues.length > 0 ? { issues } : { tables };
}

function readCsvFiles(
  entries: [string, string][],
): { tables: SheetTable[] } | { issues: CatalogueImportIssue[] } {
  const tables: SheetTable[] = [];
  const issues: CatalogueImportIssue[] = [];
  for (const [name, text] of entries) {
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
  return issues.length > 0 ? { issues } : { tables };
}
