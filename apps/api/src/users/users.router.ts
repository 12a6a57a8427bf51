import { Router } from 'express';
import { listUsersQuerySchema, type UserDirectory } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { departmentUsers } from './department-users';

/**
 * GET /api/users?department= — the active users of a department, for the approvers' people pickers (转办,
 * 委派, 加签/减签, 抄送). Read-only; task.list in that department (its approvers, leads, supervisors).
 */
export function usersRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get(
    '/users',
    authorize('task.list', (req) => ({ departmentCodes: [String(req.query.department ?? '')] })),
    async (req, res) => {
      const q = parse(listUsersQuerySchema, req.query, 'query');
      const body: UserDirectory = { items: await departmentUsers(deps.db, q.department) };
      res.json(body);
    },
  );
  return router;
}
