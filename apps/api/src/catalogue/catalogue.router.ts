import { Router, type Request, type Response } from 'express';
import { toShanghaiDate } from '@onewindow/calendar';
import {
  catalogueItemsQuerySchema,
  certificateTypeRequestSchema,
  checklistRequestSchema,
  createItemVersionRequestSchema,
  type CatalogueEntrySaved,
  type CatalogueItemsResponse,
  type ChecklistResponse,
} from '@onewindow/contracts';
import { applyCatalogue, loadActiveCatalogue } from '@onewindow/db';
import {
  CatalogueValidationError,
  itemKey,
  loadDemoApplicants,
  mergeMaterials,
  parseCatalogue,
} from '@onewindow/standards';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { requestAuditEntry } from '../audit/audit-trail.middleware';
import { parse } from '../http/parse';
import { parseInput } from '../admin/admin-problems';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { activeItems, activeVersionOf, itemDetail, listDepartments, searchItems } from './catalogue-queries';
import { certificatesOnFile, holderNameOnFile } from './certificates-on-file';
import {
  bundleDetail,
  listCertificateTypes,
  saveBundle,
  saveCertificateType,
  type CatalogueChange,
} from './catalogue-entries.service';

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
    const body = await itemDetail(db, key);
    if (!body) throw notFound(`No active item with code ${key}; search GET /api/catalogue/items?q=…`);
    res.json(body);
  });

  router.get('/catalogue/departments', publicRead, async (_req, res) => {
    res.json({ departments: await listDepartments(db) });
  });

  router.get('/catalogue/bundles', publicRead, async (_req, res) => {
    res.json({ bundles: (await loadActiveCatalogue(db)).bundles });
  });

  router.get('/catalogue/bundles/:code', publicRead, async (req, res) => {
    const code = String(req.params.code);
    const body = await bundleDetail(db, code);
    if (!body) throw notFound(`No active bundle ${code}; see GET /api/catalogue/bundles`);
    res.json(body);
  });

  router.get('/catalogue/certificate-types', publicRead, async (_req, res) => {
    res.json({ certificateTypes: await listCertificateTypes(db) });
  });

  // Certificate types and bundles, one at a time: checked, written with their audit entry in one transaction.
  const change = (req: Request, status: number): CatalogueChange => {
    // The entry goes into the change's transaction; a request that changes nothing gets the usual one.
    req.auditedWithWrite = true;
    return { username: signedInUser(req).username, audit: requestAuditEntry(req, status) };
  };
  const answer = (req: Request, res: Response, saved: CatalogueEntrySaved, created: number) => {
    if (!saved.changed) req.auditedWithWrite = false;
    res.status(saved.changed ? created : 200).json(saved);
  };

  router.post('/catalogue/certificate-types', authorize('catalogue.write'), async (req, res) => {
    const body = parseInput(certificateTypeRequestSchema, req.body, '证照类型');
    const saved = await saveCertificateType(db, 'create', body.code ?? '', body, change(req, 201));
    answer(req, res, saved, 201);
  });

  router.put('/catalogue/certificate-types/:code', authorize('catalogue.write'), async (req, res) => {
    const body = parseInput(certificateTypeRequestSchema, req.body, '证照类型');
    const saved = await saveCertificateType(db, 'edit', String(req.params.code), body, change(req, 200));
    answer(req, res, saved, 200);
  });

  router.post('/catalogue/bundles', authorize('catalogue.write'), async (req, res) => {
    const code = (req.body as { code?: unknown } | undefined)?.code;
    const saved = await saveBundle(
      db,
      'create',
      typeof code === 'string' ? code : '',
      req.body,
      change(req, 201),
    );
    answer(req, res, saved, 201);
  });

  router.put('/catalogue/bundles/:code', authorize('catalogue.write'), async (req, res) => {
    const saved = await saveBundle(db, 'edit', String(req.params.code), req.body, change(req, 201));
    answer(req, res, saved, 201);
  });

  router.post('/catalogue/items', authorize('catalogue.write'), async (req, res) => {
    const item = parseInput(createItemVersionRequestSchema, req.body, '事项');
    const current = await loadActiveCatalogue(db);
    const next = { ...current, items: [...current.items.filter((i) => itemKey(i) !== itemKey(item)), item] };
    const checked = parseCatalogueOr400(next);
    const result = await applyCatalogue(db, checked, {
      label: `item ${itemKey(item)}`,
      source: 'admin',
      createdBy: signedInUser(req).username,
    });
    const row = await activeVersionOf(db, itemKey(item));
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
    const applicantName = holder ? await holderNameOnFile(db, holder) : undefined;
    const checklist = mergeMaterials(items, { code: holder ?? '' }, onFile, {
      asOf: request.asOf ?? toShanghaiDate(Date.now()),
    });
    const body: ChecklistResponse = {
      ...checklist,
      applicantName,
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
