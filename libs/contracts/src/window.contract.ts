import { z } from 'zod';

/**
 * The window's queues: 待出件 (every approval done, waiting for unified issuance), oldest first; 补正待收 (the
 * applications told what to supplement, and the cases a department returned for 补正 or sent back to the window,
 * whose materials the window takes in), longest waiting first.
 */
export const windowQueueViews = ['issuance', 'corrections'] as const;
export const windowQueueQuerySchema = z.object({
  view: z
    .enum(windowQueueViews, { error: `view 只能是 ${windowQueueViews.join('、')} 之一（待出件、补正待收）` })
    .default('issuance'),
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

/**
 * 补正待收, one row per thing the window must take in: `intake` — an application with a one-time notice
 * (needs_correction, no clock runs), accepted under its number when complete; `supplement` — a department asked
 * for materials (补正: submit_supplement resumes the clocks); `returned` — a department sent a step back to the
 * window (退回窗口: resubmit_from_window sends it again).
 */
export const windowCorrectionEntrySchema = z.object({
  caseNo: z.string(),
  kind: z.enum(['intake', 'supplement', 'returned']),
  applicantKind: z.enum(['person', 'organisation']),
  applicantName: z.string(),
  applicantIdMasked: z.string(),
  items: z.array(z.object({ implementationCode: z.string(), itemKey: z.string(), name: z.string() })),
  bundleCode: z.string().nullable(),
  /** The step a department returned (null for an application with a one-time notice). */
  stepId: z.string().nullable(),
  stepName: z.string().nullable(),
  /** What was asked: the materials (一次性告知, 补正), or the reason of a 退回. */
  asked: z.array(z.string()),
  note: z.string().nullable(),
  /** When the notice was given or the step returned. */
  since: z.string(),
  /** The 材料补正一次性告知书 of an `intake` row. */
  documentNo: z.string().nullable(),
});
export type WindowCorrectionEntry = z.infer<typeof windowCorrectionEntrySchema>;

export const windowCorrectionsPageSchema = z.object({
  view: z.literal('corrections'),
  items: z.array(windowCorrectionEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type WindowCorrectionsPage = z.infer<typeof windowCorrectionsPageSchema>;

export const windowCountersQuerySchema = z.object({
  /** The centre's calendar day (Asia/Shanghai), YYYY-MM-DD; today by default. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'day 须为 YYYY-MM-DD 格式的日期，例如 2026-12-07')
    .optional(),
});

/** The signed-in clerk's work of one day at the window (the centre's day, Asia/Shanghai). */
export const windowCountersSchema = z.object({
  day: z.string(),
  /** Applications taken in (first contact: accepted, told what to supplement, or refused). */
  received: z.number().int(),
  accepted: z.number().int(),
  /** 一次性告知书 issued. */
  notices: z.number().int(),
  /** 不予受理决定书 issued. */
  refused: z.number().int(),
  /** Cases issued (统一出件: 送达回证). */
  issued: z.number().int(),
  /** Materials not handed in because a certificate on file was used (免提交), in the cases accepted. */
  reusedCertificates: z.number().int(),
});
export type WindowCounters = z.infer<typeof windowCountersSchema>;
