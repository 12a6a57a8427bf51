import { Router } from 'express';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { idempotencyKeyOf } from '../cases/idempotency-key';
import { issueCorrectionNotice } from './correction-notice.service';
import { refuseAtIntake } from './intake-refusal.service';

/** Intake outcomes other than acceptance (case.accept: the window's clerks). */
export function intakeRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post('/intake/correction-notices', authorize('case.accept'), async (req, res) => {
    const clerk = signedInUser(req);
    const outcome = await issueCorrectionNotice(deps, req.body, clerk, idempotencyKeyOf(req));
    res.status(outcome.status).location(`/api/cases/${outcome.body.caseNo}/documents`).json(outcome.body);
  });
  router.post('/intake/refusals', authorize('case.accept'), async (req, res) => {
    const clerk = signedInUser(req);
    const outcome = await refuseAtIntake(deps, req.body, clerk, idempotencyKeyOf(req));
    res.status(outcome.status).location(`/api/cases/${outcome.body.caseNo}/documents`).json(outcome.body);
  });
  return router;
}
