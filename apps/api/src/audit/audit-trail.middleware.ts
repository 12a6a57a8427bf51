import type { Request, RequestHandler } from 'express';
import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { recordAudit, type AuditInput } from '@onewindow/audit';

export type RequestAudit = (entry: Omit<AuditInput, 'ip' | 'requestId'>) => Promise<void>;

declare module 'express-serve-static-core' {
  interface Request {
    /** Records an audit entry with this request's actor, ip and request id. */
    audit?: RequestAudit;
    /** The handler wrote this request's audit entry in its own transaction (requestAuditEntry): none on response. */
    auditedWithWrite?: boolean;
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const context = (req: Request) => ({ ip: req.ip ?? null, requestId: req.id == null ? null : String(req.id) });

/** The entry a successful state-changing request gets (by the response, or by a handler inside its write). */
export function requestAuditEntry(req: Request, status: number, details: object = {}): AuditInput {
  const route = `${req.baseUrl}${typeof req.route?.path === 'string' ? req.route.path : req.path}`;
  return {
    action: `${req.method} ${route}`,
    actorUserId: req.auth?.user.id ?? null,
    target: req.originalUrl.split('?')[0],
    payload: { status, ...details },
    ...context(req),
  };
}

/**
 * Every state-changing request that succeeds is written to the audit chain before its response is
 * sent; a handler may instead write it in its own transaction, with what it records (`auditedWithWrite`).
 * Refused requests (4xx) change nothing and are left to the request log; security-relevant
 * refusals (failed logins, denied access) are recorded explicitly through req.audit.
 */
export function auditTrail(db: Db, logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.audit = async (entry) => {
      await recordAudit(db, { actorUserId: req.auth?.user.id ?? null, ...entry, ...context(req) });
    };
    if (!stateChanging.has(req.method)) return next();
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    let audited = false;
    res.end = ((...args: unknown[]) => {
      if (audited || res.statusCode >= 400 || req.auditedWithWrite) return end(...args);
      audited = true;
      recordAudit(db, requestAuditEntry(req, res.statusCode))
        .catch((error: unknown) =>
          (req.log ?? logger).error({ err: error }, 'audit entry could not be written'),
        )
        .finally(() => end(...args));
      return res;
    }) as typeof res.end;
    next();
  };
}
