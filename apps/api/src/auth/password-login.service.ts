import type { Db } from '@onewindow/db';
import type { AuthUser } from './auth-context';
import { burnPasswordCheck, verifyPassword } from './password';
import { toAuthUser } from './session.service';

export interface LockoutSettings {
  maxFailures: number;
  lockMinutes: number;
}

export type LoginFailure = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled' | 'no_password';

export type LoginResult =
  | { ok: true; user: AuthUser; mustChangePassword: boolean }
  | { ok: false; failure: LoginFailure; userId?: string; lockedUntil?: Date; lockedNow?: boolean };

/**
 * Checks a username and password. Failures are counted per user; the Nth consecutive failure locks the
 * account for a while, during which even the right password is refused. The caller answers every
 * failure the same way, so the answer does not reveal whether a user exists.
 */
export async function loginWithPassword(
  db: Db,
  username: string,
  password: string,
  settings: LockoutSettings,
  now = new Date(),
): Promise<LoginResult> {
  const user = await db.user.findUnique({ where: { username }, include: { roles: true } });
  if (!user) {
    await burnPasswordCheck(password);
    return { ok: false, failure: 'unknown_user' };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnPasswordCheck(password);
    return { ok: false, failure: 'locked', userId: user.id, lockedUntil: user.lockedUntil };
  }
  if (user.disabled || !user.passwordHash) {
    await burnPasswordCheck(password);
    return { ok: false, failure: user.disabled ? 'disabled' : 'no_password', userId: user.id };
  }
  if (await verifyPassword(user.passwordHash, password)) {
    if (user.failedLogins > 0 || user.lockedUntil)
      await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    return { ok: true, user: toAuthUser(user), mustChangePassword: user.mustChangePassword };
  }
  // Atomic increment: concurrent wrong guesses are all counted.
  const counted = await db.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
  if (counted.failedLogins >= settings.maxFailures) {
    const lockedUntil = new Date(now.getTime() + settings.lockMinutes * 60_000);
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil } });
    return { ok: false, failure: 'locked', userId: user.id, lockedUntil, lockedNow: true };
  }
  return { ok: false, failure: 'wrong_password', userId: user.id };
}
