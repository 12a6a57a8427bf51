import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepView } from '../engine/case-state';
import { resumeStep } from '../clock/case-suspensions';
import { assertSuspendedFor } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

export const endSpecialProcedureSchema = z.object({ stepId, actor, result: z.string().optional() });
export type EndSpecialProcedure = z.infer<typeof endSpecialProcedureSchema>;
/** Ends an Art. 45 special procedure: the clocks resume. */
export const endSpecialProcedure = defineUpdate<StepView, [EndSpecialProcedure]>('endSpecialProcedure');

export const endSpecialProcedureVerb = defineCaseVerb({
  verb: 'end_special_procedure',
  update: endSpecialProcedure,
  payload: endSpecialProcedureSchema,
  validate: ({ engine }, p) => void assertSuspendedFor(engine.state, p.stepId, 'special_procedure'),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const resumed = resumeStep(engine, s.steps[p.stepId]);
    await Promise.all([resumed, record(p.stepId, 'special_procedure_ended', p.actor, { result: p.result })]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
