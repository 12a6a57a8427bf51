import { Router } from 'express';
import { documentNoSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { notFound } from '../http/problem';
import { caseNoOf, caseResource } from '../cases/case-access';
import { caseDocumentPdf, listCaseDocuments } from './case-documents.service';

/**
 * A case's official documents (受理通知书 …): the list, and each as a PDF to view inline and print. Whoever
 * may read the case (case.read) may read its documents; they carry the applicant's identity masked.
 */
export function caseDocumentsRouter(deps: ApiDeps): Router {
  const router = Router();
  const ofCase = caseResource(deps);

  router.get('/cases/:caseNo/documents', authorize('case.read', ofCase), async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listCaseDocuments(deps, caseNoOf(req.params.caseNo)));
  });

  router.get('/cases/:caseNo/documents/:documentNo', authorize('case.read', ofCase), async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const documentNo = documentNoSchema.safeParse(req.params.documentNo);
    if (!documentNo.success)
      throw notFound(`No document ${req.params.documentNo}: document numbers look like SL-${caseNo}`);
    const { pdf, fileName } = await caseDocumentPdf(deps, caseNo, documentNo.data);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        // inline: the browser shows it, ready to print; the name is kept when it is saved.
        'Content-Disposition': `inline; filename="${documentNo.data}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'private, no-store',
      })
      .send(pdf);
  });
  return router;
}
