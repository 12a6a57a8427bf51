import { z } from 'zod';

/** RFC 9457 problem details, the body of every API error (content type application/problem+json). */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  /**
   * Per-field validation errors: path like "items.0.code" → message. An error may add a stable `code` and
   * its `params`, for the web app to say it in the user's language (e.g. a flow's lint problems at publish).
   */
  errors: z
    .array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.string().optional(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;
