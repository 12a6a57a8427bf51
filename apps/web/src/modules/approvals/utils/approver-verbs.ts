import { caseVerbs, windowCaseVerbs, type CaseVerb } from '@onewindow/contracts';
import type { ApproverStep } from './approver-step';

/** The department's verbs: every verb of the contract except the window's. */
export type ApproverVerb = Exclude<CaseVerb, 'submit_supplement' | 'withdraw' | 'resubmit_from_window'>;
export const approverVerbs = caseVerbs.filter(
  (verb): verb is ApproverVerb => !windowCaseVerbs.includes(verb),
);

/**
 * The plan's step action (flow-model `StepAction`) that allows each verb; null for answers that need no
 * action of their own (the delegate's resolution, approving a colleague's extension). Typed against the
 * contract, so a new verb must be placed here.
 */
export const planActionOf: Record<ApproverVerb, string | null> = {
  approve: 'approve',
  refuse: 'refuse',
  return_for_supplement: 'return_for_supplement',
  start_special_procedure: 'special_procedure',
  end_special_procedure: 'special_procedure',
  request_extension: 'request_extension',
  approve_extension: null,
  send_back: 'send_back',
  transfer: 'transfer',
  delegate: 'delegate',
  resolve_delegation: null,
  add_signers: 'add_signer',
  remove_signers: 'remove_signer',
  copy_to: 'cc',
  claim: null,
  unclaim: null,
  assign: null,
  recall: null,
};

/** 签收, 退回签收 and 指派: offered by `claimVerbsFor` beside the step's people, not among the verbs. */
export const claimVerbs: readonly ApproverVerb[] = ['claim', 'unclaim', 'assign'];

/**
 * The claim verbs to offer `me` on a step (a hint: the workflow decides who belongs to a group). 签收 when a
 * group seat nobody holds is up (my department's role group, or a 转办 group naming me); 退回签收 on the seat
 * I claimed; 指派 for a lead (`canAssign`: task.reassign) while the step has a group seat, claimed or not.
 */
export function claimVerbsFor(
  step: ApproverStep,
  me: string,
  phase: string,
  canAssign: boolean,
): ApproverVerb[] {
  if (step.status !== 'open' || phase !== 'in_review') return [];
  const pending = step.assignees.filter((a) => a.status === 'pending');
  const unclaimed = pending.filter((a) => !a.claim && (a.group || (a.candidates ?? []).length > 0));
  const verbs: ApproverVerb[] = [];
  if (unclaimed.some((a) => a.group || (a.candidates ?? []).includes(me))) verbs.push('claim');
  if (pending.some((a) => a.claim && a.userId === me && !a.delegation)) verbs.push('unclaim');
  if (canAssign && (unclaimed.length > 0 || pending.some((a) => a.claim))) verbs.push('assign');
  return verbs;
}

/** Verbs that decide the step (shown first, as primary buttons). */
export const decidingVerbs: readonly ApproverVerb[] = ['claim', 'approve', 'refuse', 'return_for_supplement'];

/**
 * The verbs to offer `me` on a step, as the workflow's validators would allow them (a hint for the UI:
 * the workflow's answer is the final word). A pending seat of mine on a running step offers the plan's
 * verbs; a delegate answers only; a special procedure in progress can only be ended; a colleague's
 * extension request can be approved. 撤回 (recall) when the view says I may still take my decision back
 * (`recallable`), also on a step my vote closed.
 */
export function verbsFor(step: ApproverStep, me: string, phase: string): ApproverVerb[] {
  const recall: ApproverVerb[] = phase === 'in_review' && step.recallable.includes(me) ? ['recall'] : [];
  return [...decisionVerbsFor(step, me, phase), ...recall];
}

function decisionVerbsFor(step: ApproverStep, me: string, phase: string): ApproverVerb[] {
  if (step.status !== 'open' || phase !== 'in_review') return [];
  const allowed = (verb: ApproverVerb) => {
    const action = planActionOf[verb];
    return action === null || step.actions.includes(action);
  };
  const pending = step.assignees.filter((a) => a.status === 'pending');
  if (pending.some((a) => a.delegation?.to === me)) return ['resolve_delegation'];
  // 依次审批: only the signer whose turn it is (the view's `turn`); a signer waiting in line has no verbs yet.
  const mine =
    pending.some((a) => !a.delegation && (a.userId === me || (a.candidates ?? []).includes(me))) &&
    (step.countersign.mode !== 'sequential' || (step.turn ?? [me]).includes(me));
  const extension =
    step.pendingExtension && step.pendingExtension.requestedBy !== me ? (['approve_extension'] as const) : [];
  if (!mine || step.hold) return [...extension];
  if (step.suspension)
    return step.suspension.kind === 'special_procedure' && allowed('end_special_procedure')
      ? ['end_special_procedure', ...extension]
      : [...extension];
  return approverVerbs
    .filter(
      (verb) =>
        allowed(verb) &&
        verb !== 'resolve_delegation' &&
        verb !== 'end_special_procedure' &&
        verb !== 'approve_extension' &&
        !claimVerbs.includes(verb) &&
        verb !== 'recall' &&
        !(verb === 'request_extension' && step.pendingExtension) &&
        !(verb === 'remove_signers' && pending.length < 2),
    )
    .concat(extension);
}
