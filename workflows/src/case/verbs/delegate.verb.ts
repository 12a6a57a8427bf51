import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, StepState, StepView } from '../engine/case-state';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { slotFor } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';
import { assertNewSigners } from './signers';

/** 委派: the task goes to `to`; it comes back to the owner when the delegate resolves it. */
export const delegateTaskSchema = z.object({
  stepId,
  actor,
  to: text('to (the delegate)'),
  reason: text('reason'),
});
export type DelegateTask = z.infer<typeof delegateTaskSchema>;
/** 委派 (the delegate answers with resolveDelegation). */
export const delegateTask = defineUpdate<StepView, [DelegateTask]>('delegateTask');

/** Reducer: `slot`'s place is delegated (委派); the owner cannot decide until the delegate resolves it. */
export const delegated = (
  step: StepState,
  slot: AssigneeState,
  delegation: NonNullable<AssigneeState['delegation']>,
): StepState => ({
  ...step,
  assignees: step.assignees.map((a) => (a === slot ? { ...a, delegation } : a)),
});

export const delegateVerb = defineCaseVerb({
  verb: 'delegate',
  update: delegateTask,
  payload: delegateTaskSchema,
  validate: ({ engine }, p) => {
    const step = assertCanAct(engine.state, p.stepId, p.actor, 'delegate');
    if (p.to === p.actor) throw new Error('a task cannot be delegated to oneself');
    assertNewSigners(step, [p.to]);
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const step = s.steps[p.stepId];
    const slot = slotFor(step, p.actor)!;
    const next = delegated(step, slot, { to: p.to, since: engine.nowIso(), reason: p.reason });
    await Promise.all([
      record(p.stepId, 'delegate', p.actor, { to: p.to, reason: p.reason }, next),
      reissueTaskRow(engine, p.stepId, 'delegated'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
