import { defineUpdate } from '@temporalio/workflow';
import { SPECIAL_PROCEDURE_KINDS } from '@onewindow/calendar';
import { z } from 'zod';
import type { StepView } from '../engine/case-state';
import { suspendStep } from '../clock/case-suspensions';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

export const specialProcedureKindSchema = z.enum(SPECIAL_PROCEDURE_KINDS);
export const startSpecialProcedureSchema = z.object({
  stepId,
  actor,
  kind: specialProcedureKindSchema,
  reason: text('reason'),
});
export type StartSpecialProcedure = z.infer<typeof startSpecialProcedureSchema>;
/** Art. 45 special procedures: suspend the clocks until ended. */
export const startSpecialProcedure = defineUpdate<StepView, [StartSpecialProcedure]>('startSpecialProcedure');

export const startSpecialProcedureVerb = defineCaseVerb({
  verb: 'start_special_procedure',
  update: startSpecialProcedure,
  payload: startSpecialProcedureSchema,
  validate: ({ engine }, p) => void assertCanAct(engine.state, p.stepId, p.actor, 'special_procedure'),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const suspension = {
      kind: 'special_procedure' as const,
      clockReason: { kind: p.kind, note: p.reason },
      since: engine.nowIso(),
      by: p.actor,
      reason: `${p.kind}: ${p.reason}`,
      procedure: p.kind,
    };
    const suspended = suspendStep(engine, s.steps[p.stepId], suspension);
    await Promise.all([
      suspended,
      record(p.stepId, 'special_procedure_started', p.actor, { kind: p.kind, reason: p.reason }),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
