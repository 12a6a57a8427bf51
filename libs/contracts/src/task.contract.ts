import { z } from 'zod';
import { caseNoSchema, projectedTaskSchema, taskStateSchema } from './case.contract';
import { userIdSchema } from './contract-fields';

/** GET /api/tasks — a department inbox read from the Task projection, earliest due date first. */
export const listTasksQuerySchema = z.strictObject({
  department: z.string().trim().min(1, 'department (a department code) is required').max(64),
  state: taskStateSchema.default('open'),
  /** Tasks this user holds (alone, or among several holders). */
  assignee: z.string().trim().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

export const taskPageSchema = z.object({
  items: z.array(projectedTaskSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TaskPage = z.infer<typeof taskPageSchema>;

const reason = z.string().trim().min(1, 'reason is required').max(2000);

/**
 * POST /api/tasks/reassign — a department lead (own department) or the supervisor hands every open
 * place of `from` on the department's open steps to `to` (转办 with the lead's authority). Both users
 * must be active members of the same department.
 */
export const reassignTasksRequestSchema = z
  .strictObject({ from: userIdSchema, to: userIdSchema, reason })
  .refine((r) => r.from !== r.to, { path: ['to'], message: '"to" must be someone other than "from"' });
export type ReassignTasksRequest = z.infer<typeof reassignTasksRequestSchema>;

/** POST /api/tasks/approve — the signed-in user approves several of their own open tasks at once. */
export const approveTasksRequestSchema = z.strictObject({
  tasks: z
    .array(
      z.strictObject({
        caseNo: caseNoSchema,
        stepId: z.string().trim().min(1, 'stepId is required').max(100),
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
