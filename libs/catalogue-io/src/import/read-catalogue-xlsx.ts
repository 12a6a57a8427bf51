import ExcelJS from 'exceljs';
import {
  nextTurn,
  type CatalogueImportResult,
  type ImportProgressListener,
  type SheetTable,
} from './catalogue-import.types';
import { parseCatalogueTables, parseCatalogueTablesWithProgress } from './parse-catalogue-tables';

/** Rows read between two turns of the event loop when progress is reported. */
const ROWS_PER_TURN = 2_000;

/** Cell text as staff see it: rich text joined, formulas by their result, numbers/dates as plain text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/**
 * Reads every worksheet into a table of cell text, keeping spreadsheet row numbers. With `onProgress`, it is told
 * the rows read (total unknown until the workbook is unzipped) and the event loop runs every ROWS_PER_TURN rows.
 */
export async function readXlsxTables(
  data: Buffer | Uint8Array,
  onProgress?: ImportProgressListener,
): Promise<SheetTable[]> {
  onProgress?.({ phase: 'parse', done: 0, total: null });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  const total = wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0);
  let done = 0;
  const tables: SheetTable[] = [];
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    // columnCount scans every row: read it once, not per row.
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
      if (onProgress && ++done % ROWS_PER_TURN === 0) {
        onProgress({ phase: 'parse', done, total });
        await nextTurn();
      }
    }
    tables.push({ name: ws.name, rows });
  }
  onProgress?.({ phase: 'parse', done: total, total });
  return tables;
}

/**
 * Imports an XLSX catalogue: the full catalogue, or every bad cell. A workbook that cannot be read is one issue.
 * With `onProgress`: told how far reading and checking are, the event loop free between slices of the work.
 */
export async function importCatalogueXlsx(
  data: Buffer | Uint8Array,
  onProgress?: ImportProgressListener,
): Promise<CatalogueImportResult> {
  let tables: SheetTable[];
  try {
    tables = await readXlsxTables(data, onProgress);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          sheet: '',
          row: 0,
          column: '',
          header: '',
          kind: 'unreadable',
          expected: `a readable .xlsx workbook (${(e as Error).message})`,
          message: `不是可读取的 .xlsx 工作簿（${(e as Error).message}）：请用 Excel 或 WPS 另存为 .xlsx 后再导入`,
        },
      ],
    };
  }
  return onProgress ? parseCatalogueTablesWithProgress(tables, onProgress) : parseCatalogueTables(tables);
}
