// Department inboxes over the Task projection, for GET /api/tasks (tasks.router.ts).
import type { ListTasksQuery, TaskPage } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { toProjectedTask } from '../cases/case-details';

/** One page of a department's tasks in a state (optionally one person's), the earliest due first. */
export async function taskInboxPage(db: Db, q: ListTasksQuery): Promise<TaskPage> {
  const where = {
    departmentCode: q.department,
    state: q.state,
    ...(q.assignee
      ? { OR: [{ assigneeUserId: q.assignee }, { holders: { some: { userId: q.assignee } } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.task.findMany({
      where,
      include: { holders: true },
      // A stopped step clock (补正, at the window) has no due date: those tasks come after the dated ones, on SQLite and PostgreSQL alike.
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { caseNo: 'asc' }, { stepId: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.task.count({ where }),
  ]);
  return { items: rows.map(toProjectedTask), page: q.page, pageSize: q.pageSize, total };
}
