import { z } from 'zod';
import { caseNoSchema, projectedTaskSchema, taskStateSchema } from './case.contract';
import { userIdSchema } from './contract-fields';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * Inbox views: `to_claim` (待签收: open tasks offered to a group the signed-in user belongs to — their
 * department's role group for one of their roles, or a 转办 group naming them — that nobody claimed yet), `mine` (open tasks the signed-in user holds), `done` (tasks they held that are decided or sent
 * back), `supplement` (the department's open tasks whose step waits for the applicant's 补正), `special` (the
 * department's open tasks whose step clock is stopped for a special procedure), `department` (every open task).
 */
export const inboxViews = ['to_claim', 'mine', 'done', 'supplement', 'special', 'department'] as const;
export const inboxViewSchema = z.enum(inboxViews);
export type InboxView = z.infer<typeof inboxViewSchema>;

/** Time status of a task by its remaining working days: overdue after the due day, warning within 3 working days. */
export const timeStatuses = ['normal', 'warning', 'overdue'] as const;
export const timeStatusSchema = z.enum(timeStatuses);
export type TimeStatus = z.infer<typeof timeStatusSchema>;

/**
 * GET /api/tasks — a department inbox read from the Task projection, earliest due date (least remaining
 * time) first. `view` chooses one of the inbox views (it then decides the state and the holder); without it,
 * `state` and `assignee` choose as before.
 */
export const listTasksQuerySchema = z.strictObject({
  department: z.string().trim().min(1, 'department (a department code) is required').max(64),
  view: inboxViewSchema.optional(),
  state: taskStateSchema.default('open'),
  /** Tasks this user holds (alone, or among several holders). */
  assignee: z.string().trim().min(1).max(64).optional(),
  /** Part of the case number (case-insensitive). */
  caseNo: z.string().trim().toUpperCase().max(16).optional(),
  /** An item of the case, by its implementation code. */
  item: z.string().trim().min(1).max(64).optional(),
  /** Arrival (the task opened) on or after / on or before this Shanghai day. */
  arrivedFrom: isoDay.optional(),
  arrivedTo: isoDay.optional(),
  /** The step's due date on or after / on or before this day (a reversed range is refused by the API). */
  dueFrom: isoDay.optional(),
  dueTo: isoDay.optional(),
  timeStatus: timeStatusSchema.optional(),
  /** The applicant: part of the name, or the ID number in full or masked as lists show it (110105********002X). */
  applicant: z.string().trim().min(1, 'applicant is empty: write a name or an ID number').max(64).optional(),
  /** Free text: part of the case number, the applicant (as `applicant`), or an item's name or code. */
  search: z.string().trim().min(1, 'search is empty: write what to look for').max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

/** A task row of the inbox: the projected task with what an approver needs at a glance. */
export const inboxTaskSchema = projectedTaskSchema.extend({
  /** The step's name in the case's plan (falls back to the step id). */
  stepName: z.string(),
  items: z.array(z.object({ implementationCode: z.string(), name: z.string() })),
  /** Persons as 张** (first character only); organisations by name. */
  applicant: z.object({ kind: z.string(), name: z.string() }),
  /** Working days from today (Shanghai) to the due date by the calendar in force; negative when overdue; null when the clock is stopped or undated. */
  remainingWorkingDays: z.number().int().nullable(),
  timeStatus: timeStatusSchema.nullable(),
  /** The step clock: running, or suspended with why (补正, a special procedure, a hold at the window or behind a returned branch). */
  clock: z.object({
    state: z.enum(['running', 'suspended']),
    kind: z.enum(['supplement', 'special_procedure', 'hold']).nullable(),
    reason: z.string().nullable(),
  }),
  /** Reminders (催办) recorded on the step's clock. */
  reminders: z.number().int(),
  /**
   * 签收: `unclaimed` — offered to a group, to be claimed (待签收); `claimed` — a member claimed it (or a lead
   * assigned it), `by` (user id and display name) since `at`; null state for tasks of named signers.
   */
  claim: z.object({
    state: z.enum(['unclaimed', 'claimed']).nullable(),
    by: z.string().nullable(),
    byName: z.string().nullable(),
    at: z.string().nullable(),
  }),
});
export type InboxTask = z.infer<typeof inboxTaskSchema>;

export const taskPageSchema = z.object({
  items: z.array(inboxTaskSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** The Shanghai day the remaining working days count from. */
  today: z.string(),
});
export type TaskPage = z.infer<typeof taskPageSchema>;

/**
 * GET /api/cases/:caseNo/file — what the case file view shows besides the workflow's view: the items, the
 * materials with their files (only for those whose case view includes materials), and every department's
 * progress (status and due dates, never opinions).
 */
export const caseFileViewSchema = z.object({
  caseNo: z.string(),
  acceptanceMode: z.string(),
  items: z.array(z.object({ implementationCode: z.string(), name: z.string(), departmentCode: z.string() })),
  materials: z
    .array(
      z.object({
        materialCode: z.string(),
        name: z.string(),
        provenance: z.string(),
        originals: z.number().int(),
        copies: z.number().int(),
        form: z.string().nullable(),
        dueDate: z.string().nullable(),
        file: z.object({ contentType: z.string(), size: z.number().int() }).nullable(),
      }),
    )
    .nullable(),
  departments: z.array(
    z.object({
      stepId: z.string(),
      stepName: z.string(),
      departmentCode: z.string(),
      departmentName: z.string(),
      state: z.string(),
      outcome: z.string().nullable(),
      openedAt: z.string(),
      dueDate: z.string().nullable(),
      closedAt: z.string().nullable(),
    }),
  ),
});
export type CaseFileView = z.infer<typeof caseFileViewSchema>;

/** GET /api/users?department= — the active users of a department, for people pickers (转办, 委派, 加签, 抄送). */
export const listUsersQuerySchema = z.strictObject({
  department: z.string().trim().min(1, 'department (a department code) is required').max(64),
});
export const userDirectorySchema = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) })),
});
export type UserDirectory = z.infer<typeof userDirectorySchema>;

const reason = z.string().trim().min(1, 'reason is required').max(2000);

/**
 * POST /api/tasks/reassign — a department lead (a department they lead) or the supervisor hands every open
 * place of `from` on the department's open steps to `to` (转办 with the lead's authority). The department is
 * `departmentCode` — one `from` holds a role in — else the home department of `from`; `to` must be an active
 * member of it.
 */
export const reassignTasksRequestSchema = z
  .strictObject({
    from: userIdSchema,
    to: userIdSchema,
    reason,
    departmentCode: z
      .string()
      .trim()
      .min(1, 'departmentCode（部门编码）不能为空：不填则为被转办人的所属部门')
      .max(64, 'departmentCode（部门编码）最多 64 个字符')
      .optional(),
  })
  .refine((r) => r.from !== r.to, { path: ['to'], message: '"to" must be someone other than "from"' });
export type ReassignTasksRequest = z.infer<typeof reassignTasksRequestSchema>;

/** POST /api/tasks/approve — the signed-in user approves several of their own open tasks at once. */
export const approveTasksRequestSchema = z.strictObject({
  tasks: z
    .array(
      z.strictObject({
        caseNo: caseNoSchema,
        stepId: z.string().trim().min(1, 'stepId is required').max(100),
        /** The step revision the page showed, as for a single action: a task changed since is refused. */
        expectedRevision: z
          .number({
            error: 'expectedRevision is the step revision your page showed (a whole number, 0 or more)',
          })
          .int()
          .min(0)
          .optional(),
      }),
    )
    .min(1, 'name at least one task')
    .max(50, 'at most 50 tasks per request')
    .refine((ts) => new Set(ts.map((t) => `${t.caseNo}\u0000${t.stepId}`)).size === ts.length, {
      message: 'a task (caseNo + stepId) is named twice',
    }),
  comment: z.string().max(2000).optional(),
});
export type ApproveTasksRequest = z.infer<typeof approveTasksRequestSchema>;

/** One item of a bulk answer: each case is its own workflow, so each is accepted or refused on its own. */
export const bulkItemResultSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  outcome: z.enum(['ok', 'refused']),
  /** The workflow's (or the API's) reason when refused. */
  detail: z.string().optional(),
  /** The step as the workflow shows it after the Update. */
  step: z.record(z.string(), z.unknown()).optional(),
});
export type BulkItemResult = z.infer<typeof bulkItemResultSchema>;

export const bulkActionResponseSchema = z.object({
  ok: z.number().int(),
  refused: z.number().int(),
  items: z.array(bulkItemResultSchema),
});
export type BulkActionResponse = z.infer<typeof bulkActionResponseSchema>;

export const reassignTasksResponseSchema = bulkActionResponseSchema.extend({
  from: z.string(),
  to: z.string(),
  departmentCode: z.string(),
});
export type ReassignTasksResponse = z.infer<typeof reassignTasksResponseSchema>;

/** GET /api/cases/copied — cases copied to the signed-in user (抄送), newest first. */
export const copiedCasesQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const copiedCaseSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  by: z.string(),
  note: z.string().nullable(),
  at: z.string(),
  caseStatus: z.string(),
});
export const copiedCasePageSchema = z.object({
  items: z.array(copiedCaseSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type CopiedCasePage = z.infer<typeof copiedCasePageSchema>;

/** GET /api/tasks/events — the server-sent stream of a department's task changes (defaults to your own). */
export const taskEventsQuerySchema = z.strictObject({
  department: z.string().min(1).max(64).optional(),
});

/** One `tasks` event: what these departments' inboxes show changed (a task opened, closed, re-dated, re-held or its clock stopped; reload the inbox), noticed at `at`. */
export const taskEventSchema = z.object({
  departments: z.array(z.string()),
  at: z.string(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;
