import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepView } from '../engine/case-state';
import { assertCanAct } from '../handlers/case-validators';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';
import { vote } from './vote';

export const refuseStepSchema = z.object({
  stepId,
  actor,
  reasons: z.array(text('a reason')).min(1, 'a refusal needs at least one reason'),
});
export type RefuseStep = z.infer<typeof refuseStepSchema>;
/** A pending assignee's refusal; a closing refusal applies the plan's refusal policy. */
export const refuseStep = defineUpdate<StepView, [RefuseStep]>('refuseStep');

export const refuseVerb = defineCaseVerb({
  verb: 'refuse',
  update: refuseStep,
  payload: refuseStepSchema,
  validate: ({ engine }, p) => void assertCanAct(engine.state, p.stepId, p.actor, 'refuse'),
  handle: (ctx, p) =>
    vote(ctx, p, { decision: 'refused', reasons: p.reasons }, 'refuse', { reasons: p.reasons }),
  toUpdateArgs: requestWithActor,
});
