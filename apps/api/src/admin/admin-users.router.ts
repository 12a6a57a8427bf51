import { Router } from 'express';
import {
  createUserRequestSchema,
  oidcSubjectMappingSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { changeAuthor, parseInput } from './admin-problems';
import {
  adminUser,
  createUser,
  listAdminUsers,
  resetPassword,
  revokeSessions,
  setOidcSubject,
  unlock,
  updateUser,
} from './admin-users.service';

/** Accounts in the administration workspace (user.manage): every change is audited with its details. */
export function adminUsersRouter({ db }: ApiDeps): Router {
  const router = Router();
  const username = (value: unknown) => String(value);

  router.get('/admin/users', authorize('user.manage'), async (_req, res) => {
    res.json({ users: await listAdminUsers(db) });
  });

  router.post('/admin/users', authorize('user.manage'), async (req, res) => {
    const body = parseInput(createUserRequestSchema, req.body, '新用户');
    res.status(201).json(await createUser(db, body, changeAuthor(req)));
  });

  router.patch('/admin/users/:username', authorize('user.manage'), async (req, res) => {
    const body = parseInput(updateUserRequestSchema, req.body, '用户修改');
    res.json(await updateUser(db, username(req.params.username), body, changeAuthor(req)));
  });

  router.post('/admin/users/:username/password', authorize('user.manage'), async (req, res) => {
    const { password } = parseInput(resetPasswordRequestSchema, req.body, '重置密码');
    await resetPassword(db, username(req.params.username), password, changeAuthor(req));
    res.json(await adminUser(db, username(req.params.username)));
  });

  router.post('/admin/users/:username/unlock', authorize('user.manage'), async (req, res) => {
    await unlock(db, username(req.params.username), changeAuthor(req));
    res.json(await adminUser(db, username(req.params.username)));
  });

  router.post('/admin/users/:username/revoke-sessions', authorize('user.manage'), async (req, res) => {
    const revokedSessions = await revokeSessions(db, username(req.params.username), changeAuthor(req));
    res.json({ username: username(req.params.username), revokedSessions });
  });

  router.put('/admin/users/:username/oidc-subject', authorize('user.manage'), async (req, res) => {
    const { oidcSubject } = parseInput(oidcSubjectMappingSchema, req.body, '统一身份认证标识');
    await setOidcSubject(db, username(req.params.username), oidcSubject, changeAuthor(req));
    res.json(await adminUser(db, username(req.params.username)));
  });

  return router;
}
