import { Router, type Request } from 'express';
import {
  approveExtensionRequestSchema,
  demandExportTables,
  demandQuerySchema,
  type DemandExportTable,
  remindRequestSchema,
  supervisionExportTables,
  supervisionFiguresQuerySchema,
  supervisionOverviewQuerySchema,
  type SupervisionExportTable,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import type { AccessResource } from '../auth/access-policy';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { caseNoOf } from '../cases/case-access';
import { idempotencyKeyOf } from '../cases/idempotency-key';
import { notFound } from '../http/problem';
import { parse } from '../http/parse';
import { approveExtension, remind } from './supervision-actions';
import { demandAnalytics } from './demand-analytics';
import { demandXlsx, supervisionXlsx } from './supervision-export';
import { supervisionFigures } from './supervision-figures';
import { supervisionOverview } from './supervision-overview';
import { departmentOfStep, type DepartmentScope } from './supervision.repository';

/**
 * 督办: the overview (overdue, at risk, escalations, extension requests), the per-department figures and their
 * XLSX exports (supervision.read: a department lead their own department, the centre supervisor every one or
 * the one named); 批准延期 (case.extension.approve on the step's department) and 催办 (task.reassign on the step's
 * department: the same leads and supervisor who steer the department's work).
 */
export function supervisionRouter(deps: ApiDeps): Router {
  const router = Router();

  /** The department asked for (`?department=`), else the user's own; the centre supervisor may name any. */
  const askedDepartment = (req: Request): AccessResource => {
    const asked = typeof req.query.department === 'string' ? req.query.department.trim() : '';
    const own = req.auth?.user.departmentCode ?? '';
    return { departmentCodes: [asked || own] };
  };
  /** The departments the answer covers: every one for the supervisor without a filter, else the one allowed. */
  const scopeOf = (req: Request): DepartmentScope => {
    const asked = typeof req.query.department === 'string' ? req.query.department.trim() : '';
    if (req.access?.scope === 'any' && !asked) return null;
    return req.access?.resource?.departmentCodes ?? [];
  };
  /** The department of the step acted on (its task's); an unknown case or step is 404 before any check. */
  const ofStep = async (req: Request): Promise<AccessResource> => {
    const caseNo = caseNoOf(req.params.caseNo);
    const stepId = String(req.params.stepId);
    const departmentCode = await departmentOfStep(deps.db, caseNo, stepId);
    if (!departmentCode) throw notFound(`案件 ${caseNo} 没有环节 ${stepId}（或尚未开始办理）`);
    return { departmentCodes: [departmentCode] };
  };

  router.get('/supervision/overview', authorize('supervision.read', askedDepartment), async (req, res) => {
    const q = parse(supervisionOverviewQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await supervisionOverview(deps, scopeOf(req), q));
  });

  router.get('/supervision/figures', authorize('supervision.read', askedDepartment), async (req, res) => {
    const q = parse(supervisionFiguresQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await supervisionFigures(deps, scopeOf(req), q));
  });

  router.get('/supervision/demand', authorize('supervision.read', askedDepartment), async (req, res) => {
    const q = parse(demandQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await demandAnalytics(deps, scopeOf(req), q));
  });

  const exportable: readonly string[] = [...supervisionExportTables, ...demandExportTables];
  // The same query as the table's page; figures and demand need from/to, the lists take the overview's query.
  router.get(
    '/supervision/export/:file',
    authorize('supervision.read', askedDepartment),
    async (req, res) => {
      const match = /^([a-z-]+)\.xlsx$/.exec(String(req.params.file));
      const table = match?.[1];
      if (!table || !exportable.includes(table))
        throw notFound(
          `没有可导出的表 ${String(req.params.file)}：可导出 ${exportable.map((t) => `${t}.xlsx`).join('、')}`,
        );
      const scope = scopeOf(req);
      const file = (demandExportTables as readonly string[]).includes(table)
        ? await demandXlsx(
            table as DemandExportTable,
            await demandAnalytics(deps, scope, parse(demandQuerySchema, req.query, 'query')),
          )
        : table === 'figures'
          ? await supervisionXlsx(
              table,
              undefined,
              await supervisionFigures(deps, scope, parse(supervisionFiguresQuerySchema, req.query, 'query')),
            )
          : await supervisionXlsx(
              table as SupervisionExportTable,
              await supervisionOverview(
                deps,
                scope,
                parse(supervisionOverviewQuerySchema, req.query, 'query'),
              ),
              undefined,
            );
      res
        .status(200)
        .set({
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="supervision-${table}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'Cache-Control': 'private, no-store',
        })
        .send(file.buffer);
    },
  );

  router.post(
    '/supervision/cases/:caseNo/steps/:stepId/approve-extension',
    authorize('case.extension.approve', ofStep),
    async (req, res) => {
      const request = parse(approveExtensionRequestSchema, req.body ?? {}, 'approval');
      const caseNo = caseNoOf(req.params.caseNo);
      const result = await approveExtension(
        deps,
        signedInUser(req),
        caseNo,
        String(req.params.stepId),
        request,
        idempotencyKeyOf(req),
      );
      await req.audit?.({
        action: 'supervision.extension_approved',
        target: `case:${caseNo}`,
        payload: { ...result },
      });
      res.json(result);
    },
  );

  router.post(
    '/supervision/cases/:caseNo/steps/:stepId/remind',
    authorize('task.reassign', ofStep),
    async (req, res) => {
      const request = parse(remindRequestSchema, req.body, 'reminder');
      const caseNo = caseNoOf(req.params.caseNo);
      const result = await remind(deps, signedInUser(req), caseNo, String(req.params.stepId), request);
      await req.audit?.({
        action: 'supervision.reminded',
        target: `case:${caseNo}`,
        payload: { ...result, message: request.message },
      });
      res.json(result);
    },
  );

  return router;
}
