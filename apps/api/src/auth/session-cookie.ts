import type { CookieOptions, Request, Response } from 'express';
import type { SecurityConfig } from '../security/security-config';

export const sessionCookieName = 'ow_session';

function baseOptions(req: Request, config: SecurityConfig): CookieOptions {
  const secure = config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && req.secure);
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(
  req: Request,
  res: Response,
  config: SecurityConfig,
  token: string,
  expiresAt: Date,
): void {
  res.cookie(sessionCookieName, token, { ...baseOptions(req, config), expires: expiresAt });
}

export function clearSessionCookie(req: Request, res: Response, config: SecurityConfig): void {
  res.clearCookie(sessionCookieName, baseOptions(req, config));
}

export function sessionTokenOf(req: Request): string | undefined {
  const token: unknown = req.cookies?.[sessionCookieName];
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}
