import { Router } from 'express';
import type { ApiDeps } from '../api-deps';
import { oidcConfigOf } from '../security/security-config';

/** GET /api/auth/sign-in-options — how one may sign in here: the sign-in page offers OIDC only when it is configured. */
export function signInOptionsRouter({ security }: ApiDeps): Router {
  const router = Router();
  const oidc = oidcConfigOf(security) !== undefined;

  router.get('/auth/sign-in-options', (_req, res) => {
    res.json({ password: true, oidc });
  });

  return router;
}
