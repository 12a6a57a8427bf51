import type { Db } from '@onewindow/db';
import { isDepartmentScopedRole, roleSchema, type Role, type RoleGrant } from '@onewindow/contracts';
import type { AuthContext, AuthUser } from './auth-context';
import { newCsrfToken, newSessionToken, sessionIdOf } from './session-token';

export interface IssuedSession {
  /** Goes into the cookie only; never stored. */
  token: string;
  context: AuthContext;
}

type UserWithRoles = {
  id: string;
  username: string;
  displayName: string;
  departmentCode: string | null;
  /** A grant's department: "" (or absent) is the user's own. */
  roles: { role: string; departmentCode?: string }[];
};

/** Unknown role names in the database grant nothing; a grant's "" department is the user's own (home) one. */
export function toAuthUser(user: UserWithRoles): AuthUser {
  const grants: RoleGrant[] = [];
  for (const row of user.roles) {
    const parsed = roleSchema.safeParse(row.role);
    if (!parsed.success) continue;
    const role: Role = parsed.data;
    const departmentCode = !isDepartmentScopedRole(role) ? null : row.departmentCode || user.departmentCode;
    if (!grants.some((g) => g.role === role && g.departmentCode === departmentCode))
      grants.push({ role, departmentCode });
  }
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    departmentCode: user.departmentCode,
    roles: [...new Set(grants.map((g) => g.role))],
    grants,
  };
}

/** A new session with fresh random id and CSRF token (never one the client chose). */
export async function createSession(
  db: Db,
  user: AuthUser,
  options: { ttlMinutes: number; ip: string | null; now?: Date; mustChangePassword?: boolean },
): Promise<IssuedSession> {
  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.ttlMinutes * 60_000);
  const sessionId = sessionIdOf(token);
  await db.session.create({ data: { id: sessionId, userId: user.id, csrfToken, expiresAt, ip: options.ip } });
  const mustChangePassword = options.mustChangePassword === true;
  return { token, context: { user, sessionId, csrfToken, expiresAt, mustChangePassword } };
}

interface SessionRow {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  username: string;
  displayName: string;
  departmentCode: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  role: string | null;
  roleDepartment: string | null;
}

/**
 * The live session for a cookie token: not revoked, not expired, user not disabled. Runs on every request, so
 * the session, its user and the user's role grants come in one raw statement (one row per grant; docs/decisions/0007).
 */
export async function findSession(db: Db, token: string, now = new Date()): Promise<AuthContext | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."csrfToken", s."expiresAt", s."revokedAt", u."id" AS "userId", u."username", u."displayName", u."departmentCode", u."disabled", u."mustChangePassword", r."role", r."departmentCode" AS "roleDepartment"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "UserRole" r ON r."userId" = u."id"
    WHERE s."id" = ${sessionIdOf(token)} ORDER BY r."role", r."departmentCode"`;
  const session = rows[0];
  // SQLite hands a Boolean column back as 0/1 to a raw query.
  if (!session || session.revokedAt || session.expiresAt <= now || Boolean(session.disabled))
    return undefined;
  const roles = rows.flatMap((r) =>
    r.role === null ? [] : [{ role: r.role, departmentCode: r.roleDepartment ?? '' }],
  );
  const user = toAuthUser({
    id: session.userId,
    username: session.username,
    displayName: session.displayName,
    departmentCode: session.departmentCode,
    roles,
  });
  return {
    user,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    mustChangePassword: Boolean(session.mustChangePassword),
  };
}

export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Log out everywhere": every live session of the user ends. */
export async function revokeAllSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}
