import crypto from 'node:crypto';
import express, { Router } from 'express';
import { materialCodeSchema, type CaseFileContentType, type CaseFileResponse } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { caseViewFor } from '../auth/access-policy';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { caseNoOf, caseResource } from '../cases/case-access';
import { forbidden, notFound, ProblemError, ProblemType } from '../http/problem';
import { checkUpload, uploadContentTypes } from '../security/upload-check';
import { caseFileOf, caseForUpload, storeCaseFile } from './case-file-store';

/** Cases that are over: their files are the record and no longer change. */
const closedStatuses = new Set(['issued', 'withdrawn', 'rejected_at_intake', 'terminated']);

const extensionOf: Record<CaseFileContentType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/ofd': 'ofd',
};

function materialCodeOf(raw: unknown): string {
  const parsed = materialCodeSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No material ${String(raw)}: material codes have 1 to 64 characters`);
  return parsed.data;
}

/**
 * Case files: the applicant's documents, one per material of the case. The window clerk of the case
 * uploads (case.file.upload; PUT replaces); those whose case view includes materials download
 * (case.file.read). Type by magic bytes, size by UPLOAD_MAX_BYTES; every upload and download is audited.
 */
export function caseFilesRouter(deps: ApiDeps): Router {
  const router = Router();
  const ofCase = caseResource(deps);
  const path = '/cases/:caseNo/materials/:materialCode/file';
  const policy = { allowedTypes: uploadContentTypes, maxBytes: deps.security.UPLOAD_MAX_BYTES };
  // Any declared type is read as bytes (checkUpload decides); beyond the limit the body is refused unread (413).
  const rawBody = express.raw({ type: () => true, limit: deps.security.UPLOAD_MAX_BYTES });

  router.put(path, authorize('case.file.upload', ofCase), rawBody, async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const materialCode = materialCodeOf(req.params.materialCode);
    const clerk = signedInUser(req);
    const found = await caseForUpload(deps.db, caseNo);
    if (!found.materials.some((m) => m.materialCode === materialCode)) {
      const codes = found.materials.map((m) => m.materialCode).join(', ') || 'none';
      throw notFound(`Case ${caseNo} has no material ${materialCode}; its materials are: ${codes}`);
    }
    if (closedStatuses.has(found.status)) {
      throw new ProblemError(
        409,
        ProblemType.conflict,
        'Case closed',
        `Case ${caseNo} is ${found.status}: its files no longer change`,
      );
    }
    // A body declared as JSON was parsed by express.json() already: refused for its type (415), not as empty.
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const parsedAsJson = !Buffer.isBuffer(req.body) && req.body !== undefined && req.is('json') !== false;
    const contentType = checkUpload(
      {
        declaredType: req.get('content-type'),
        size: parsedAsJson ? 1 : bytes.length,
        head: bytes.subarray(0, 16),
      },
      policy,
    );
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const data = {
      contentType,
      size: bytes.length,
      sha256,
      bytes: new Uint8Array(bytes),
      uploadedBy: clerk.id,
      uploadedAt: new Date(),
    };
    const previous = await storeCaseFile(deps.db, caseNo, materialCode, data);
    await req.audit?.({
      action: previous ? 'case.file.replaced' : 'case.file.uploaded',
      target: `case:${caseNo}`,
      payload: {
        materialCode,
        contentType,
        size: bytes.length,
        sha256,
        ...(previous ? { replaced: previous } : {}),
      },
    });
    const body: CaseFileResponse = {
      caseNo,
      materialCode,
      contentType,
      size: data.size,
      sha256,
      uploadedBy: clerk.id,
      uploadedAt: data.uploadedAt.toISOString(),
      replaced: previous !== null,
    };
    res
      .status(previous ? 200 : 201)
      .location(`/api/cases/${caseNo}/materials/${encodeURIComponent(materialCode)}/file`)
      .json(body);
  });

  router.get(path, authorize('case.file.read', ofCase), async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const materialCode = materialCodeOf(req.params.materialCode);
    // case.file.read is granted exactly to the views that include materials; checked again here.
    if (caseViewFor(signedInUser(req), req.access?.resource ?? { departmentCodes: [] })?.materials !== true) {
      throw forbidden(`Your view of case ${caseNo} does not include its materials`);
    }
    const file = await caseFileOf(deps.db, caseNo, materialCode);
    if (!file) throw notFound(`No file has been uploaded for material ${materialCode} of case ${caseNo}`);
    await req.audit?.({
      action: 'case.file.downloaded',
      target: `case:${caseNo}`,
      payload: { materialCode, sha256: file.sha256, size: file.size },
    });
    const contentType = file.contentType as CaseFileContentType;
    // attachment() first: it would set a type from the file name; the stored (checked) type wins.
    res.attachment(`${caseNo}-${materialCode.replace(/[^\w.-]/g, '_')}.${extensionOf[contentType] ?? 'bin'}`);
    res.status(200).set({
      'Content-Type': contentType,
      'Content-Length': String(file.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    res.end(Buffer.from(file.bytes));
  });

  return router;
}
