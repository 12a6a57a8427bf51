import { Router } from 'express';
import { auditQuerySchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { verifyAuditChain } from '@onewindow/audit';
import { auditEntriesAfter } from './audit-log';

/** Reading the audit log (there is deliberately no route that changes or removes entries). */
export function auditRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/audit', authorize('audit.read'), async (req, res) => {
    const query = parse(auditQuerySchema, req.query, 'query');
    res.json({ entries: await auditEntriesAfter(db, query.afterSeq, query.limit) });
  });

  router.get('/audit/verification', authorize('audit.read'), async (_req, res) => {
    res.json(await verifyAuditChain(db));
  });

  return router;
}
