import type { RequestHandler } from 'express';
import { forbidden } from '../http/problem';
import { sameToken } from './session-token';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Double-submit CSRF check: a state-changing request made with a session must carry the session's
 * csrfToken in X-CSRF-Token. Login is exempt (it replaces the session and needs a JSON body, which a
 * cross-site form cannot send); requests without a session have no ambient authority to abuse.
 */
export function csrfProtection(exemptPaths: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!stateChanging.has(req.method) || !req.auth || exemptPaths.includes(req.path)) return next();
    const header = req.get('x-csrf-token');
    if (!header)
      throw forbidden(
        'Missing X-CSRF-Token header: send the csrfToken from POST /api/auth/login or GET /api/auth/me',
      );
    if (!sameToken(header, req.auth.csrfToken))
      throw forbidden(
        'Wrong X-CSRF-Token header: it must be the csrfToken of this session (GET /api/auth/me)',
      );
    next();
  };
}
