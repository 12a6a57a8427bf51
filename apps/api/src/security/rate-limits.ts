import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ProblemError, ProblemType } from '../http/problem';
import type { SecurityConfig } from './security-config';

const tooMany = (detail: string) =>
  new ProblemError(429, ProblemType.tooManyRequests, 'Too many requests', detail);

/** Login attempts per client address; successful logins do not count. */
export function loginRateLimit(config: SecurityConfig): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: config.LOGIN_RATE_LIMIT,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(tooMany(`Too many login attempts from your address; wait 15 minutes and try again`)),
  });
}

/** Requests without a session (public lookups, health, login pages) per client address. */
export function publicRateLimit(config: SecurityConfig): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: config.PUBLIC_RATE_LIMIT,
    skip: (req) => req.auth !== undefined,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(tooMany(`Too many requests from your address; wait a minute and try again`)),
  });
}

/**
 * Failed public status lookups per client address, signed in or not: a wrong code or an unknown case
 * counts, an answer does not. With 4 characters to guess this, not PUBLIC_RATE_LIMIT, bounds guessing.
 */
export function lookupFailureLimit(config: SecurityConfig): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: config.LOOKUP_FAILURE_LIMIT,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(tooMany(`Too many failed look-ups from your address; wait 15 minutes and try again`)),
  });
}
