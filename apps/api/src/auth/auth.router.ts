import { Router } from 'express';
import { loginRequestSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { unauthenticated } from '../http/problem';
import { loginRateLimit } from '../security/rate-limits';
import { loginWithPassword } from './password-login.service';
import { createSession, revokeAllSessions, revokeSession } from './session.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { sessionResponse } from './session-response';
import { signedInUser } from './authorize.middleware';

const genericFailure =
  'Wrong username or password, or the account is locked after repeated failures; try again later';

/** Password login, logout, logout everywhere and the current session. */
export function authRouter({ db, security }: ApiDeps): Router {
  const router = Router();
  const lockout = { maxFailures: security.LOGIN_MAX_FAILURES, lockMinutes: security.LOGIN_LOCK_MINUTES };

  router.post('/auth/login', loginRateLimit(security), async (req, res) => {
    const { username, password } = parse(loginRequestSchema, req.body, 'login request');
    const result = await loginWithPassword(db, username, password, lockout);
    if (!result.ok) {
      await req.audit?.({
        action: result.lockedNow
          ? 'auth.account_locked'
          : result.failure === 'locked'
            ? 'auth.login_refused_locked'
            : 'auth.login_failed',
        // Whoever typed the password is unknown: the account is the target, not the actor.
        actorUserId: null,
        target: `user:${username}`,
        payload: {
          failure: result.failure,
          userId: result.userId ?? null,
          ...(result.lockedUntil ? { lockedUntil: result.lockedUntil.toISOString() } : {}),
        },
      });
      throw unauthenticated(genericFailure);
    }
    // No fixation: whatever session came with the request ends, and a new id is issued.
    if (req.auth) await revokeSession(db, req.auth.sessionId);
    const issued = await createSession(db, result.user, {
      ttlMinutes: security.SESSION_TTL_MINUTES,
      ip: req.ip ?? null,
      mustChangePassword: result.mustChangePassword,
    });
    req.auth = issued.context;
    setSessionCookie(req, res, security, issued.token, issued.context.expiresAt);
    res.json(sessionResponse(issued.context));
  });

  router.get('/auth/me', (req, res) => {
    if (!req.auth) throw unauthenticated('Not signed in: POST /api/auth/login first');
    res.json(sessionResponse(req.auth));
  });

  router.post('/auth/logout', async (req, res) => {
    signedInUser(req);
    await revokeSession(db, req.auth!.sessionId);
    clearSessionCookie(req, res, security);
    res.status(204).end();
  });

  router.post('/auth/logout-all', async (req, res) => {
    const user = signedInUser(req);
    const revoked = await revokeAllSessions(db, user.id);
    clearSessionCookie(req, res, security);
    res.json({ revokedSessions: revoked });
  });

  return router;
}
