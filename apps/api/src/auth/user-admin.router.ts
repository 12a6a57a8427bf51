import { Router } from 'express';
import { oidcSubjectMappingSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { authorize } from './authorize.middleware';
import { revokeAllSessions } from './session.service';

/** Administration of identities: mapping an identity-provider subject to a OneWindow user. */
export function userAdminRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.put('/auth/users/:username/oidc-subject', authorize('user.manage'), async (req, res) => {
    const username = String(req.params.username);
    const { oidcSubject } = parse(oidcSubjectMappingSchema, req.body, 'request body');
    const user = await db.user.findUnique({ where: { username } });
    if (!user) throw notFound(`No user with username "${username}"`);
    if (oidcSubject) {
      const holder = await db.user.findUnique({ where: { oidcSubject } });
      if (holder && holder.id !== user.id) {
        throw new ProblemError(409, ProblemType.conflict, 'Subject already mapped', `That identity-provider subject already belongs to user ${holder.username}`);
      }
    }
    await db.user.update({ where: { id: user.id }, data: { oidcSubject } });
    // A changed identity mapping ends the user's sessions, so nobody keeps access through the old one.
    if (user.oidcSubject !== oidcSubject) await revokeAllSessions(db, user.id);
    res.json({ username, oidcSubject });
  });

  return router;
}
