import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepState, StepView } from '../engine/case-state';
import { assertWithinExtensionCap } from '../clock/case-suspensions';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

export const requestExtensionSchema = z.object({
  stepId,
  actor,
  days: z.number().int().positive('days must be a positive number of working days'),
  reason: text('reason'),
});
export type RequestExtension = z.infer<typeof requestExtensionSchema>;
/** An assignee asks for more working days; approveExtension (by someone else) grants them. */
export const requestExtension = defineUpdate<StepView, [RequestExtension]>('requestExtension');

/** Reducer: the step's extension request waits for approval (approveExtension, by someone else). */
export const extensionRequested = (
  step: StepState,
  request: NonNullable<StepState['pendingExtension']>,
): StepState => ({ ...step, pendingExtension: request });

export const requestExtensionVerb = defineCaseVerb({
  verb: 'request_extension',
  update: requestExtension,
  payload: requestExtensionSchema,
  validate: ({ engine }, p) => {
    const step = assertCanAct(engine.state, p.stepId, p.actor, 'request_extension');
    if (step.pendingExtension)
      throw new Error(`step "${step.stepId}" already has an extension request waiting for approval`);
    assertWithinExtensionCap(engine.state.clocks, engine.input.limits.maxExtensionDays, p.days);
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const request = { days: p.days, reason: p.reason, requestedBy: p.actor, at: engine.nowIso() };
    const next = extensionRequested(s.steps[p.stepId], request);
    await record(p.stepId, 'extension_requested', p.actor, { days: p.days, reason: p.reason }, next);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
