import { z } from 'zod';

/**
 * 办件查询 — the public status lookup. The applicant proves they may see the status with the last four
 * characters of the identity number the case was filed under (证件号后四位: resident ID or unified social
 * credit code; 'x' and 'X' are the same). The answer is the status only: never the applicant, materials or
 * decisions.
 */
export const publicLookupRequestSchema = z.strictObject({
  code: z
    .string({ error: 'code is required: the last 4 characters of the identity number' })
    .trim()
    .regex(/^[0-9A-Za-z]{4}$/, 'code is the last 4 characters of the identity number (digits or letters)'),
});
export type PublicLookupRequest = z.infer<typeof publicLookupRequestSchema>;

/** Case statuses as the case projection stores them. */
export const caseStatuses = [
  'submitted',
  'needs_correction',
  'rejected_at_intake',
  'accepted',
  'in_review',
  'special_procedure',
  'awaiting_supplement',
  'decided',
  'issued',
  'withdrawn',
  'terminated',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** What an applicant reads for each status (Chinese and English). */
export const caseStatusLabels: Record<CaseStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  needs_correction: { zh: '待补正', en: 'Correction needed' },
  rejected_at_intake: { zh: '不予受理', en: 'Not accepted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_review: { zh: '审批中', en: 'Under review' },
  special_procedure: { zh: '特别程序中', en: 'Special procedure' },
  awaiting_supplement: { zh: '待补正材料', en: 'Waiting for your materials (correction asked)' },
  decided: { zh: '已审结，待出件', en: 'Decided, ready for collection' },
  issued: { zh: '已办结', en: 'Completed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  terminated: { zh: '已终止办理', en: 'Terminated (tolerated materials not supplied in time)' },
};

/**
 * What the applicant must do now, for the statuses that wait for them (the clocks stop meanwhile): the
 * public lookup shows it under the status.
 */
export const caseStatusNextSteps: Partial<Record<CaseStatus, { zh: string; en: string }>> = {
  needs_correction: {
    zh: '申请材料不齐全，尚未受理：请按《材料补正一次性告知书》补齐全部材料，携带告知书到综合窗口提交，受理后开始计算办理时限。',
    en: 'Your application is not accepted yet: bring every material the one-time notice lists, with the notice, to the service window; the time limit starts on acceptance.',
  },
  awaiting_supplement: {
    zh: '审查部门要求补正材料：请按补正通知将所列材料送到综合窗口，窗口收取后恢复办理；补正期间办理时限暂停计算。',
    en: 'The reviewing department asked for more materials: hand them in at the service window, and the review resumes; the time limit is paused meanwhile.',
  },
};

/** The label of a stored status; a status this list does not know is shown as it is stored. */
export const caseStatusLabel = (status: string): { zh: string; en: string } =>
  (caseStatusLabels as Record<string, { zh: string; en: string }>)[status] ?? { zh: status, en: status };

export const publicCaseStatusSchema = z.strictObject({
  caseNo: z.string(),
  status: z.string(),
  label: z.strictObject({ zh: z.string(), en: z.string() }),
  /** What the applicant must do now (only while the case waits for them). */
  nextStep: z.strictObject({ zh: z.string(), en: z.string() }).optional(),
  updatedAt: z.string(),
});
export type PublicCaseStatus = z.infer<typeof publicCaseStatusSchema>;
