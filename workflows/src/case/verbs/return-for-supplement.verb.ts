import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { pauseSiblings } from '../clock/case-holds';
import type { StepView } from '../engine/case-state';
import { suspendStep } from '../clock/case-suspensions';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

export const returnForSupplementSchema = z.object({
  stepId,
  actor,
  materials: z.array(text('a material')).min(1, 'name the missing materials (一次性告知)'),
  note: z.string().optional(),
});
export type ReturnForSupplement = z.infer<typeof returnForSupplementSchema>;
/** 补正: suspends the step and case clocks until submitSupplement. */
export const returnForSupplement = defineUpdate<StepView, [ReturnForSupplement]>('returnForSupplement');

export const returnForSupplementVerb = defineCaseVerb({
  verb: 'return_for_supplement',
  update: returnForSupplement,
  payload: returnForSupplementSchema,
  validate: ({ engine }, p) => void assertCanAct(engine.state, p.stepId, p.actor, 'return_for_supplement'),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const note = p.materials.join('、');
    const suspension = {
      kind: 'supplement' as const,
      clockReason: { kind: 'supplement' as const, note },
      since: engine.nowIso(),
      by: p.actor,
      reason: `补正: ${note}`,
      materials: p.materials,
    };
    const suspended = suspendStep(engine, s.steps[p.stepId], suspension);
    // Partial return: only this branch waits for the applicant; the others continue or pause, per plan.
    const paused = pauseSiblings(engine, p.stepId, 'supplement', p.actor);
    await Promise.all([
      suspended,
      paused,
      record(p.stepId, 'return_for_supplement', p.actor, { materials: p.materials, note: p.note }),
    ]);
    // After the decision is written: the message names the materials it asked for.
    engine.messageApplicant('supplement_needed', p.stepId);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
