import express, { Router } from 'express';
import { z } from 'zod';
import {
  exportCatalogueCsv,
  exportCatalogueXlsx,
  importCatalogueCsv,
  importCatalogueXlsx,
  type CatalogueImportIssue,
  type CatalogueImportResult,
} from '@onewindow/catalogue-io';
import { applyCatalogue, loadActiveCatalogue } from '@onewindow/db';
import { itemKey, type Catalogue } from '@onewindow/standards';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { ProblemError, ProblemType } from '../http/problem';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const csvImportSchema = z.strictObject({
  format: z.literal('csv'),
  /** One CSV text per sheet, keyed by file name (部门.csv, 证照类型.csv, 材料.csv, 事项.csv, …) as the export gives them. */
  files: z.record(z.string(), z.string()),
});
const importQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
const exportQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv'], { error: 'format must be xlsx or csv' }).default('xlsx'),
  sheet: z.string().optional(),
});

/** Spreadsheet import/export for staff who keep catalogues in Excel; an import applies fully or not at all. */
export function catalogueIoRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post(
    '/catalogue/import',
    authorize('catalogue.write'),
    express.raw({ type: XLSX, limit: '20mb' }),
    async (req, res) => {
      const query = parse(importQuerySchema, req.query, 'query string');
      let result: CatalogueImportResult;
      if (req.is(XLSX)) {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw badImport('The XLSX body is empty: send the workbook as the request body');
        result = await importCatalogueXlsx(req.body).catch((error: Error) => {
          throw badImport(`The body is not a readable XLSX workbook (${error.message})`);
        });
      } else {
        const body = parse(
          csvImportSchema,
          req.body,
          'CSV import (JSON: { format: "csv", files: { <sheet>: <csv text> } })',
        );
        result = importCatalogueCsv(body.files);
      }
      if (!result.ok) {
        const errors = result.issues.map(importError);
        throw new ProblemError(
          422,
          ProblemType.validation,
          '目录未导入',
          `未导入任何内容：${errors.length} 处需要修改，见下列各项（工作表!单元格）。`,
          errors,
        );
      }
      if (query.dryRun === 'true') {
        res.json({
          applied: false,
          items: result.catalogue.items.length,
          bundles: result.catalogue.bundles.length,
          ...itemChanges(await loadActiveCatalogue(deps.db), result.catalogue),
        });
        return;
      }
      const applied = await applyCatalogue(deps.db, result.catalogue, {
        label: 'spreadsheet import',
        source: 'import',
        createdBy: signedInUser(req).username,
      });
      res.json({ applied: true, ...applied });
    },
  );

  router.get('/catalogue/export', authorize('public.lookup'), async (req, res) => {
    const query = parse(exportQuerySchema, req.query, 'query string');
    const catalogue = await loadActiveCatalogue(deps.db);
    if (query.format === 'xlsx') {
      res
        .type(XLSX)
        .attachment('onewindow-catalogue.xlsx')
        .send(await exportCatalogueXlsx(catalogue));
      return;
    }
    const files = exportCatalogueCsv(catalogue);
    if (!query.sheet) {
      res.json({ format: 'csv', files });
      return;
    }
    const csv = files[query.sheet] ?? files[`${query.sheet}.csv`];
    if (csv === undefined)
      throw badImport(`No sheet "${query.sheet}"; sheets are: ${Object.keys(files).join(', ')}`, 404);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${encodeURIComponent(query.sheet)}.csv`)
      .send(csv);
  });

  return router;
}

/**
 * What an import would do to the items, by the rule applyCatalogue applies: an item whose key is not active is
 * added; one whose content (its version aside) differs from the active version gets a new version.
 */
function itemChanges(active: Catalogue, next: Catalogue) {
  const activeByKey = new Map(active.items.map((item) => [itemKey(item), JSON.stringify(item)]));
  const added: { itemKey: string; name: string }[] = [];
  const changed: { itemKey: string; name: string }[] = [];
  for (const item of next.items) {
    const key = itemKey(item);
    const current = activeByKey.get(key);
    if (current === undefined) added.push({ itemKey: key, name: item.name });
    else {
      const { version } = JSON.parse(current) as { version: number };
      if (current !== JSON.stringify({ ...item, version })) changed.push({ itemKey: key, name: item.name });
    }
  }
  return {
    itemsAdded: added.length,
    itemsChanged: changed.length,
    itemsUnchanged: next.items.length - added.length - changed.length,
    added,
    changed,
  };
}

/**
 * One import issue as a problem error: `sheet!cell` and, in Chinese, what is wrong there and how to fix it. What
 * concerns a whole sheet (missing, not well-formed CSV) or the whole file has no cell: its path is the sheet's
 * name, or "file". A missing sheet and an unreadable workbook also carry a code (catalogue.missingSheet,
 * catalogue.unreadable), from the issue's kind.
 */
function importError(i: CatalogueImportIssue) {
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

const badImport = (detail: string, status = 400) =>
  new ProblemError(status, ProblemType.validation, 'Invalid request', detail);
