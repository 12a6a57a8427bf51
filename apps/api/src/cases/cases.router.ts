import { Router } from 'express';
import { caseActionRequestSchema, caseNoSchema, issueResultsRequestSchema, type CaseActionResponse, type IssueResultsResponse } from '@onewindow/contracts';
import { issueResults } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { notFound } from '../http/problem';
import { acceptApplication } from './accept-application.service';
import { sendCaseAction } from './case-actions';
import { caseDetails } from './case-details';
import { idempotencyKeyOf } from './idempotency-key';
import { updateProblem } from './temporal-errors';

/** Case numbers are checked before any look-up, so a malformed one is a plain 404. */
function caseNoOf(raw: unknown): string {
  const parsed = caseNoSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No case ${String(raw)}: case numbers look like YC20261122000123`);
  return parsed.data;
}

/**
 * Cases: 受理 (accept), approver actions, 统一出件 (issue), the case view. Not yet behind authorisation:
 * the security engineer's authorize(case.accept | case.decide | case.issue | case.read) goes in front of each route.
 */
export function casesRouter(deps: ApiDeps): Router {
  const router = Router();
  // Updates wait for the worker; bounded so a request never hangs on a stopped worker pool.
  const updateDeadline = () => Date.now() + 30_000;

  router.post('/cases', async (req, res) => {
    const outcome = await acceptApplication(deps, req.body, idempotencyKeyOf(req));
    res.status(outcome.status).location(`/api/cases/${outcome.body.caseNo}`).json(outcome.body);
  });

  router.get('/cases/:caseNo', async (req, res) => {
    res.json(await caseDetails(deps, caseNoOf(req.params.caseNo)));
  });

  router.post('/cases/:caseNo/actions', async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const action = parse(caseActionRequestSchema, req.body, 'action');
    const updateId = idempotencyKeyOf(req);
    const handle = deps.temporal.client.workflow.getHandle(caseNo);
    try {
      const result = await deps.temporal.connection.withDeadline(updateDeadline(), () => sendCaseAction(handle, action, updateId));
      const body: CaseActionResponse = { caseNo, verb: action.verb, result: result as Record<string, unknown> };
      res.json(body);
    } catch (error) {
      throw await updateProblem(error, caseNo, deps);
    }
  });

  router.post('/cases/:caseNo/issue', async (req, res) => {
    const caseNo = caseNoOf(req.params.caseNo);
    const payload = parse(issueResultsRequestSchema, req.body, 'issuance');
    const updateId = idempotencyKeyOf(req);
    const handle = deps.temporal.client.workflow.getHandle(caseNo);
    try {
      const summary = await deps.temporal.connection.withDeadline(updateDeadline(), () =>
        handle.executeUpdate(issueResults, { args: [payload], ...(updateId ? { updateId } : {}) }),
      );
      const body: IssueResultsResponse = summary;
      res.json(body);
    } catch (error) {
      throw await updateProblem(error, caseNo, deps);
    }
  });

  return router;
}
