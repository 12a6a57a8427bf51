export type {
  SheetTable,
  CatalogueImportIssue,
  CatalogueIssueKind,
  CatalogueImportResult,
  ImportProgress,
  ImportProgressListener,
} from './import/catalogue-import.types';
export { parseCatalogueTables, formatImportIssues } from './import/parse-catalogue-tables';
export { importCatalogueXlsx, readXlsxTables } from './import/read-catalogue-xlsx';
export { importCatalogueCsv, importCatalogueCsvWithProgress } from './import/read-catalogue-csv';
export { exportCatalogueXlsx } from './export/write-catalogue-xlsx';
export { exportCatalogueCsv } from './export/write-catalogue-csv';
export { catalogueToTables, type OutputTable } from './export/catalogue-to-tables';
export {
  CATALOGUE_SHEETS,
  SHEET,
  ITEM_KEY_HEADER,
  sheetSpec,
  type SheetSpec,
  type ColumnSpec,
} from './layout/catalogue-sheets.layout';
export { type CellType } from './layout/cell-types';
export { columnLetter } from './layout/column-letter.util';
