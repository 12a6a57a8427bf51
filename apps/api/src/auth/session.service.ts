import type { Db } from '@onewindow/db';
import { roleSchema, type Role } from '@onewindow/contracts';
import type { AuthContext, AuthUser } from './auth-context';
import { newCsrfToken, newSessionToken, sessionIdOf } from './session-token';

export interface IssuedSession {
  /** Goes into the cookie only; never stored. */
  token: string;
  context: AuthContext;
}

type UserWithRoles = { id: string; username: string; displayName: string; departmentCode: string | null; roles: { role: string }[] };

/** Unknown role names in the database grant nothing. */
export function toAuthUser(user: UserWithRoles): AuthUser {
  const roles = user.roles.map((r) => roleSchema.safeParse(r.role)).flatMap((r) => (r.success ? [r.data as Role] : []));
  return { id: user.id, username: user.username, displayName: user.displayName, departmentCode: user.departmentCode, roles };
}

/** A new session with fresh random id and CSRF token (never one the client chose). */
export async function createSession(db: Db, user: AuthUser, options: { ttlMinutes: number; ip: string | null; now?: Date }): Promise<IssuedSession> {
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.ttlMinutes * 60_000);
  const sessionId = sessionIdOf(token);
  await db.session.create({ data: { id: sessionId, userId: user.id, csrfToken, expiresAt, ip: options.ip } });
  return { token, context: { user, sessionId, csrfToken, expiresAt } };
}

/** The live session for a cookie token: not revoked, not expired, user not disabled. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<AuthContext | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const session = await db.session.findUnique({ where: { id: sessionIdOf(token) }, include: { user: { include: { roles: true } } } });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabled) return undefined;
  return { user: toAuthUser(session.user), sessionId: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Log out everywhere": every live session of the user ends. */
export async function revokeAllSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
