import type { Request } from 'express';
import { z } from 'zod';
import type { CatalogueImportIssue } from '@onewindow/catalogue-io';
import { parse } from '../http/parse';
import { ProblemError, ProblemType } from '../http/problem';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * The CSV sheets as JSON under their own type: the app-wide JSON parser (1 MiB) leaves it to the import routes,
 * which read it up to the workbook's limit (a 5,000-item catalogue's sheets are ~3.5 MB). Plain application/json
 * is still taken, up to the app-wide limit.
 */
export const CSV_JSON = 'application/vnd.onewindow.catalogue-csv+json';

const csvImportSchema = z.strictObject({
  format: z.literal('csv'),
  /** One CSV text per sheet, keyed by file name (部门.csv, 证照类型.csv, 材料.csv, 事项.csv, …) as the export gives them. */
  files: z.record(z.string(), z.string()),
});

/** A catalogue file as uploaded: one XLSX workbook (the raw body), or the sheets' CSV texts by file name. */
export type CatalogueUpload = { kind: 'xlsx'; body: Buffer } | { kind: 'csv'; files: Record<string, string> };

/** The upload in a request's body; an empty workbook or a body of neither kind is a 400. */
export function catalogueUpload(req: Request): CatalogueUpload {
  if (req.is(XLSX)) {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0)
      throw badImport('The XLSX body is empty: send the workbook as the request body');
    return { kind: 'xlsx', body: req.body };
  }
  const body = parse(
    csvImportSchema,
    req.body,
    'CSV import (JSON: { format: "csv", files: { <sheet>: <csv text> } })',
  );
  return { kind: 'csv', files: body.files };
}

export const badImport = (detail: string, status = 400) =>
  new ProblemError(status, ProblemType.validation, 'Invalid request', detail);

/**
 * One import issue as a problem error: `sheet!cell` and, in Chinese, what is wrong there and how to fix it. What
 * concerns a whole sheet (missing, not well-formed CSV) or the whole file has no cell: its path is the sheet's
 * name, or "file". A missing sheet and an unreadable workbook also carry a code (catalogue.missingSheet,
 * catalogue.unreadable), from the issue's kind.
 */
export function importError(i: CatalogueImportIssue): {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string>;
} {
  if (i.column !== '' || i.header !== '')
    return {
      path: `${i.sheet}!${i.column}${i.row}`,
      // A rule of the standards does not name the column: the header says which one.
      message:
        i.kind === 'rule' ? `${i.header}${i.value ? `（“${i.value}”）` : ''}：${i.message}` : i.message,
    };
  const error = { path: i.sheet || 'file', message: i.message };
  switch (i.kind) {
    case 'missing_sheet':
      return { ...error, code: 'catalogue.missingSheet', params: { sheet: i.sheet } };
    case 'unreadable':
      return i.sheet ? error : { ...error, code: 'catalogue.unreadable' };
    case 'missing_column':
    case 'required':
    case 'bad_cell':
    case 'rule':
      return error;
  }
}
