import { z } from 'zod';

/** Response of POST /api/demo-cases (status waiting) and POST /api/demo-cases/:caseNo/complete (status completed). */
export const demoCaseResponseSchema = z.object({
  caseNo: z.string().min(1),
  status: z.enum(['waiting', 'completed']),
});
export type DemoCaseResponse = z.infer<typeof demoCaseResponseSchema>;

/** Body of POST /api/demo-cases/:caseNo/complete — who completes the case (the workflow refuses a blank name). */
export const completeDemoCaseRequestSchema = z.object({
  completedBy: z.string().trim().min(1, 'completedBy is required'),
});
export type CompleteDemoCaseRequest = z.infer<typeof completeDemoCaseRequestSchema>;
