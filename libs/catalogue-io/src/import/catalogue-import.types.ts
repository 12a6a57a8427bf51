import type { Catalogue } from '@onewindow/standards';

/** A sheet as rows of cell text; rows[0] is the header row (spreadsheet row 1). */
export interface SheetTable {
  name: string;
  rows: string[][];
}

/** One bad cell: where it is (sheet, 1-based row, Excel column letter + header) and what was expected. */
export interface CatalogueImportIssue {
  sheet: string;
  row: number;
  column: string;
  header: string;
  value?: string;
  expected: string;
}

/** Either the whole catalogue or every problem found — never a partial catalogue. */
export type CatalogueImportResult =
  { ok: true; catalogue: Catalogue } | { ok: false; issues: CatalogueImportIssue[] };
