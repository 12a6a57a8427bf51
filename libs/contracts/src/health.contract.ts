import { z } from 'zod';

export const dependencyHealthSchema = z.object({
  up: z.boolean(),
  /** Human-readable detail, e.g. the server address or why it is down. */
  detail: z.string(),
  latencyMs: z.number().nonnegative().optional(),
});

/** GET /api/health — 200 when every dependency is up, 503 naming what is down otherwise. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: dependencyHealthSchema,
  temporal: dependencyHealthSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
