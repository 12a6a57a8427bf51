import { Router } from 'express';
import { adminAuditQuerySchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parseInput } from './admin-problems';
import { auditCsv, searchAudit, verifyAudit } from './admin-audit.service';

/**
 * The audit log for the administration workspace: filtered pages and the chain verification (audit.read), and
 * the CSV an inspector takes away (audit.export, administrators only). Nothing here changes an entry.
 */
export function adminAuditRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/admin/audit', authorize('audit.read'), async (req, res) => {
    res.json(await searchAudit(db, parseInput(adminAuditQuerySchema, req.query, '查询条件')));
  });

  router.get('/admin/audit/verification', authorize('audit.read'), async (_req, res) => {
    res.json(await verifyAudit(db));
  });

  router.get('/admin/audit/export.csv', authorize('audit.export'), async (req, res) => {
    const {
      page: _page,
      pageSize: _pageSize,
      ...filters
    } = parseInput(adminAuditQuerySchema, req.query, '查询条件');
    // Who took which part of the log away is itself recorded.
    await req.audit?.({ action: 'audit.exported', target: 'audit', payload: filters });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="audit-log.csv"');
    for await (const chunk of auditCsv(db, filters)) res.write(chunk);
    res.end();
  });

  return router;
}
