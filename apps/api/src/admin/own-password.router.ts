import { Router } from 'express';
import { changeOwnPasswordRequestSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { signedInUser } from '../auth/authorize.middleware';
import { sessionResponse } from '../auth/session-response';
import { changeAuthor, parseInput } from './admin-problems';
import { changeOwnPassword } from './own-password.service';

/**
 * POST /api/auth/password — the signed-in user's own password (the only route open while an administrator's
 * temporary password must still be changed). Answers the session as GET /api/auth/me does.
 */
export function ownPasswordRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.post('/auth/password', async (req, res) => {
    const user = signedInUser(req);
    const passwords = parseInput(changeOwnPasswordRequestSchema, req.body, '修改密码');
    await changeOwnPassword(db, user, req.auth!.sessionId, passwords, changeAuthor(req));
    res.json(sessionResponse({ ...req.auth!, mustChangePassword: false }));
  });

  return router;
}
