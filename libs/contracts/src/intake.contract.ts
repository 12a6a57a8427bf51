import { z } from 'zod';
import { acceptApplicationRequestSchema, caseNoSchema } from './case.contract';

/**
 * 材料补正一次性告知 (行政许可法 Art. 32 ¶1 (4)): the application as received so far, and every missing or
 * defective material at once. The application gets its number and waits as `needs_correction`; no clock runs.
 * With `application.applicationNo` (an application already told, back at the window and still short of
 * materials) the same application gets the further notice and keeps its number; no new application is made.
 */
export const correctionNoticeRequestSchema = z.strictObject({
  application: acceptApplicationRequestSchema.omit({ acceptanceMode: true }),
  missing: z
    .array(
      z.strictObject({
        materialCode: z.string().trim().min(1).max(64),
        /** What is wrong: 未提交, 已过期, 不符合法定形式 … */
        problem: z.string().trim().min(1, 'say what is wrong with the material').max(500),
      }),
    )
    .min(1, 'a one-time notice names at least one material')
    .max(200)
    .refine((m) => new Set(m.map((x) => x.materialCode)).size === m.length, 'a material is listed twice'),
  /** Where and how to hand the materials in (printed on the notice). */
  handIn: z.string().trim().min(1).max(500).optional(),
});
export type CorrectionNoticeRequest = z.input<typeof correctionNoticeRequestSchema>;

export const correctionNoticeResponseSchema = z.object({
  caseNo: caseNoSchema,
  status: z.literal('needs_correction'),
  documentNo: z.string(),
});
export type CorrectionNoticeResponse = z.infer<typeof correctionNoticeResponseSchema>;

/**
 * 不予受理 (Art. 32 ¶1 (1)–(2)): the reason, and the competent authority when the matter is outside this one's
 * remit. The application gets its number and ends as `rejected_at_intake`, with the 不予受理决定书. With
 * `application.applicationNo` (an application told what to supplement, back at the window) that application is
 * refused under its number; no new application is made.
 */
export const intakeRefusalRequestSchema = z.strictObject({
  application: acceptApplicationRequestSchema.omit({ acceptanceMode: true }),
  reason: z.string().trim().min(1, 'a refusal states its reason').max(2000),
  redirectTo: z.string().trim().min(1).max(200).optional(),
});
export type IntakeRefusalRequest = z.input<typeof intakeRefusalRequestSchema>;

export const intakeRefusalResponseSchema = z.object({
  caseNo: caseNoSchema,
  status: z.literal('rejected_at_intake'),
  documentNo: z.string(),
});
export type IntakeRefusalResponse = z.infer<typeof intakeRefusalResponseSchema>;
