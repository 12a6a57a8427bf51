import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import {
  caseNoSchema,
  closeRectificationRequestSchema,
  evaluationFiguresQuerySchema,
  publicEvaluationRequestSchema,
  rectificationQuerySchema,
  windowEvaluationRequestSchema,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import type { AccessResource } from '../auth/access-policy';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { caseNoOf, caseResource } from '../cases/case-access';
import { notFound } from '../http/problem';
import { parse } from '../http/parse';
import { caseForLookup } from '../public/public-lookup.service';
import { lookupFailureLimit } from '../security/rate-limits';
import { workbookOf } from '../supervision/supervision-export';
import { evaluationFigures, evaluationRecords } from './evaluation-figures';
import { closeRectification, departmentOfOrder, listRectifications, rateCase } from './evaluations.service';

/** One answer for an unknown case, a malformed case number and a wrong code, as the public lookup gives. */
const noMatch = () =>
  notFound(
    '没有与此办件编号和查询码相符的办件：请核对受理回执上的办件编号，查询码为办件所用证件号码的后 4 位',
  );

/** Equal-time comparison of two 4-character codes, case-insensitive ('x' = 'X'), as the public lookup does. */
function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.toUpperCase());
  const b = Buffer.from(expected.toUpperCase());
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * 好差评: the applicant rates an issued case once per channel — `public` (no sign-in: case number + the lookup
 * code, rate-limited like the lookup) or `window` (the window clerk of the case opens it on a counter tablet:
 * case.issue on the case). 差评 orders (差评整改): a department lead lists their department's (the supervisor every
 * department's or the one named; supervision.read) and closes one with the callback record (task.reassign on the
 * order's department: the leads and supervisor who steer the department's work, as 催办).
 */
export function evaluationsRouter(deps: ApiDeps): Router {
  const router = Router();

  router.post(
    '/public/cases/:caseNo/evaluation',
    lookupFailureLimit(deps.security),
    authorize('public.lookup'),
    async (req, res) => {
      const { code, ...rating } = parse(publicEvaluationRequestSchema, req.body ?? {}, '评价');
      const caseNo = caseNoSchema.safeParse(req.params.caseNo);
      if (!caseNo.success) throw noMatch();
      const found = await caseForLookup(deps.db, caseNo.data);
      const matches = sameCode(code, found ? found.applicant.idNumber.slice(-4) : '----');
      if (!found || !matches) throw noMatch();
      const result = await rateCase(deps, { caseNo: caseNo.data, channel: 'public', ...rating });
      await auditRating(req, result);
      res.status(201).json(result);
    },
  );

  router.post(
    '/window/cases/:caseNo/evaluation',
    authorize('case.issue', caseResource(deps)),
    async (req, res) => {
      const rating = parse(windowEvaluationRequestSchema, req.body ?? {}, '评价');
      const caseNo = caseNoOf(req.params.caseNo);
      const result = await rateCase(deps, {
        caseNo,
        channel: 'window',
        ...rating,
        evaluatedBy: signedInUser(req).id,
      });
      await auditRating(req, result);
      res.status(201).json(result);
    },
  );

  /** The department asked for (`?department=`), else the user's own; the centre supervisor may name any. */
  const askedDepartment = (req: Request): AccessResource => {
    const asked = typeof req.query.department === 'string' ? req.query.department.trim() : '';
    return { departmentCodes: [asked || (req.auth?.user.departmentCode ?? '')] };
  };
  /** Every department for the supervisor without a filter, else the one allowed. */
  const scopeOf = (req: Request, department: string | undefined) =>
    req.access?.scope === 'any' && !department ? null : (req.access?.resource?.departmentCodes ?? []);
  const ofOrder = async (req: Request): Promise<AccessResource> => {
    const departmentCode = await departmentOfOrder(deps.db, String(req.params.id));
    if (!departmentCode) throw notFound(`没有整改单 ${String(req.params.id)}`);
    return { departmentCodes: [departmentCode] };
  };

  router.get(
    '/supervision/rectifications',
    authorize('supervision.read', askedDepartment),
    async (req, res) => {
      const q = parse(rectificationQuerySchema, req.query, 'query');
      res.json(await listRectifications(deps.db, scopeOf(req, q.department), q));
    },
  );

  router.get('/supervision/evaluations', authorize('supervision.read', askedDepartment), async (req, res) => {
    const q = parse(evaluationFiguresQuerySchema, req.query, 'query');
    res
      .set('Cache-Control', 'no-store')
      .json(await evaluationFigures(deps.db, scopeOf(req, q.department), q));
  });

  // 评价数据导出: `records.xlsx` (the provincial fields, one row per rated item) or `rates.xlsx` (per department).
  router.get(
    '/supervision/evaluations/export/:file',
    authorize('supervision.read', askedDepartment),
    async (req, res) => {
      const file = String(req.params.file);
      if (file !== 'records.xlsx' && file !== 'rates.xlsx')
        throw notFound(`没有可导出的表 ${file}：可导出 records.xlsx（评价记录）、rates.xlsx（部门好差评）`);
      const q = parse(evaluationFiguresQuerySchema, req.query, 'query');
      const scope = scopeOf(req, q.department);
      const workbook =
        file === 'records.xlsx'
          ? await workbookOf({
              name: '评价记录',
              headers: [
                '办件编号',
                '事项编码',
                '事项名称',
                '事项版本',
                '部门代码',
                '评价渠道',
                '评价等级',
                '评价等级名称',
                '评价轮次',
                '评价时间',
                '被评价人员编号',
                '被评价人员',
              ],
              rows: (await evaluationRecords(deps.db, scope, q)).map((r) => [
                r.caseNo,
                r.itemCode,
                r.itemName,
                r.itemVersion,
                r.departmentCode,
                r.channel,
                r.grade,
                r.gradeLabel,
                r.round,
                r.at,
                r.staffId,
                r.staffName,
              ]),
            })
          : await workbookOf({
              name: '部门好差评',
              headers: [
                '部门代码',
                '部门',
                '评价数',
                '差评数',
                '好评率(%)',
                '整改单',
                '已办结',
                '超期',
                '差评处置率(%)',
              ],
              rows: (await evaluationFigures(deps.db, scope, q)).departments.map((d) => [
                d.departmentCode,
                d.departmentName,
                d.ratings,
                d.bad,
                d.goodRate === null ? null : Math.round(d.goodRate * 1000) / 10,
                d.orders,
                d.closedOrders,
                d.overdueOrders,
                d.handlingRate === null ? null : Math.round(d.handlingRate * 1000) / 10,
              ]),
            });
      res
        .status(200)
        .set({
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="evaluations-${file}"; filename*=UTF-8''${encodeURIComponent(workbook.fileName)}`,
          'Cache-Control': 'private, no-store',
        })
        .send(workbook.buffer);
    },
  );

  router.post(
    '/supervision/rectifications/:id/close',
    authorize('task.reassign', ofOrder),
    async (req, res) => {
      const request = parse(closeRectificationRequestSchema, req.body ?? {}, '办结整改单');
      const id = String(req.params.id);
      await closeRectification(deps.db, id, signedInUser(req).id, request);
      await req.audit?.({
        action: 'evaluation.rectification_closed',
        target: `rectification:${id}`,
        payload: request,
      });
      res.status(204).end();
    },
  );
  return router;
}

async function auditRating(req: Request, result: Awaited<ReturnType<typeof rateCase>>): Promise<void> {
  await req.audit?.({
    action: 'evaluation.rated',
    target: `case:${result.caseNo}`,
    payload: { channel: result.channel, grade: result.grade },
  });
  for (const order of result.rectificationOrders)
    await req.audit?.({
      action: 'evaluation.rectification_opened',
      target: `rectification:${order.id}`,
      payload: { caseNo: result.caseNo, departmentCode: order.departmentCode, deadline: order.deadline },
    });
}
