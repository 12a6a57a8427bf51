import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepState, StepView } from '../engine/case-state';
import { assertRunning } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { reachableApprovals, settle, signersOf } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, people, stepId, text } from './payload-fields';

/** 减签: removes signers who have not decided yet. */
export const removeSignersSchema = z.object({
  stepId,
  actor,
  signers: people('signer'),
  reason: text('reason'),
});
export type RemoveSigners = z.infer<typeof removeSignersSchema>;
/** 减签 on a running step; the countersign rule is computed over the remaining signers. */
export const removeSigners = defineUpdate<StepView, [RemoveSigners]>('removeSigners');

function removableSlots(state: CaseState, p: RemoveSigners): AssigneeState[] {
  const step = assertRunning(state, p.stepId, 'remove_signer');
  if (!signersOf(step).includes(p.actor))
    throw new Error(
      `${p.actor} is not a signer of step "${step.stepId}": only its signers may remove signers (减签)`,
    );
  if (p.signers.includes(p.actor))
    throw new Error(`${p.actor} cannot remove themselves: transfer the task instead (转办)`);
  const slots = p.signers.map((userId) => {
    const slot = step.assignees.find((a) => a.userId === userId && a.status !== 'removed');
    if (!slot) throw new Error(`${userId} is not a signer of step "${step.stepId}"`);
    if (slot.status !== 'pending')
      throw new Error(
        `${userId} has already ${slot.status} step "${step.stepId}": a decided signer cannot be removed`,
      );
    return slot;
  });
  // The actor's own seat always stays, so a step never ends up without signers.
  const left = step.assignees.map((a) => (slots.includes(a) ? { ...a, status: 'removed' as const } : a));
  if (step.countersign.mode === 'at_least' && reachableApprovals(left) < step.countersign.n) {
    throw new Error(
      `removing ${p.signers.join(', ')} would leave ${reachableApprovals(left)} possible approvals on step "${step.stepId}", which needs at least ${step.countersign.n}: add a signer first`,
    );
  }
  return slots;
}

/**
 * Reducer: 减签 of `slots` by `actor` at `at`; removing the last undecided signers may decide the step
 * by its rule (e.g. all: everyone left approved).
 */
export function signersRemoved(
  step: StepState,
  slots: AssigneeState[],
  actor: string,
  at: string,
): StepState {
  const assignees = step.assignees.map((a) =>
    slots.includes(a) ? { ...a, status: 'removed' as const, removedBy: actor } : a,
  );
  return settle({ ...step, assignees }, at);
}

export const removeSignersVerb = defineCaseVerb({
  verb: 'remove_signers',
  update: removeSigners,
  payload: removeSignersSchema,
  validate: ({ engine }, p) => void removableSlots(engine.state, p),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const slots = removableSlots(s, p);
    const next = signersRemoved(s.steps[p.stepId], slots, p.actor, engine.nowIso());
    const details = { signers: p.signers, reason: p.reason };
    const recorded = record(p.stepId, 'remove_signers', p.actor, details, next);
    if (next.status !== 'open') await Promise.all([recorded, engine.closeStep(next)]);
    else await Promise.all([recorded, reissueTaskRow(engine, p.stepId, 'signers_changed')]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
