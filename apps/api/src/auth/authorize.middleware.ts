import type { Request, RequestHandler } from 'express';
import type { AccessAction } from '@onewindow/contracts';
import { forbidden, unauthenticated } from '../http/problem';
import { decide, isPublicAction, type AccessResource, type Scope } from './access-policy';

/** Reads recorded in the audit log, because they disclose an applicant's personal data. */
const auditedReads: ReadonlySet<AccessAction> = new Set(['case.read']);

/** Finds the departments the requested resource belongs to (throw notFound() when it does not exist). */
export type ResourceLoader = (req: Request) => AccessResource | Promise<AccessResource>;

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by authorize(): what was allowed, in which scope, on which resource. */
    access?: { action: AccessAction; scope: Scope; resource?: AccessResource };
  }
}

/**
 * The only gate in front of a route: 401 without a session, 403 with the policy's reason when the
 * policy refuses (recorded in the audit log), otherwise on to the handler. Reading a case file is
 * recorded too.
 */
export function authorize(action: AccessAction, loadResource?: ResourceLoader): RequestHandler {
  return async (req, _res, next) => {
    if (isPublicAction(action)) {
      req.access = { action, scope: 'any' };
      return next();
    }
    const user = req.auth?.user;
    if (!user) throw unauthenticated(`Sign in first: ${action} needs a session (POST /api/auth/login)`);
    if (req.auth?.mustChangePassword)
      throw forbidden('请先修改密码：管理员设置的密码须在登录后改为您自己的密码（POST /api/auth/password）');
    const resource = loadResource ? await loadResource(req) : undefined;
    const decision = decide(user, action, resource);
    if (!decision.allowed) {
      await req.audit?.({
        action: 'access.denied',
        target: req.originalUrl.split('?')[0],
        payload: { action, reason: decision.reason },
      });
      throw forbidden(decision.reason);
    }
    req.access = { action, scope: decision.scope, resource };
    // Opening a case file shows personal data: who looked at which case is kept like any change (查询留痕).
    if (auditedReads.has(action) && req.method === 'GET') {
      await req.audit?.({
        action: 'access.granted',
        target: req.originalUrl.split('?')[0],
        payload: { action },
      });
    }
    next();
  };
}

/** For handlers behind authorize() that need the signed-in user. */
export function signedInUser(req: Request) {
  if (!req.auth) throw unauthenticated('Sign in first (POST /api/auth/login)');
  return req.auth.user;
}
