import { Router } from 'express';
import { oidcSubjectMappingSchema, type UserSummary } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { authorize } from './authorize.middleware';
import { revokeAllSessions, toAuthUser } from './session.service';

/** Administration of identities: listing, unlocking, ending sessions, mapping an identity-provider subject. */
export function userAdminRouter({ db }: ApiDeps): Router {
  const router = Router();
  const findUser = async (username: string) => {
    const user = await db.user.findUnique({ where: { username } });
    if (!user) throw notFound(`No user with username "${username}"`);
    return user;
  };

  router.get('/auth/users', authorize('user.manage'), async (_req, res) => {
    const users = await db.user.findMany({ orderBy: { username: 'asc' }, include: { roles: true } });
    const now = new Date();
    const body: UserSummary[] = users.map((user) => ({
      username: user.username,
      displayName: user.displayName,
      departmentCode: user.departmentCode,
      roles: toAuthUser(user).roles,
      disabled: user.disabled,
      lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
      oidcSubject: user.oidcSubject,
    }));
    res.json({ users: body });
  });

  /** Lifts a lock-out before it expires (the user called the help desk). */
  router.post('/auth/users/:username/unlock', authorize('user.manage'), async (req, res) => {
    const user = await findUser(String(req.params.username));
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    res.json({ username: user.username, locked: false });
  });

  /** Ends every session of a user (a lost or stolen device). */
  router.post('/auth/users/:username/revoke-sessions', authorize('user.manage'), async (req, res) => {
    const user = await findUser(String(req.params.username));
    res.json({ username: user.username, revokedSessions: await revokeAllSessions(db, user.id) });
  });

  router.put('/auth/users/:username/oidc-subject', authorize('user.manage'), async (req, res) => {
    const username = String(req.params.username);
    const { oidcSubject } = parse(oidcSubjectMappingSchema, req.body, 'request body');
    const user = await findUser(username);
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
    // A changed identity mapping ends the user's sessions, so nobody keeps access through the old one.
    if (user.oidcSubject !== oidcSubject) await revokeAllSessions(db, user.id);
    res.json({ username, oidcSubject });
  });

  return router;
}
