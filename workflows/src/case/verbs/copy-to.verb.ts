import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepState, StepView } from '../engine/case-state';
import { assertAllowed, openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { signersOf } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, people, stepId } from './payload-fields';

/** 抄送: read-only visibility of the case for the named people. */
export const copyToSchema = z.object({
  stepId,
  actor,
  to: people('person to copy to'),
  note: z.string().optional(),
});
export type CopyTo = z.infer<typeof copyToSchema>;
/** 抄送: read-only copies in the step's `cc`, once per person. */
export const copyTo = defineUpdate<StepView, [CopyTo]>('copyTo');

/** The people of `to` the step is not copied to yet. */
const notYetCopied = (step: StepState, to: string[]): string[] =>
  to.filter((u) => !step.cc.some((c) => c.userId === u));

/** Reducer: 抄送 to the people of `to` the step is not copied to yet. */
export function copied(step: StepState, p: Pick<CopyTo, 'actor' | 'to' | 'note'>, at: string): StepState {
  const copies = notYetCopied(step, p.to).map((userId) => ({
    userId,
    by: p.actor,
    at,
    ...(p.note ? { note: p.note } : {}),
  }));
  return { ...step, cc: [...step.cc, ...copies] };
}

export const copyToVerb = defineCaseVerb({
  verb: 'copy_to',
  update: copyTo,
  payload: copyToSchema,
  validate: ({ engine }, p) => {
    const step = openStep(engine.state, p.stepId);
    assertAllowed(step, 'cc');
    if (!signersOf(step).includes(p.actor))
      throw new Error(
        `${p.actor} is not a signer of step "${p.stepId}": only its signers copy it to others (抄送)`,
      );
    if (notYetCopied(step, p.to).length === 0)
      throw new Error(`step "${p.stepId}" is already copied to ${p.to.join(', ')}`);
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const step = s.steps[p.stepId];
    const fresh = notYetCopied(step, p.to);
    const next = copied(step, p, engine.nowIso());
    await record(p.stepId, 'cc', p.actor, { to: fresh, ...(p.note ? { note: p.note } : {}) }, next);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
