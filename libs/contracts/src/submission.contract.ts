import { z } from 'zod';
import { hasNoInvisibleControls, invisibleControlsMessage } from './contract-fields';

/**
 * 网上申报 (online submissions) and the window's pre-review (预审). The applicant fills a public form; the
 * submission waits in the window's queue. 行政许可法 Art. 32: without a one-time notice within 5 working days it
 * counts as accepted from the day it was received. Messages are Chinese: the applicant reads them.
 */

export const submissionNoSchema = z
  .string()
  .regex(/^WS\d{14}$/, '申报编号格式为 WS 加 14 位数字，例如 WS20261214000001');

export const submissionRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({ implementationCode: z.string('请选择事项').trim().min(1, '请选择事项').max(64) }),
      '请至少选择一个事项',
    )
    .min(1, '请至少选择一个事项')
    .max(20, '一次最多申报 20 个事项')
    .refine(
      (items) => new Set(items.map((i) => i.implementationCode)).size === items.length,
      '同一事项选择了两次',
    ),
  /** 一件事: the bundle the items belong to. */
  bundleCode: z.string().trim().min(1).max(50).optional(),
  applicant: z.strictObject(
    {
      kind: z.enum(['person', 'organisation'], '请选择申请人类型：个人或单位'),
      idNumber: z
        .string('请填写证件号码')
        .trim()
        .toUpperCase()
        .min(1, '请填写证件号码')
        .max(18, '证件号码最多 18 位'),
      name: z
        .string('请填写申请人名称')
        .trim()
        .min(1, '请填写申请人名称')
        .max(100, '名称最多 100 个字')
        .refine(hasNoInvisibleControls, invisibleControlsMessage('申请人名称')),
      phone: z
        .string()
        .trim()
        .regex(/^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, '联系电话应为手机号或带区号的固定电话')
        .optional(),
      /** Where the applicant's messages go (ready for collection, supplement needed) when the e-mail channel is on. */
      email: z
        .email({
          error:
            '电子邮箱格式不正确：应为“用户名@域名”形式的完整地址（如 QQ 邮箱、163 邮箱），请检查后重新填写；不需要邮件通知可以不填',
        })
        .max(254, '电子邮箱最多 254 个字符')
        .optional(),
    },
    '请填写申请人信息',
  ),
  /** The materials the applicant declares as handed in (electronically, or on paper at the window). */
  materials: z
    .array(
      z.strictObject({
        materialCode: z.string().trim().min(1, '材料编码不能为空').max(64),
        form: z.enum(['paper', 'electronic'], '材料形式为纸质或电子').default('electronic'),
      }),
    )
    .max(200, '材料最多 200 项')
    .refine((m) => new Set(m.map((x) => x.materialCode)).size === m.length, '同一材料声明了两次')
    .default([]),
});
export type SubmissionRequest = z.input<typeof submissionRequestSchema>;

export const submissionStatuses = [
  'pending',
  'accepted',
  'deemed_accepted',
  'correction_notified',
  'refused',
] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** What the applicant gets back: the number, the notice deadline and where to check the status. */
export const submissionReceiptSchema = z.object({
  submissionNo: submissionNoSchema,
  status: z.literal('pending'),
  receivedAt: z.string(),
  /** The last working day for a one-time notice (YYYY-MM-DD). */
  deadline: z.string(),
  /** The web path of the status lookup (the number and the last 4 characters of the ID number). */
  lookupPath: z.string(),
});
export type SubmissionReceipt = z.infer<typeof submissionReceiptSchema>;

export const submissionStatusRequestSchema = z.strictObject({
  code: z.string('请填写证件号码后 4 位').trim().length(4, '请填写证件号码后 4 位'),
});

export const publicSubmissionStatusSchema = z.object({
  submissionNo: z.string(),
  status: z.enum(submissionStatuses),
  receivedAt: z.string(),
  deadline: z.string(),
  /** The case number once it was accepted, noticed or refused: the public lookup follows it from then on. */
  caseNo: z.string().optional(),
});
export type PublicSubmissionStatus = z.infer<typeof publicSubmissionStatusSchema>;

/** A row of the window's pre-review queue. */
export const submissionSummarySchema = z.object({
  submissionNo: z.string(),
  kind: z.enum(['item', 'bundle']),
  bundleCode: z.string().optional(),
  /** Each item by its handling-item code (业务办理项编码, the catalogue's itemKey). */
  items: z.array(z.object({ implementationCode: z.string(), name: z.string() })),
  applicant: z.object({
    kind: z.string(),
    name: z.string(),
    idNumber: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }),
  materials: z.array(z.object({ materialCode: z.string(), name: z.string(), form: z.string() })),
  receivedAt: z.string(),
  deadline: z.string(),
  status: z.enum(submissionStatuses),
  caseNo: z.string().optional(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submissionQueueQuerySchema = z.strictObject({
  status: z
    .enum(submissionStatuses, '状态应为 pending、accepted、deemed_accepted、correction_notified 或 refused')
    .default('pending'),
});

/** 一次性告知 on a submission: every missing or defective material at once, and where to hand them in. */
export const submissionCorrectionRequestSchema = z.strictObject({
  missing: z
    .array(
      z.strictObject({
        materialCode: z.string().trim().min(1, '请选择材料').max(64),
        problem: z.string('请说明材料的问题').trim().min(1, '请说明材料的问题').max(500),
      }),
    )
    .min(1, '一次性告知至少列出一项材料')
    .max(200),
  handIn: z.string().trim().min(1).max(500).optional(),
});
export type SubmissionCorrectionRequest = z.input<typeof submissionCorrectionRequestSchema>;

/** 不予受理 of a submission: the reason, and the competent authority when it is outside this one's remit. */
export const submissionRefusalRequestSchema = z.strictObject({
  reason: z.string('请填写不予受理的理由').trim().min(1, '请填写不予受理的理由').max(2000),
  redirectTo: z.string().trim().min(1).max(200).optional(),
});
export type SubmissionRefusalRequest = z.input<typeof submissionRefusalRequestSchema>;

/** The clerk's outcome: the submission's new status and the case (number) it became. */
export const submissionOutcomeSchema = z.object({
  submissionNo: z.string(),
  status: z.enum(submissionStatuses),
  caseNo: z.string(),
  /** Acceptance counts from the receipt day (YYYY-MM-DD), when accepted. */
  acceptedOn: z.string().optional(),
});
export type SubmissionOutcome = z.infer<typeof submissionOutcomeSchema>;
