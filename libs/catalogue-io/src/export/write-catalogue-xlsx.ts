import ExcelJS from 'exceljs';
import type { Catalogue } from '@onewindow/standards';
import { catalogueToTables } from './catalogue-to-tables';

/** XLSX workbook: one worksheet per sheet, bold frozen header, code columns formatted as text so leading zeros survive. */
export async function exportCatalogueXlsx(catalogue: Catalogue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow';
  wb.created = new Date(0); // fixed, so the same catalogue gives the same workbook metadata
  for (const table of catalogueToTables(catalogue)) {
    const ws = wb.addWorksheet(table.spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    table.spec.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.min(40, Math.max(10, c.header.length * 2 + 4));
      if (c.type.kind !== 'int') column.numFmt = '@';
    });
    for (const row of table.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
