import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { releaseHold, releasePauses } from '../clock/case-holds';
import type { StepState, StepView } from '../engine/case-state';
import { openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { openTaskRow } from '../engine/case-work-nodes';
import { reopenedAssignees } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

export const resubmitFromWindowSchema = z.object({ stepId, actor, note: z.string().optional() });
export type ResubmitFromWindow = z.infer<typeof resubmitFromWindowSchema>;
/** The window sends a step it got back (退回窗口) to the department again. */
export const resubmitFromWindow = defineUpdate<StepView, [ResubmitFromWindow]>('resubmitFromWindow');

/** Reducer: a new round of review — the same signers, undecided, as the step's next generation. */
export const resubmitted = (step: StepState): StepState => ({
  ...step,
  assignees: reopenedAssignees(step.assignees),
  generation: step.generation + 1,
});

export const resubmitFromWindowVerb = defineCaseVerb({
  verb: 'resubmit_from_window',
  update: resubmitFromWindow,
  payload: resubmitFromWindowSchema,
  validate: ({ engine }, p) => {
    const step = openStep(engine.state, p.stepId);
    if (step.hold?.kind !== 'at_window')
      throw new Error(
        `step "${p.stepId}" is not at the window: only a step sent back to the window can be resubmitted`,
      );
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    // A new round of review; the step clock goes on where it stopped (releaseHold).
    const next = resubmitted(s.steps[p.stepId]);
    const details = p.note ? { note: p.note } : {};
    const recorded = record(p.stepId, 'resubmitted_from_window', p.actor, details, next);
    await releaseHold(engine, p.stepId);
    await Promise.all([
      recorded,
      openTaskRow(engine, s.steps[p.stepId]),
      releasePauses(engine, (x) => x.cause === p.stepId && x.until === 'resubmitted'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
