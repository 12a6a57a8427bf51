import { Router } from 'express';
import { listTasksQuerySchema, type TaskPage } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { toProjectedTask } from '../cases/case-details';

/** Department inboxes over the Task projection (earliest due first); task.list in the department asked for. */
export function tasksRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/tasks', authorize('task.list', (req) => ({ departmentCodes: [String(req.query.department ?? '')] })), async (req, res) => {
    const q = parse(listTasksQuerySchema, req.query, 'query');
    const where = { departmentCode: q.department, state: q.state, ...(q.assignee ? { assigneeUserId: q.assignee } : {}) };
    const [rows, total] = await Promise.all([
      db.task.findMany({
        where,
        orderBy: [{ dueDate: 'asc' }, { caseNo: 'asc' }, { stepId: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
      db.task.count({ where }),
    ]);
    const body: TaskPage = { items: rows.map(toProjectedTask), page: q.page, pageSize: q.pageSize, total };
    res.json(body);
  });
  return router;
}
