import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepView } from '../engine/case-state';
import { assertCanAct } from '../handlers/case-validators';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';
import { vote } from './vote';

export const approveStepSchema = z.object({ stepId, actor, comment: z.string().optional() });
export type ApproveStep = z.infer<typeof approveStepSchema>;
/** A pending assignee's approval; the countersign tally may close the step. */
export const approveStep = defineUpdate<StepView, [ApproveStep]>('approveStep');

export const approveVerb = defineCaseVerb({
  verb: 'approve',
  update: approveStep,
  payload: approveStepSchema,
  validate: ({ engine }, p) => void assertCanAct(engine.state, p.stepId, p.actor, 'approve'),
  handle: (ctx, p) => {
    const comment = p.comment ? { comment: p.comment } : {};
    return vote(ctx, p, { decision: 'approved', ...comment }, 'approve', comment);
  },
  toUpdateArgs: requestWithActor,
});
