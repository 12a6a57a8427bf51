import { SPECIAL_PROCEDURE_KINDS } from '@onewindow/calendar';
import { z } from 'zod';
import { peopleSchema, requiredText as text, stepIdSchema as stepId, userIdSchema } from './contract-fields';

/** 退回: to the previous step of the sequence, to a chosen earlier step, or to the window that accepted the case. */
export const sendBackTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('previous') }),
    z.strictObject({ kind: z.literal('step'), stepId }),
    z.strictObject({ kind: z.literal('window') }),
  ],
  { error: 'kind must be "previous", "step" (with a stepId) or "window"' },
);

/**
 * The access action a verb needs: the window's verbs are `case.issue`, a department's decisions `case.decide`,
 * a lead's 指派 (assign) `task.reassign`, the approval of an extension (Art. 42: 本行政机关负责人批准) the
 * department lead's or the centre supervisor's `case.extension.approve`.
 */
export type CaseVerbAccess = 'case.decide' | 'case.issue' | 'task.reassign' | 'case.extension.approve';

/**
 * The step revision the page showed (the case view's `steps[].revision`). Optional: with it, the workflow
 * refuses the action when the step changed since (claimed, decided, transferred, …) and nothing changes;
 * without it (older clients, scripts) the verb is checked as before.
 */
const expectedRevision = z
  .number({ error: 'expectedRevision is the step revision your page showed (a whole number, 0 or more)' })
  .int()
  .min(0)
  .optional();

/**
 * POST /api/cases/:caseNo/actions — every approver verb, one entry each: the request body it takes and the
 * access action it needs. The workflow's registry (`@onewindow/workflows`, `caseVerbRegistry`) must have a
 * definition for every key, so a verb added here alone fails the type check. The API's dispatch, the
 * OpenAPI document and the web's verb lists all derive from this record.
 *
 * Who acts is the signed-in user (never a body field), so nobody can decide in someone else's name.
 * Transfer, delegate and add_signers name users of the step's department; copy_to names any active user,
 * who then reads the case (masked, read-only).
 */
export const caseVerbDefinitions = {
  approve: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('approve'),
      stepId,
      expectedRevision,
      comment: z.string().max(2000).optional(),
    }),
  },
  refuse: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('refuse'),
      stepId,
      expectedRevision,
      reasons: z.array(text('a reason', 2000)).min(1, 'a refusal needs at least one reason'),
    }),
  },
  /** 补正: one-time notice of the missing materials (一次性告知). */
  return_for_supplement: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('return_for_supplement'),
      stepId,
      expectedRevision,
      materials: z.array(text('a material')).min(1, 'name the missing materials (一次性告知)'),
      note: z.string().max(2000).optional(),
    }),
  },
  /** The window received the 补正 materials. */
  submit_supplement: {
    access: 'case.issue',
    request: z.strictObject({
      verb: z.literal('submit_supplement'),
      stepId,
      expectedRevision,
      materials: z.array(z.string()).optional(),
    }),
  },
  start_special_procedure: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('start_special_procedure'),
      stepId,
      expectedRevision,
      kind: z.enum(SPECIAL_PROCEDURE_KINDS),
      reason: text('reason', 2000),
    }),
  },
  end_special_procedure: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('end_special_procedure'),
      stepId,
      expectedRevision,
      result: z.string().max(2000).optional(),
    }),
  },
  request_extension: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('request_extension'),
      stepId,
      expectedRevision,
      days: z.number().int().positive().max(60),
      reason: text('reason', 2000),
    }),
  },
  /** Only a department lead (own department) or the centre supervisor; never the requester (the workflow refuses). */
  approve_extension: {
    access: 'case.extension.approve',
    request: z.strictObject({
      verb: z.literal('approve_extension'),
      stepId,
      expectedRevision,
      reason: z.string().max(2000).optional(),
    }),
  },
  /** 撤回 by the applicant (through the window) or the window itself, before the decision. */
  withdraw: {
    access: 'case.issue',
    request: z.strictObject({
      verb: z.literal('withdraw'),
      by: z.enum(['applicant', 'window']),
      reason: text('reason', 2000),
    }),
  },
  /** 退回 to an earlier step or to the window. */
  send_back: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('send_back'),
      stepId,
      expectedRevision,
      to: sendBackTargetSchema,
      reason: text('reason', 2000),
    }),
  },
  /** The window sends a step it got back (退回窗口) to the department again. */
  resubmit_from_window: {
    access: 'case.issue',
    request: z.strictObject({
      verb: z.literal('resubmit_from_window'),
      stepId,
      expectedRevision,
      note: z.string().max(2000).optional(),
    }),
  },
  /**
   * 转办: hands `from`'s place (default: your own) to one person, or to a group (two or more people, any
   * of whom may take it). Only a department lead hands on someone else's place.
   */
  transfer: {
    access: 'case.decide',
    request: z
      .strictObject({
        verb: z.literal('transfer'),
        stepId,
        expectedRevision,
        from: userIdSchema.optional(),
        to: peopleSchema('person to transfer to'),
        groupName: text('groupName', 100).optional(),
        reason: text('reason', 2000),
      })
      .refine((t) => t.groupName === undefined || t.to.length > 1, {
        path: ['groupName'],
        message: 'groupName names a group: give two or more people in "to", or leave groupName out',
      }),
  },
  /** 委派: the task goes to `to`; it comes back to you when they resolve it. */
  delegate: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('delegate'),
      stepId,
      expectedRevision,
      to: userIdSchema,
      reason: text('reason', 2000),
    }),
  },
  /** The delegate's answer: the task goes back to its owner, who decides. */
  resolve_delegation: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('resolve_delegation'),
      stepId,
      expectedRevision,
      opinion: z.enum(['agree', 'disagree'], { error: 'opinion must be "agree" or "disagree"' }),
      comment: text('comment', 2000),
    }),
  },
  /** 加签: before you (they sign first), after you (they sign next), or in parallel (another vote). */
  add_signers: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('add_signers'),
      stepId,
      expectedRevision,
      signers: peopleSchema('signer'),
      position: z.enum(['before', 'after', 'parallel'], {
        error: 'position must be "before", "after" or "parallel"',
      }),
      reason: text('reason', 2000),
    }),
  },
  /** 减签: removes signers who have not decided yet. */
  remove_signers: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('remove_signers'),
      stepId,
      expectedRevision,
      signers: peopleSchema('signer'),
      reason: text('reason', 2000),
    }),
  },
  /** 抄送: read-only visibility of the case for the named people. */
  copy_to: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('copy_to'),
      stepId,
      expectedRevision,
      to: peopleSchema('person to copy to', 50),
      note: z.string().max(2000).optional(),
    }),
  },
  /**
   * 撤回 (拿回): take back your own vote on the step while nothing after it has acted on it — the next
   * signer in line, or, once the step closed, the step that followed (its task is then cancelled).
   */
  recall: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('recall'),
      stepId,
      reason: z.string().trim().max(2000, 'a reason has at most 2000 characters').optional(),
    }),
  },
  /** 签收: take a task offered to your group (your department's role group, or a 转办 group you are in). */
  claim: {
    access: 'case.decide',
    request: z.strictObject({ verb: z.literal('claim'), stepId, expectedRevision }),
  },
  /** 退回签收: give a task you claimed back to its group, undecided. */
  unclaim: {
    access: 'case.decide',
    request: z.strictObject({
      verb: z.literal('unclaim'),
      stepId,
      expectedRevision,
      reason: z.string().trim().max(2000).optional(),
    }),
  },
  /** 指派: a department lead gives a group task (unclaimed, or claimed by someone else) to a member of the group. */
  assign: {
    access: 'task.reassign',
    request: z.strictObject({
      verb: z.literal('assign'),
      stepId,
      expectedRevision,
      to: userIdSchema,
      reason: z.string().trim().max(2000).optional(),
    }),
  },
} as const satisfies Record<string, { access: CaseVerbAccess; request: z.ZodType<{ verb: string }> }>;

export type CaseVerb = keyof typeof caseVerbDefinitions;
/** A key whose request names another verb (e.g. a copied entry whose literal was not changed). */
type MisnamedVerb = {
  [V in CaseVerb]: z.output<(typeof caseVerbDefinitions)[V]['request']>['verb'] extends V ? never : V;
}[CaseVerb];
/** Fails the type check, naming the key, when an entry's `verb` literal differs from its key. */
const _everyKeyIsItsVerb: [MisnamedVerb] extends [never] ? true : MisnamedVerb = true;
void _everyKeyIsItsVerb;
type CaseVerbRequestSchema = (typeof caseVerbDefinitions)[CaseVerb]['request'];

/** Every verb, in the order of `caseVerbDefinitions`. */
export const caseVerbs = Object.keys(caseVerbDefinitions) as CaseVerb[];

export const caseActionRequestSchema = z.discriminatedUnion(
  'verb',
  Object.values(caseVerbDefinitions).map((d) => d.request) as unknown as [
    CaseVerbRequestSchema,
    ...CaseVerbRequestSchema[],
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `verb must be one of: ${caseVerbs.join(', ')}` : undefined,
  },
);
export type CaseActionRequest = z.infer<typeof caseActionRequestSchema>;
/** The request body of one verb. */
export type CaseVerbRequest<V extends CaseVerb> = Extract<CaseActionRequest, { verb: V }>;

/** The access action a verb needs. */
export const accessForVerb = (verb: CaseVerb): CaseVerbAccess => caseVerbDefinitions[verb].access;

/** The verbs the window uses (case.issue); every other verb is a department decision (case.decide). */
export const windowCaseVerbs = caseVerbs.filter((verb) => accessForVerb(verb) === 'case.issue');

/** Whether a string names a verb (for access checks that run before the body is parsed). */
export const isCaseVerb = (verb: unknown): verb is CaseVerb =>
  typeof verb === 'string' && Object.hasOwn(caseVerbDefinitions, verb);
