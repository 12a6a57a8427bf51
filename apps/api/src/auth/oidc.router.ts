import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../api-deps';
import { forbidden, notFound, ProblemError, ProblemType } from '../http/problem';
import { oidcConfigOf } from '../security/security-config';
import { loginRateLimit } from '../security/rate-limits';
import { OidcRelyingParty } from './oidc.client';
import { createSession, revokeSession, toAuthUser } from './session.service';
import { setSessionCookie } from './session-cookie';
import { userWithOidcSubject } from './user-accounts';

const transactionCookie = 'ow_oidc';
const transactionSchema = z.strictObject({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  codeVerifier: z.string().min(43).max(200),
});

/** Login through the deployment's identity provider (GET start → provider → GET callback), when configured. */
export function oidcRouter({ db, security }: ApiDeps): Router {
  const router = Router();
  const settings = oidcConfigOf(security);
  const relyingParty = settings ? new OidcRelyingParty(settings) : undefined;
  const cookieOptions = (req: Request) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: security.COOKIE_SECURE === 'always' || (security.COOKIE_SECURE === 'auto' && req.secure),
    path: '/api/auth/oidc',
  });

  const requireOidc = () => {
    if (!relyingParty || !settings)
      throw notFound(
        'OIDC login is not configured on this server (set OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL)',
      );
    return { relyingParty, settings };
  };

  router.get('/auth/oidc/start', loginRateLimit(security), async (req: Request, res: Response) => {
    const { relyingParty } = requireOidc();
    const started = await relyingParty.start().catch((error: unknown) => {
      throw new ProblemError(
        503,
        ProblemType.dependencyDown,
        'Identity provider unavailable',
        `The identity provider did not answer discovery: ${(error as Error).message}`,
      );
    });
    res.cookie(transactionCookie, JSON.stringify(started.transaction), {
      ...cookieOptions(req),
      maxAge: 10 * 60_000,
    });
    res.redirect(303, started.url);
  });

  router.get('/auth/oidc/callback', loginRateLimit(security), async (req: Request, res: Response) => {
    const { relyingParty, settings } = requireOidc();
    const raw: unknown = req.cookies?.[transactionCookie];
    let transaction;
    try {
      transaction = transactionSchema.parse(JSON.parse(String(raw)));
    } catch {
      throw new ProblemError(
        400,
        ProblemType.validation,
        'No login in progress',
        'No OIDC login is in progress in this browser (or it expired): start again at /api/auth/oidc/start',
      );
    }
    res.clearCookie(transactionCookie, cookieOptions(req));
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    let subject: string;
    try {
      ({ subject } = await relyingParty.finish(query, transaction));
    } catch (error) {
      await req.audit?.({ action: 'auth.oidc_failed', payload: { reason: (error as Error).message } });
      throw new ProblemError(
        401,
        ProblemType.unauthenticated,
        'Login failed',
        `The identity provider login did not complete: ${(error as Error).message}`,
      );
    }
    const user = await userWithOidcSubject(db, subject);
    if (!user || user.disabled) {
      await req.audit?.({
        action: 'auth.oidc_unmapped',
        target: `oidc:${subject}`,
        actorUserId: user?.id ?? null,
      });
      throw forbidden(
        `Your identity-provider account (subject ${subject}) is not linked to an active OneWindow user; ask an administrator to map it`,
      );
    }
    if (req.auth) await revokeSession(db, req.auth.sessionId);
    const issued = await createSession(db, toAuthUser(user), {
      ttlMinutes: security.SESSION_TTL_MINUTES,
      ip: req.ip ?? null,
    });
    req.auth = issued.context;
    await req.audit?.({ action: 'auth.oidc_login', target: `user:${user.username}`, payload: { subject } });
    setSessionCookie(req, res, security, issued.token, issued.context.expiresAt);
    res.redirect(303, settings.postLoginPath);
  });

  return router;
}
