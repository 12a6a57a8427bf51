import type { Catalogue } from '@onewindow/standards';

/** A sheet as rows of cell text; rows[0] is the header row (spreadsheet row 1). */
export interface SheetTable {
  name: string;
  rows: string[][];
}

/**
 * What kind of problem an issue is: a whole sheet or column missing, a required cell empty, a cell that does not
 * parse, a rule of the standards schemas, a file that cannot be read (workbook or CSV).
 */
export type CatalogueIssueKind =
  'missing_sheet' | 'missing_column' | 'required' | 'bad_cell' | 'rule' | 'unreadable';

/** One bad cell: where it is (sheet, 1-based row, Excel column letter + header) and what was expected. */
export interface CatalogueImportIssue {
  kind: CatalogueIssueKind;
  sheet: string;
  row: number;
  column: string;
  header: string;
  value?: string;
  /** What was expected, in English (formatImportIssues, logs). */
  expected: string;
  /** The same in Chinese, for the administrator: what is wrong and how to fix it. */
  message: string;
}

/** Either the whole catalogue or every problem found — never a partial catalogue. */
export type CatalogueImportResult =
  { ok: true; catalogue: Catalogue } | { ok: false; issues: CatalogueImportIssue[] };

/**
 * How far an import has come: reading the file (`parse`: rows read, total unknown while a workbook is unzipped) or
 * checking it against the standards (`validate`: data rows checked).
 */
export interface ImportProgress {
  phase: 'parse' | 'validate';
  done: number;
  total: number | null;
}
export type ImportProgressListener = (progress: ImportProgress) => void;

/** Lets the event loop answer other requests (a progress poll) between two slices of a long import. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
