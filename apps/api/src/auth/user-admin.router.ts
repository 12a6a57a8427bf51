import { Router } from 'express';
import { oidcSubjectMappingSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { parse } from '../http/parse';
import { authorize } from './authorize.middleware';
import { revokeAllSessions } from './session.service';
import { listUsers, mapOidcSubject, unlockUser, userNamed } from './user-accounts';

/** Administration of identities: listing, unlocking, ending sessions, mapping an identity-provider subject. */
export function userAdminRouter({ db }: ApiDeps): Router {
  const router = Router();

  router.get('/auth/users', authorize('user.manage'), async (_req, res) => {
    res.json({ users: await listUsers(db) });
  });

  /** Lifts a lock-out before it expires (the user called the help desk). */
  router.post('/auth/users/:username/unlock', authorize('user.manage'), async (req, res) => {
    const user = await userNamed(db, String(req.params.username));
    await unlockUser(db, user.id);
    res.json({ username: user.username, locked: false });
  });

  /** Ends every session of a user (a lost or stolen device). */
  router.post('/auth/users/:username/revoke-sessions', authorize('user.manage'), async (req, res) => {
    const user = await userNamed(db, String(req.params.username));
    res.json({ username: user.username, revokedSessions: await revokeAllSessions(db, user.id) });
  });

  router.put('/auth/users/:username/oidc-subject', authorize('user.manage'), async (req, res) => {
    const username = String(req.params.username);
    const { oidcSubject } = parse(oidcSubjectMappingSchema, req.body, 'request body');
    // A changed mapping ends the user's sessions (mapOidcSubject).
    await mapOidcSubject(db, await userNamed(db, username), oidcSubject);
    res.json({ username, oidcSubject });
  });

  return router;
}
