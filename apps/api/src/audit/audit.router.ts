import { Router } from 'express';
import { auditQuerySchema, type AuditEntryView } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { verifyAuditChain } from '@onewindow/audit';

/** Reading the audit log (there is deliberately no route that changes or removes entries). */
export function auditRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/audit', authorize('audit.read'), async (req, res) => {
    const query = parse(auditQuerySchema, req.query, 'query');
    const rows = await db.auditEntry.findMany({
      where: { seq: { gt: query.afterSeq } },
      orderBy: { seq: 'asc' },
      take: query.limit,
    });
    const entries: AuditEntryView[] = rows.map((row) => ({ ...row, at: row.at.toISOString() }));
    res.json({ entries });
  });

  router.get('/audit/verification', authorize('audit.read'), async (_req, res) => {
    res.json(await verifyAuditChain(db));
  });

  return router;
}
