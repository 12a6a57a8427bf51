import { Router, type RequestHandler } from 'express';
import {
  caseActionRequestSchema,
  copiedCasesQuerySchema,
  issueResultsRequestSchema,
  type CaseActionResponse,
  type IssueResultsResponse,
} from '@onewindow/contracts';
import { issueResults } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { caseViewFor } from '../auth/access-policy';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { requestAuditEntry } from '../audit/audit-trail.middleware';
import { forbidden } from '../http/problem';
import { parse } from '../http/parse';
import { acceptApplication } from './accept-application.service';
import { caseNoOf, caseResource } from './case-access';
import { accessForAction, sendCaseAction } from './case-actions';
import { caseDetails } from './case-details';
import { copiedCasesPage } from './copied-cases';
import { assertPeopleMayTakePart } from './case-people';
import { actionContext } from '../tasks/claim-context';
import { idempotencyKeyOf } from './idempotency-key';
import { updateProblem } from './temporal-errors';
import { storeIssuanceDocuments } from '../documents/issuance-documents';
import { assertNoOpenGaps } from './tolerated-gaps';

/**
 * Cases: 受理 (case.accept), approver actions (case.decide; 补正 receipt, resubmission after 退回窗口 and
 * 撤回 are window actions, case.issue), 统一出件 (case.issue), the case view (case.read, or a 抄送 to the
 * signed-in user), the cases copied to me. The signed-in user is always the actor.
 */
export function casesRouter(deps: ApiDeps): Router {
  const router = Router();
  const ofCase = caseResource(deps);
  // Updates wait for the worker; bounded so a request never hangs on a stopped worker pool.
  const updateDeadline = () => Date.now() + 30_000;
  // The verb's access action (caseVerbDefinitions): the window's verbs are case.issue, the rest case.decide.
  const authorizeAction: RequestHandler = (req, res, next) =>
    authorize(accessForAction(req.body), ofCase)(req, res, next);

  router.post('/cases', authorize('case.accept'), async (req, res) => {
    const clerk = signedInUser(req);
    // The audit entry goes into the acceptance's transaction (no write of its own after it); a replay (200)
    // writes nothing, so the response gets its entry as usual.
    const outcome = await acceptApplication(deps, req.body, clerk.id, idempotencyKeyOf(req), {
      audit: requestAuditEntry(req, 201),
    });
    req.auditedWithWrite = outcome.status === 201;
    res.status(outcome.status).location(`/api/cases/${outcome.body.caseNo}`).json(outcome.body);
  });

  // Before /cases/:caseNo. Any signed-in user: the list holds only what was copied to them (抄送).
  router.get('/cases/copied', async (req, res) => {
    const me = signedInUser(req);
    const q = parse(copiedCasesQuerySchema, req.query, 'query');
    res.json(await copiedCasesPage(deps.db, me.id, q));
  });

  router.get('/cases/:caseNo', authorize('case.read', ofCase), async (req, res) => {
    const visible = caseViewFor(signedInUser(req), req.access?.resource ?? { departmentCodes: [] });
    if (!visible) throw forbidden('case.read refused');
    res.json(await caseDetails(deps, caseNoOf(req.params.caseNo), visible));
  });

  router.post('/cases/:caseNo/actions', authorizeAction, async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const action = parse(caseActionRequestSchema, req.body, 'action');
    const updateId = idempotencyKeyOf(req);
    const actor = signedInUser(req);
    // Who may be involved (转办/委派/加签 inside the step's department, 抄送 to existing users): 422 before anything is sent.
    await assertPeopleMayTakePart(deps, caseNo, action);
    // The user's department and roles (签收, other departments' tasks), a lead's authority (转办, 指派).
    const context = await actionContext(deps, caseNo, action, actor);
    const handle = deps.temporal.client.workflow.getHandle(caseNo);
    try {
      const result = await deps.temporal.connection.withDeadline(updateDeadline(), () =>
        sendCaseAction(handle, action, actor.id, updateId, context),
      );
      const body: CaseActionResponse = {
        caseNo,
        verb: action.verb,
        result: result as Record<string, unknown>,
      };
      res.json(body);
    } catch (error) {
      throw await updateProblem(error, caseNo, deps);
    }
  });

  router.post('/cases/:caseNo/issue', authorize('case.issue', ofCase), async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const request = parse(issueResultsRequestSchema, req.body, 'issuance');
    const clerk = signedInUser(req);
    // 容缺受理: nothing is issued while a tolerated material is missing (409 names them).
    await assertNoOpenGaps(deps.db, caseNo);
    // The address, waybill, recipient and carrier are personal data: they go to the 送达回证 in the database,
    // never into Temporal's history; the workflow records how the results were delivered.
    const payload = { delivery: { method: request.delivery.method }, actor: clerk.id };
    const updateId = idempotencyKeyOf(req);
    const handle = deps.temporal.client.workflow.getHandle(caseNo);
    try {
      const summary = await deps.temporal.connection.withDeadline(updateDeadline(), () =>
        handle.executeUpdate(issueResults, { args: [payload], ...(updateId ? { updateId } : {}) }),
      );
      const body: IssueResultsResponse = summary;
      // Stored once (fixed numbers): a retried issuance with the same key stores nothing twice.
      await storeIssuanceDocuments(deps, caseNo, request.delivery, body, clerk, new Date());
      res.json(body);
    } catch (error) {
      throw await updateProblem(error, caseNo, deps);
    }
  });

  return router;
}
