import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, StepState, StepView } from '../engine/case-state';
import { assertNotHeld, openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

export const resolveDelegationSchema = z.object({
  stepId,
  actor,
  opinion: z.enum(['agree', 'disagree']),
  comment: text('comment'),
});
export type ResolveDelegation = z.infer<typeof resolveDelegationSchema>;
/** The delegate's answer (委派): the opinion stays on the owner's place and the task goes back to the owner. */
export const resolveDelegation = defineUpdate<StepView, [ResolveDelegation]>('resolveDelegation');

type Opinion = NonNullable<AssigneeState['opinions']>[number];

/** Reducer: the delegate's opinion joins the owner's place, and the place is the owner's again. */
export function delegationResolved(step: StepState, slot: AssigneeState, opinion: Opinion): StepState {
  const { delegation: _back, ...owner } = slot;
  return {
    ...step,
    assignees: step.assignees.map((a) =>
      a === slot ? { ...owner, opinions: [...(slot.opinions ?? []), opinion] } : a,
    ),
  };
}

export const resolveDelegationVerb = defineCaseVerb({
  verb: 'resolve_delegation',
  update: resolveDelegation,
  payload: resolveDelegationSchema,
  validate: ({ engine }, p) => {
    const step = openStep(engine.state, p.stepId);
    assertNotHeld(step);
    if (!step.assignees.some((a) => a.status === 'pending' && a.delegation?.to === p.actor)) {
      throw new Error(`${p.actor} has no task of step "${p.stepId}" delegated to them (委派)`);
    }
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const step = s.steps[p.stepId];
    const slot = step.assignees.find((a) => a.status === 'pending' && a.delegation?.to === p.actor)!;
    const opinion = { by: p.actor, opinion: p.opinion, comment: p.comment, at: engine.nowIso() };
    const next = delegationResolved(step, slot, opinion);
    const details = { owner: slot.userId, opinion: p.opinion, comment: p.comment };
    await Promise.all([
      record(p.stepId, 'delegation_resolved', p.actor, details, next),
      reissueTaskRow(engine, p.stepId, 'delegation_resolved'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
