import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { calendarDataSchema } from '@onewindow/calendar';
import { z } from 'zod';
import type { CaseView, IssueSummary, StepView } from './case-state';

const actor = z.string().trim().min(1, 'actor is required: who acts');
const stepId = z.string().min(1, 'stepId is required');
const text = (what: string) => z.string().trim().min(1, `${what} is required`);

export const approveStepSchema = z.object({ stepId, actor, comment: z.string().optional() });
export const refuseStepSchema = z.object({
  stepId,
  actor,
  reasons: z.array(text('a reason')).min(1, 'a refusal needs at least one reason'),
});
export const returnForSupplementSchema = z.object({
  stepId,
  actor,
  materials: z.array(text('a material')).min(1, 'name the missing materials (一次性告知)'),
  note: z.string().optional(),
});
export const submitSupplementSchema = z.object({ stepId, actor, materials: z.array(z.string()).optional() });
export const specialProcedureKindSchema = z.enum([
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
]);
export const startSpecialProcedureSchema = z.object({
  stepId,
  actor,
  kind: specialProcedureKindSchema,
  reason: text('reason'),
});
export const endSpecialProcedureSchema = z.object({ stepId, actor, result: z.string().optional() });
export const requestExtensionSchema = z.object({
  stepId,
  actor,
  days: z.number().int().positive('days must be a positive number of working days'),
  reason: text('reason'),
});
export const approveExtensionSchema = z.object({ stepId, approvedBy: text('approvedBy'), reason: z.string().optional() });
export const withdrawCaseSchema = z.object({ by: z.enum(['applicant', 'window']), actor, reason: text('reason') });
export const issueResultsSchema = z.object({
  actor,
  delivery: z.object({
    method: z.enum(['window', 'post', 'electronic']),
    address: z.string().optional(),
    trackingNo: z.string().optional(),
  }),
});

export const refreshCalendarSchema = z.object({ actor, calendar: calendarDataSchema });

export type ApproveStep = z.infer<typeof approveStepSchema>;
export type RefuseStep = z.infer<typeof refuseStepSchema>;
export type ReturnForSupplement = z.infer<typeof returnForSupplementSchema>;
export type SubmitSupplement = z.infer<typeof submitSupplementSchema>;
export type StartSpecialProcedure = z.infer<typeof startSpecialProcedureSchema>;
export type EndSpecialProcedure = z.infer<typeof endSpecialProcedureSchema>;
export type RequestExtension = z.infer<typeof requestExtensionSchema>;
export type ApproveExtension = z.infer<typeof approveExtensionSchema>;
export type WithdrawCase = z.infer<typeof withdrawCaseSchema>;
export type IssueResults = z.infer<typeof issueResultsSchema>;
export type RefreshCalendar = z.input<typeof refreshCalendarSchema>;

/** Approver decisions (one Update each; the validator rejects an invalid one synchronously). */
export const approveStep = defineUpdate<StepView, [ApproveStep]>('approveStep');
export const refuseStep = defineUpdate<StepView, [RefuseStep]>('refuseStep');
/** 补正: suspends the step and case clocks until submitSupplement. */
export const returnForSupplement = defineUpdate<StepView, [ReturnForSupplement]>('returnForSupplement');
export const submitSupplement = defineUpdate<StepView, [SubmitSupplement]>('submitSupplement');
/** Art. 45 special procedures: suspend the clocks until ended. */
export const startSpecialProcedure = defineUpdate<StepView, [StartSpecialProcedure]>('startSpecialProcedure');
export const endSpecialProcedure = defineUpdate<StepView, [EndSpecialProcedure]>('endSpecialProcedure');
export const requestExtension = defineUpdate<StepView, [RequestExtension]>('requestExtension');
export const approveExtension = defineUpdate<StepView, [ApproveExtension]>('approveExtension');
/** 撤回 by the applicant or the window before the decision: cancels every open step. */
export const withdrawCase = defineUpdate<CaseView, [WithdrawCase]>('withdrawCase');
/** Unified issuance at the window (统一出件): records certificates and delivery, completes the case. */
export const issueResults = defineUpdate<IssueSummary, [IssueResults]>('issueResults');

/** New calendar data (a year published, a correction): open due dates, reminders and escalations are recomputed. */
export const refreshCalendar = defineUpdate<CaseView, [RefreshCalendar]>('refreshCalendar');

/** The full case state for the UI: steps, clocks, history. */
export const caseStateQuery = defineQuery<CaseView>('caseState');

/** Parses a payload, turning zod issues into one readable sentence. */
export function parsePayload<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
}
