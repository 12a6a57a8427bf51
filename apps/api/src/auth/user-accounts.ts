// The users table for user administration and OIDC login (user-admin.router.ts, oidc.router.ts).
import type { UserSummary } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { revokeAllSessions, toAuthUser } from './session.service';

/** Every user, by username, as the admin list shows them (a lock-out in the past is no lock-out). */
export async function listUsers(db: Db, now = new Date()): Promise<UserSummary[]> {
  const users = await db.user.findMany({ orderBy: { username: 'asc' }, include: { roles: true } });
  return users.map((user) => ({
    username: user.username,
    displayName: user.displayName,
    departmentCode: user.departmentCode,
    roles: toAuthUser(user).roles,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    oidcSubject: user.oidcSubject,
  }));
}

/** The user with this username; 404 when there is none. */
export async function userNamed(db: Db, username: string) {
  const user = await db.user.findUnique({ where: { username } });
  if (!user) throw notFound(`No user with username "${username}"`);
  return user;
}

/** Lifts a lock-out before it expires and forgets the failed logins. */
export async function unlockUser(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null } });
}

/**
 * Maps (or, with null, unmaps) an identity-provider subject to the user; 409 when another user holds it.
 * A changed mapping ends the user's sessions, so nobody keeps access through the old one.
 */
export async function mapOidcSubject(
  db: Db,
  user: { id: string; oidcSubject: string | null },
  oidcSubject: string | null,
): Promise<void> {
  if (oidcSubject) {
    const holder = await db.user.findUnique({ where: { oidcSubject } });
    if (holder && holder.id !== user.id) {
      throw new ProblemError(
        409,
        ProblemType.conflict,
        'Subject already mapped',
        `That identity-provider subject already belongs to user ${holder.username}`,
      );
    }
  }
  await db.user.update({ where: { id: user.id }, data: { oidcSubject } });
  if (user.oidcSubject !== oidcSubject) await revokeAllSessions(db, user.id);
}

/** The user an identity-provider subject is mapped to, with roles; null when none is. */
export function userWithOidcSubject(db: Db, subject: string) {
  return db.user.findUnique({ where: { oidcSubject: subject }, include: { roles: true } });
}
