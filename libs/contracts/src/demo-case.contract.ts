import { z } from 'zod';

/** POST /api/demo-cases → 201; POST /api/demo-cases/:caseNo/complete → 200. Proves the Temporal wiring. */
export const demoCaseResponseSchema = z.object({
  caseNo: z.string(),
  status: z.enum(['waiting', 'completed']),
});
export type DemoCaseResponse = z.infer<typeof demoCaseResponseSchema>;

export const completeDemoCaseRequestSchema = z.strictObject({
  completedBy: z.string().trim().min(1, 'name who completes the case, e.g. "demo-clerk"').max(64),
});
export type CompleteDemoCaseRequest = z.infer<typeof completeDemoCaseRequestSchema>;
