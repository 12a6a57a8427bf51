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
  'decided',
  'issued',
  'withdrawn',
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
  decided: { zh: '已审结，待出件', en: 'Decided, ready for collection' },
  issued: { zh: '已办结', en: 'Completed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The label of a stored status; a status this list does not know is shown as it is stored. */
export const caseStatusLabel = (status: string): { zh: string; en: string } =>
  (caseStatusLabels as Record<string, { zh: string; en: string }>)[status] ?? { zh: status, en: status };

export const publicCaseStatusSchema = z.strictObject({
  caseNo: z.string(),
  status: z.string(),
  label: z.strictObject({ zh: z.string(), en: z.string() }),
  updatedAt: z.string(),
});
export type PublicCaseStatus = z.infer<typeof publicCaseStatusSchema>;
