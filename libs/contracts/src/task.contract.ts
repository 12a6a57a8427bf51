import { z } from 'zod';
import { projectedTaskSchema } from './case.contract';

/** GET /api/tasks — a department inbox read from the Task projection, earliest due date first. */
export const listTasksQuerySchema = z.strictObject({
  department: z.string().trim().min(1, 'department (a department code) is required').max(64),
  state: z.enum(['open', 'done', 'cancelled']).default('open'),
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
