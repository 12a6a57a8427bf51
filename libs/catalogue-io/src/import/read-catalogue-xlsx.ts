import ExcelJS from 'exceljs';
import type { CatalogueImportResult, SheetTable } from './catalogue-import.types';
import { parseCatalogueTables } from './parse-catalogue-tables';

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

/** Reads every worksheet into a table of cell text, keeping spreadsheet row numbers. */
export async function readXlsxTables(data: Buffer | Uint8Array): Promise<SheetTable[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    // columnCount scans every row: read it once, not per row.
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

/** Imports an XLSX catalogue: the full catalogue, or every bad cell. A workbook that cannot be read is one issue. */
export async function importCatalogueXlsx(data: Buffer | Uint8Array): Promise<CatalogueImportResult> {
  let tables: SheetTable[];
  try {
    tables = await readXlsxTables(data);
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
  return parseCatalogueTables(tables);
}
