import { Router, type Request } from 'express';
import {
  approveTasksRequestSchema,
  listTasksQuerySchema,
  reassignTasksRequestSchema,
  taskEventsQuerySchema,
  type ApproveTasksRequest,
  type BulkActionResponse,
  type ReassignTasksRequest,
  type ReassignTasksResponse,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { departmentsOf, rolesIn } from '../auth/grants';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { idempotencyKeyOf } from '../cases/idempotency-key';
import {
  approveTasks,
  assertApprovable,
  assertReassignableTo,
  keepBulkAnswer,
  reassignmentDepartment,
  reassignOpenTasks,
  replayedBulkAnswer,
} from './bulk-actions';
import { taskInboxPage } from './task-inbox';
import { caseFileView } from './case-file-view';
import { caseViewFor } from '../auth/access-policy';
import { caseNoOf, caseResource } from '../cases/case-access';
import { forbidden } from '../http/problem';
import { TaskChangeFeed } from './task-change-feed';
import { streamTaskEvents } from './task-events';

declare module 'express-serve-static-core' {
  interface Request {
    /** The parsed bulk request, set while authorize() loads its resource (the body decides the department). */
    bulk?: {
      reassign?: { request: ReassignTasksRequest; departmentCode: string };
      approve?: ApproveTasksRequest;
    };
  }
}

/**
 * Department inboxes over the Task projection (earliest due first; task.list in the department asked
 * for; views mine, done, 待补正, 特别程序中), the case file view's items, materials and departments' progress
 * (case.read), and the leads' bulk actions: reassign every open task of a person (task.reassign in that
 * person's home department or the one named, where they hold a role) and approve several of one's own tasks (case.decide in a department they hold a role in), and
 * the inbox's live stream: GET /tasks/events sends a `tasks` event when the department's task rows
 * change (one shared poller per app, see TaskChangeFeed).
 */
export function tasksRouter(deps: ApiDeps): Router {
  const router = Router();
  const feed = new TaskChangeFeed(deps.db, deps.logger);

  // Server-sent events for one department's inbox (your own unless `department` names another you may list).
  const eventsResource = (req: Request) => {
    const q = parse(taskEventsQuerySchema, req.query, 'query');
    return { departmentCodes: [q.department ?? signedInUser(req).departmentCode ?? ''] };
  };
  router.get('/tasks/events', authorize('task.list', eventsResource), async (req, res) => {
    await streamTaskEvents(feed, req.access?.resource?.departmentCodes ?? [], req, res);
  });
  router.get(
    '/tasks',
    authorize('task.list', (req) => ({ departmentCodes: [String(req.query.department ?? '')] })),
    async (req, res) => {
      const q = parse(listTasksQuerySchema, req.query, 'query');
      // 待签收: the role groups of the roles the user holds in the department asked for.
      const me = signedInUser(req);
      res.json(await taskInboxPage(deps, q, { id: me.id, roles: rolesIn(me, q.department) }));
    },
  );

  // The case file view's items, materials (only for viewers whose case view includes them) and departments' progress.
  router.get('/cases/:caseNo/file', authorize('case.read', caseResource(deps)), async (req, res) => {
    const visible = caseViewFor(signedInUser(req), req.access?.resource ?? { departmentCodes: [] });
    if (!visible) throw forbidden('case.read refused');
    res.json(await caseFileView(deps.db, caseNoOf(req.params.caseNo), visible.materials));
  });

  // The body names the person and, optionally, a department they hold a role in (default: their home department);
  // that department is the resource (an unknown `from` is 422, a department they have no role in 400). `to` is checked once allowed; nothing is sent before.
  const reassignResource = async (req: Request) => {
    const request = parse(reassignTasksRequestSchema, req.body, 'reassignment');
    const departmentCode = await reassignmentDepartment(deps, request);
    req.bulk = { reassign: { request, departmentCode } };
    return { departmentCodes: [departmentCode] };
  };
  router.post('/tasks/reassign', authorize('task.reassign', reassignResource), async (req, res) => {
    const { request, departmentCode } = req.bulk!.reassign!;
    const lead = signedInUser(req);
    const key = idempotencyKeyOf(req);
    await assertReassignableTo(deps, request, departmentCode);
    const replayed = await replayedBulkAnswer<ReassignTasksResponse>(
      deps,
      'POST /api/tasks/reassign',
      lead,
      key,
      request,
    );
    if (replayed) return void res.json(replayed);
    const result = await reassignOpenTasks(deps, lead, departmentCode, request, key);
    await req.audit?.({
      action: 'task.reassigned',
      target: `user:${request.from}`,
      payload: {
        from: request.from,
        to: request.to,
        reason: request.reason,
        departmentCode,
        items: result.items.map(({ caseNo, stepId, outcome, detail }) => ({
          caseNo,
          stepId,
          outcome,
          detail,
        })),
      },
    });
    const body: ReassignTasksResponse = { from: request.from, to: request.to, departmentCode, ...result };
    await keepBulkAnswer(deps, 'POST /api/tasks/reassign', lead, key, request, body);
    res.json(body);
  });

  const approveResource = async (req: Request) => {
    const me = signedInUser(req);
    req.bulk = { approve: parse(approveTasksRequestSchema, req.body, 'batch') };
    return { departmentCodes: departmentsOf(me) };
  };
  router.post('/tasks/approve', authorize('case.decide', approveResource), async (req, res) => {
    const request = req.bulk!.approve!;
    const me = signedInUser(req);
    const key = idempotencyKeyOf(req);
    const replayed = await replayedBulkAnswer<BulkActionResponse>(
      deps,
      'POST /api/tasks/approve',
      me,
      key,
      request,
    );
    if (replayed) return void res.json(replayed);
    await assertApprovable(deps, me, request);
    const result = await approveTasks(deps, me, request, key);
    await req.audit?.({
      action: 'task.approved_in_bulk',
      target: `user:${me.id}`,
      payload: {
        comment: request.comment,
        items: result.items.map(({ caseNo, stepId, outcome, detail }) => ({
          caseNo,
          stepId,
          outcome,
          detail,
        })),
      },
    });
    const body: BulkActionResponse = result;
    await keepBulkAnswer(deps, 'POST /api/tasks/approve', me, key, request, body);
    res.json(body);
  });
  return router;
}
