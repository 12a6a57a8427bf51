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
  /** 容缺受理: the tolerated materials not supplied yet; issuance waits for every one. */
  toleratedGaps: z
    .array(z.object({ materialCode: z.string(), name: z.string(), dueDate: z.string().nullable() }))
    .default([]),
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

/** 容缺补齐: what the applicant handed in for a tolerated material (paper originals and copies, or electronic). */
export const toleratedSupplyRequestSchema = z
  .strictObject({
    originals: z.number().int().min(0, '原件份数不能为负').max(99, '原件份数最多 99').default(0),
    copies: z.number().int().min(0, '复印件份数不能为负').max(99, '复印件份数最多 99').default(0),
    form: z.enum(['paper', 'electronic', 'both']).optional(),
  })
  .refine((s) => s.originals + s.copies > 0 || s.form === 'electronic' || s.form === 'both', {
    message: '请填写补齐材料的原件或复印件份数，或选择电子材料',
    path: ['originals'],
  });
export type ToleratedSupplyRequest = z.input<typeof toleratedSupplyRequestSchema>;

export const toleratedSupplyResponseSchema = z.object({
  caseNo: z.string(),
  materialCode: z.string(),
  name: z.string(),
  receivedAt: z.string(),
});
export type ToleratedSupplyResponse = z.infer<typeof toleratedSupplyResponseSchema>;
