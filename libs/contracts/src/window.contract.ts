import { z } from 'zod';

/** The window's queues: 待出件 (every approval done, waiting for unified issuance), oldest first. */
export const windowQueueViews = ['issuance'] as const;
export const windowQueueQuerySchema = z.object({
  view: z.enum(windowQueueViews).default('issuance'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type WindowQueueQuery = z.infer<typeof windowQueueQuerySchema>;

export const windowQueueEntrySchema = z.object({
  caseNo: z.string(),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  items: z.array(z.object({ implementationCode: z.string(), name: z.string() })),
  acceptedAt: z.string().nullable(),
  /** When the decision was made: the Art. 44 issuance clock started. */
  decidedAt: z.string().nullable(),
  /** The Art. 44 due date of issuance (10 working days after the decision). */
  issuanceDueDate: z.string().nullable(),
});
export type WindowQueueEntry = z.infer<typeof windowQueueEntrySchema>;

export const windowQueuePageSchema = z.object({
  view: z.enum(windowQueueViews),
  items: z.array(windowQueueEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WindowQueuePage = z.infer<typeof windowQueuePageSchema>;
