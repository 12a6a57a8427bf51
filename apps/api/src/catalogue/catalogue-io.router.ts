import express, { Router } from 'express';
import { z } from 'zod';
import {
  exportCatalogueCsv,
  exportCatalogueXlsx,
  importCatalogueCsv,
  importCatalogueXlsx,
  type CatalogueImportResult,
} from '@onewindow/catalogue-io';
import { applyCatalogue, loadActiveCatalogue } from '@onewindow/db';
import { itemKey, type Catalogue } from '@onewindow/standards';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { ProblemError, ProblemType } from '../http/problem';
import { findImportRun, runningImport, startImportRun } from './catalogue-import-runs';
import { badImport, catalogueUpload, CSV_JSON, importError, XLSX } from './catalogue-upload';

/** The largest workbook (or CSV sheets as CSV_JSON) one import takes (a bigger body is refused unread: 413). */
const XLSX_LIMIT = '20mb';

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
    express.raw({ type: XLSX, limit: XLSX_LIMIT }),
    express.json({ type: CSV_JSON, limit: XLSX_LIMIT }),
    async (req, res) => {
      const query = parse(importQuerySchema, req.query, 'query string');
      const upload = catalogueUpload(req);
      let result: CatalogueImportResult;
      if (upload.kind === 'xlsx') {
        result = await importCatalogueXlsx(upload.body).catch((error: Error) => {
          throw badImport(`The body is not a readable XLSX workbook (${error.message})`);
        });
      } else {
        result = importCatalogueCsv(upload.files);
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

  // The confirmed import as a run the browser polls (解析 / 校验 / 写入 with counts); still all or nothing.
  router.post(
    '/catalogue/import-runs',
    authorize('catalogue.write'),
    express.raw({ type: XLSX, limit: XLSX_LIMIT }),
    express.json({ type: CSV_JSON, limit: XLSX_LIMIT }),
    (req, res) => {
      const upload = catalogueUpload(req);
      const busy = runningImport(deps.db);
      if (busy)
        throw new ProblemError(
          409,
          ProblemType.conflict,
          '已有目录导入正在进行',
          `${busy.startedBy} 开始的目录导入尚未结束：请等它完成后再导入。`,
        );
      const run = startImportRun(deps, upload, signedInUser(req).username, {
        actorUserId: signedInUser(req).id,
        ip: req.ip ?? null,
        requestId: req.id == null ? null : String(req.id),
      });
      res.status(202).location(`/api/catalogue/import-runs/${run.id}`).json(run);
    },
  );

  router.get('/catalogue/import-runs/:id', authorize('catalogue.write'), (req, res) => {
    const run = findImportRun(deps.db, String(req.params.id));
    if (!run)
      throw new ProblemError(
        404,
        ProblemType.notFound,
        '没有这次导入',
        '没有这次目录导入的记录（服务已重启，或记录已被更新的导入替换）：请查看目录是否已更新，必要时重新导入。',
      );
    res.json(run);
  });

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
