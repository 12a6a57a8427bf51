import crypto from 'node:crypto';

/** The cookie carries a random token; the Session table stores only its SHA-256, so a database leak opens no session. */
export const newSessionToken = (): string => crypto.randomBytes(32).toString('base64url');

export const sessionIdOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export const newCsrfToken = (): string => crypto.randomBytes(32).toString('base64url');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
