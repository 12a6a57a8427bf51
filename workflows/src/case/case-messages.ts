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
export const approveExtensionSchema = z.object({
  stepId,
  approvedBy: text('approvedBy'),
  reason: z.string().optional(),
});
export const withdrawCaseSchema = z.object({
  by: z.enum(['applicant', 'window']),
  actor,
  reason: text('reason'),
});
export const issueResultsSchema = z.object({
  actor,
  delivery: z.object({
    method: z.enum(['window', 'post', 'electronic']),
    address: z.string().optional(),
    trackingNo: z.string().optional(),
  }),
});

export const refreshCalendarSchema = z.object({ actor, calendar: calendarDataSchema });

const people = (what: string) => z.array(text(what)).min(1, `name at least one ${what}`);

/** 退回: to the previous step of the sequence, to a chosen earlier step, or to the window that accepted the case. */
export const sendBackTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('previous') }),
  z.object({ kind: z.literal('step'), stepId }),
  z.object({ kind: z.literal('window') }),
]);
export const sendBackSchema = z.object({ stepId, actor, to: sendBackTargetSchema, reason: text('reason') });
/** The window sends a step it got back (退回窗口) to the department again. */
export const resubmitFromWindowSchema = z.object({ stepId, actor, note: z.string().optional() });
/**
 * 转办: `from` (default: the actor) hands their place on the step to one person, or to a group whose
 * members may each take it. `authority: 'lead'` is a department lead reassigning someone else's task
 * (the API checks the role); an assignee transfers only their own place.
 */
export const transferTaskSchema = z.object({
  stepId,
  actor,
  from: z.string().trim().min(1).optional(),
  to: people('person to transfer to'),
  groupName: z.string().trim().min(1).optional(),
  reason: text('reason'),
  authority: z.enum(['assignee', 'lead']).default('assignee'),
});
/** 委派: the task goes to `to`; it comes back to the owner when the delegate resolves it. */
export const delegateTaskSchema = z.object({
  stepId,
  actor,
  to: text('to (the delegate)'),
  reason: text('reason'),
});
export const resolveDelegationSchema = z.object({
  stepId,
  actor,
  opinion: z.enum(['agree', 'disagree']),
  comment: text('comment'),
});
/** 加签: before the actor (they sign first), after the actor (they sign next), or in parallel (another vote). */
export const addSignersSchema = z.object({
  stepId,
  actor,
  signers: people('signer'),
  position: z.enum(['before', 'after', 'parallel']),
  reason: text('reason'),
});
/** 减签: removes signers who have not decided yet. */
export const removeSignersSchema = z.object({
  stepId,
  actor,
  signers: people('signer'),
  reason: text('reason'),
});
/** 抄送: read-only visibility of the case for the named people. */
export const copyToSchema = z.object({
  stepId,
  actor,
  to: people('person to copy to'),
  note: z.string().optional(),
});

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
export type SendBack = z.infer<typeof sendBackSchema>;
export type ResubmitFromWindow = z.infer<typeof resubmitFromWindowSchema>;
export type TransferTask = z.input<typeof transferTaskSchema>;
export type DelegateTask = z.infer<typeof delegateTaskSchema>;
export type ResolveDelegation = z.infer<typeof resolveDelegationSchema>;
export type AddSigners = z.infer<typeof addSignersSchema>;
export type RemoveSigners = z.infer<typeof removeSignersSchema>;
export type CopyTo = z.infer<typeof copyToSchema>;

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
/** 退回 to an earlier step or to the window; the plan's onBranchReturn decides whether sibling branches pause. */
export const sendBack = defineUpdate<StepView, [SendBack]>('sendBack');
export const resubmitFromWindow = defineUpdate<StepView, [ResubmitFromWindow]>('resubmitFromWindow');
/** 转办 to a person or group of the same department (the API checks the department). */
export const transferTask = defineUpdate<StepView, [TransferTask]>('transferTask');
/** 委派, and the delegate's answer that gives the task back to its owner. */
export const delegateTask = defineUpdate<StepView, [DelegateTask]>('delegateTask');
export const resolveDelegation = defineUpdate<StepView, [ResolveDelegation]>('resolveDelegation');
/** 加签 / 减签 on a running step; the countersign rule is computed over the changed signers. */
export const addSigners = defineUpdate<StepView, [AddSigners]>('addSigners');
export const removeSigners = defineUpdate<StepView, [RemoveSigners]>('removeSigners');
/** 抄送. */
export const copyTo = defineUpdate<StepView, [CopyTo]>('copyTo');
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
  throw new Error(
    parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; '),
  );
}
