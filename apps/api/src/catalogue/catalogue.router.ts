import { Router } from 'express';
import { toShanghaiDate } from '@onewindow/calendar';
import {
  catalogueItemsQuerySchema,
  checklistRequestSchema,
  createItemVersionRequestSchema,
  type CatalogueItemDetail,
  type CatalogueItemsResponse,
  type ChecklistResponse,
} from '@onewindow/contracts';
import { applyCatalogue, loadActiveCatalogue } from '@onewindow/db';
import {
  CatalogueValidationError,
  itemKey,
  itemSchema,
  loadDemoApplicants,
  mergeMaterials,
  parseCatalogue,
} from '@onewindow/standards';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { activeItems, searchItems } from './catalogue-queries';
import { certificatesOnFile } from './certificates-on-file';

// The service guide (办事指南: items, limits, materials) is public information (政务公开); anyone may read it.
const publicRead = authorize('public.lookup');

export function catalogueRouter(deps: ApiDeps): Router {
  const { db } = deps;
  const router = Router();

  router.get('/catalogue/items', publicRead, async (req, res) => {
    const query = parse(catalogueItemsQuerySchema, req.query, 'query string');
    const { total, items } = await searchItems(db, query);
    const body: CatalogueItemsResponse = { total, page: query.page, pageSize: query.pageSize, items };
    res.json(body);
  });

  router.get('/catalogue/items/:itemKey', publicRead, async (req, res) => {
    const key = String(req.params.itemKey);
    const versions = await db.item.findMany({ where: { itemKey: key }, orderBy: { version: 'asc' } });
    const active = versions.find((v) => v.status === 'active');
    if (!active) throw notFound(`No active item with code ${key}; search GET /api/catalogue/items?q=…`);
    const department = await db.department.findUnique({ where: { code: active.departmentCode } });
    const body: CatalogueItemDetail = {
      item: itemSchema.parse(JSON.parse(active.data)),
      departmentName: department?.name ?? active.departmentCode,
      versions: versions.map((v) => ({
        version: v.version,
        status: v.status,
        createdAt: v.createdAt.toISOString(),
      })),
    };
    res.json(body);
  });

  router.get('/catalogue/departments', publicRead, async (_req, res) => {
    const departments = await db.department.findMany({ orderBy: { code: 'asc' } });
    res.json({
      departments: departments.map((d) => ({
        code: d.code,
        name: d.name,
        parentCode: d.parentCode,
        regionCode: d.region,
      })),
    });
  });

  router.get('/catalogue/bundles', publicRead, async (_req, res) => {
    res.json({ bundles: (await loadActiveCatalogue(db)).bundles });
  });

  router.post('/catalogue/items', authorize('catalogue.write'), async (req, res) => {
    const item = parse(createItemVersionRequestSchema, req.body, 'item');
    const current = await loadActiveCatalogue(db);
    const next = { ...current, items: [...current.items.filter((i) => itemKey(i) !== itemKey(item)), item] };
    const checked = parseCatalogueOr400(next);
    const result = await applyCatalogue(db, checked, {
      label: `item ${itemKey(item)}`,
      source: 'admin',
      createdBy: signedInUser(req).username,
    });
    const row = await db.item.findFirstOrThrow({ where: { itemKey: itemKey(item), status: 'active' } });
    res
      .status(result.itemsUnchanged === checked.items.length ? 200 : 201)
      .json({ itemKey: row.itemKey, version: row.version, ...result });
  });

  // Fictitious people shipped with the seed catalogue (not the applicant register): safe to list for the demo
  // picker. Real applicants are never listed; the clerk types the ID number.
  router.get('/catalogue/demo-applicants', publicRead, (_req, res) => {
    res.json({
      applicants: loadDemoApplicants().map((a) => ({
        idNumber: a.holder.code,
        name: a.holder.name,
        kind: a.holder.codeType,
        note: a.note,
        certificates: a.certificates.length,
      })),
    });
  });

  // Certificates on file are personal data: only staff who accept applications may preview them.
  router.post('/catalogue/checklist', authorize('case.accept'), async (req, res) => {
    const request = parse(checklistRequestSchema, req.body, 'checklist request');
    let keys = request.itemKeys;
    if (request.bundleCode) {
      const bundle = (await loadActiveCatalogue(db)).bundles.find((b) => b.code === request.bundleCode);
      if (!bundle) throw notFound(`No bundle ${request.bundleCode}; see GET /api/catalogue/bundles`);
      keys = [...new Set([...keys, ...bundle.items.filter((i) => !i.optional).map((i) => i.itemCode)])];
    }
    const { items, missing } = await activeItems(db, keys);
    if (missing.length) {
      throw new ProblemError(
        400,
        ProblemType.validation,
        'Invalid request',
        `Unknown item codes: ${missing.join(', ')}`,
        missing.map((code) => ({ path: 'itemKeys', message: `unknown item ${code}` })),
      );
    }
    const holder = request.applicantIdNumber;
    const onFile = holder ? await certificatesOnFile(db, holder) : [];
    const applicant = holder
      ? await db.certificate.findFirst({ where: { holderIdNumber: holder }, select: { holderName: true } })
      : null;
    const checklist = mergeMaterials(items, { code: holder ?? '' }, onFile, {
      asOf: request.asOf ?? toShanghaiDate(Date.now()),
    });
    const body: ChecklistResponse = {
      ...checklist,
      applicantName: applicant?.holderName,
      certificatesOnFile: onFile.length,
    };
    res.json(body);
  });

  return router;
}

/** The catalogue as it would be after the change; cross-reference errors become a 400 naming each. */
function parseCatalogueOr400(input: unknown) {
  try {
    return parseCatalogue(input, 'the catalogue after this change');
  } catch (error) {
    if (!(error instanceof CatalogueValidationError)) throw error;
    const errors = error.issues.map((i) => ({
      path: i.path,
      message: i.entry ? `${i.entry}: ${i.message}` : i.message,
    }));
    throw new ProblemError(
      400,
      ProblemType.validation,
      'Invalid request',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    );
  }
}
