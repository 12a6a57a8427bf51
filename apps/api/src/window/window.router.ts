import { Router, type Request } from 'express';
import { windowQueueQuerySchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { windowQueuePage } from './window-queue';

/** The window's queues (case.issue: the clerks who issue results), of the clerk's own window. */
export function windowRouter(deps: ApiDeps): Router {
  const router = Router();
  // A window issues what it accepted: the queue is the signed-in clerk's own window (department).
  const ownWindow = async (req: Request) => ({ departmentCodes: [signedInUser(req).departmentCode ?? ''] });
  router.get('/window/queue', authorize('case.issue', ownWindow), async (req, res) => {
    const q = parse(windowQueueQuerySchema, req.query, 'query');
    const window = signedInUser(req).departmentCode ?? '';
    res.set('Cache-Control', 'no-store').json(await windowQueuePage(deps.db, window, q));
  });
  return router;
}
