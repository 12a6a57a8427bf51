import { Router, type Request } from 'express';
import {
  toleratedSupplyRequestSchema,
  windowCountersQuerySchema,
  windowQueueQuerySchema,
} from '@onewindow/contracts';
import { supplyToleratedMaterial } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { caseNoOf, caseResource } from '../cases/case-access';
import { recordToleratedSupply } from '../cases/tolerated-gaps';
import { updateProblem } from '../cases/temporal-errors';
import { windowCorrectionsPage } from './window-corrections';
import { windowCounters } from './window-counters';
import { windowQueuePage } from './window-queue';

/**
 * The window's queues (case.issue: the clerks who issue results), of the clerk's own window, and 容缺补齐 (the
 * tolerated materials an applicant hands in after acceptance).
 */
export function windowRouter(deps: ApiDeps): Router {
  const router = Router();
  // A window issues what it accepted: the queue is the signed-in clerk's own window (department).
  const ownWindow = async (req: Request) => ({ departmentCodes: [signedInUser(req).departmentCode ?? ''] });
  router.get('/window/queue', authorize('case.issue', ownWindow), async (req, res) => {
    const q = parse(windowQueueQuerySchema, req.query, 'query');
    const window = signedInUser(req).departmentCode ?? '';
    const page =
      q.view === 'corrections'
        ? await windowCorrectionsPage(deps.db, window, q)
        : await windowQueuePage(deps.db, window, q);
    res.set('Cache-Control', 'no-store').json(page);
  });
  // 今日工作量 of the signed-in clerk (the centre's day).
  router.get('/window/counters', authorize('case.accept'), async (req, res) => {
    const q = parse(windowCountersQuerySchema, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await windowCounters(deps.db, signedInUser(req), q.day));
  });
  // 容缺补齐: the window that may issue the case records a tolerated material handed in, and tells the workflow.
  router.post(
    '/cases/:caseNo/tolerated-materials/:materialCode',
    authorize('case.issue', caseResource(deps)),
    async (req, res) => {
      const caseNo = caseNoOf(req.params.caseNo);
      const supplied = parse(toleratedSupplyRequestSchema, req.body ?? {}, '容缺补齐');
      const materialCode = String(req.params.materialCode);
      const clerk = signedInUser(req);
      // The workflow holds issuance until every gap is supplied: it is told first. The same update id for the
      // same material, so a retry or a double click is recorded once there.
      const tellWorkflow = async () => {
        const handle = deps.temporal.client.workflow.getHandle(caseNo);
        try {
          await deps.temporal.connection.withDeadline(Date.now() + 30_000, () =>
            handle.executeUpdate(supplyToleratedMaterial, {
              args: [{ actor: clerk.id, materialCode }],
              updateId: `tolerated-supply:${caseNo}:${materialCode}`,
            }),
          );
        } catch (error) {
          throw await updateProblem(error, caseNo, deps);
        }
      };
      const recorded = await recordToleratedSupply(
        deps.db,
        caseNo,
        materialCode,
        supplied,
        new Date(),
        tellWorkflow,
      );
      await req.audit?.({
        action: 'case.tolerated_material.supplied',
        target: `case:${caseNo}`,
        payload: { materialCode: recorded.materialCode, ...supplied },
      });
      res.json(recorded);
    },
  );
  return router;
}
