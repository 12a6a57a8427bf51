import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { releasePauses } from '../clock/case-holds';
import type { StepView } from '../engine/case-state';
import { resumeStep } from '../clock/case-suspensions';
import { assertSuspendedFor } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

export const submitSupplementSchema = z.object({ stepId, actor, materials: z.array(z.string()).optional() });
export type SubmitSupplement = z.infer<typeof submitSupplementSchema>;
/** The window received the 补正 materials: the step (and the branches it paused) resume. */
export const submitSupplement = defineUpdate<StepView, [SubmitSupplement]>('submitSupplement');

export const submitSupplementVerb = defineCaseVerb({
  verb: 'submit_supplement',
  update: submitSupplement,
  payload: submitSupplementSchema,
  validate: ({ engine }, p) => void assertSuspendedFor(engine.state, p.stepId, 'supplement'),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const resumed = resumeStep(engine, s.steps[p.stepId]);
    const released = releasePauses(engine, (x) => x.cause === p.stepId && x.until === 'supplement');
    await Promise.all([
      resumed,
      released,
      record(p.stepId, 'supplement_submitted', p.actor, { materials: p.materials ?? [] }),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
