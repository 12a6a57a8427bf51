import { Router, type Request } from 'express';
import { markNotificationsReadSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { departmentsOf, rolesIn } from '../auth/grants';
import { parse } from '../http/parse';
import { listNotifications, markAllRead, markRead } from './notifications.service';

/** The departments one works in: the notifications are about one's own work there (task.list, like the inbox). */
const ownDepartment = (req: Request) => ({ departmentCodes: departmentsOf(signedInUser(req)) });

/** The user in their own department with their roles there, and in each other department they hold roles in. */
const recipientOf = (req: Request) => {
  const user = signedInUser(req);
  const home = user.departmentCode ?? '';
  const elsewhere = departmentsOf(user)
    .filter((code) => code !== home)
    .map((code) => ({ departmentCode: code, roles: rolesIn(user, code) }));
  return { id: user.id, departmentCode: home, roles: rolesIn(user, home), elsewhere };
};

/**
 * 通知中心. GET /notifications: the signed-in user's newest notifications (`limit`, 1..50, default 20) with the
 * unread count — the web app's bell reads it on every task event of the department. POST /notifications/read
 * marks some read ({ ids }); POST /notifications/read-all marks everything up to now read.
 */
export function notificationsRouter(deps: ApiDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/notifications', authorize('task.list', ownDepartment), async (req, res) => {
    const asked = Number(req.query.limit ?? 20);
    const limit = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), 50) : 20;
    res.json(await listNotifications(db, recipientOf(req), limit));
  });

  router.post('/notifications/read', authorize('task.list', ownDepartment), async (req, res) => {
    const { ids } = parse(markNotificationsReadSchema, req.body, 'notifications');
    await markRead(db, signedInUser(req).id, ids);
    res.status(204).end();
  });

  router.post('/notifications/read-all', authorize('task.list', ownDepartment), async (req, res) => {
    await markAllRead(db, signedInUser(req).id);
    res.status(204).end();
  });

  return router;
}
