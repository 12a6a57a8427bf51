import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { CaseEngine } from '../engine/case-engine';
import { holdStep, pauseSiblings } from '../clock/case-holds';
import type { CaseState, StepState, StepView } from '../engine/case-state';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

/** 退回: to the previous step of the sequence, to a chosen earlier step, or to the window that accepted the case. */
export const sendBackTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('previous') }),
  z.object({ kind: z.literal('step'), stepId }),
  z.object({ kind: z.literal('window') }),
]);
export const sendBackSchema = z.object({ stepId, actor, to: sendBackTargetSchema, reason: text('reason') });
export type SendBack = z.infer<typeof sendBackSchema>;
/** 退回 to an earlier step or to the window; the plan's onBranchReturn decides whether sibling branches pause. */
export const sendBack = defineUpdate<StepView, [SendBack]>('sendBack');

/** Where a 退回 goes: an earlier step's id, or the window. Throws the reason when it cannot go there. */
export function sendBackTarget(engine: CaseEngine, state: CaseState, p: SendBack): string | 'window' {
  if (p.to.kind === 'window') return 'window';
  const targets = engine.run.sendBackTargets(p.stepId).map((n) => n.id);
  if (p.to.kind === 'previous') {
    if (targets.length === 0)
      throw new Error(
        `step "${p.stepId}" has no earlier step on its sequence: send it back to the window instead`,
      );
    return targets[0];
  }
  const wanted = p.to.stepId;
  if (!targets.includes(wanted)) {
    const why =
      state.steps[wanted] || engine.run.plan.nodes.some((n) => n.id === wanted)
        ? 'is not an earlier step on the same sequence (no gateway may lie between)'
        : 'is not a step of this plan';
    throw new Error(
      `cannot send "${p.stepId}" back to "${wanted}": it ${why} (can send back to: ${targets.join(', ') || 'the window only'})`,
    );
  }
  return wanted;
}

export const sendBackVerb = defineCaseVerb({
  verb: 'send_back',
  update: sendBack,
  payload: sendBackSchema,
  validate: ({ engine }, p) => {
    assertCanAct(engine.state, p.stepId, p.actor, 'send_back');
    sendBackTarget(engine, engine.state, p);
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const target = sendBackTarget(engine, s, p);
    const step = s.steps[p.stepId];
    const details = { to: target, reason: p.reason, generation: step.generation };
    const recorded = record(p.stepId, 'send_back', p.actor, details);
    if (target === 'window') await Promise.all([recorded, toWindow(engine, step, p)]);
    else await Promise.all([recorded, toEarlierStep(engine, step, target, p)]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});

/** 退回窗口: the task row closes, the step waits at the window with its clock stopped; the case clocks run on. */
async function toWindow(engine: CaseEngine, step: StepState, p: SendBack): Promise<void> {
  const hold = {
    kind: 'at_window' as const,
    since: engine.nowIso(),
    by: p.actor,
    reason: `退回窗口: ${p.reason}`,
    cause: step.stepId,
  };
  await Promise.all([
    holdStep(engine, step.stepId, hold),
    engine.acts.closeTask({
      ...engine.base(),
      stepId: step.stepId,
      generation: step.generation,
      status: 'returned',
    }),
    pauseSiblings(engine, step.stepId, 'resubmitted', p.actor),
  ]);
}

/** 退回 to an earlier step: this step closes as returned, the earlier one reopens (main loop) as its next generation. */
async function toEarlierStep(
  engine: CaseEngine,
  step: StepState,
  target: string,
  p: SendBack,
): Promise<void> {
  engine.sendBack(step, target);
  await Promise.all([
    engine.acts.closeTask({
      ...engine.base(),
      stepId: step.stepId,
      generation: step.generation,
      status: 'returned',
    }),
    pauseSiblings(engine, step.stepId, 'step_reached', p.actor),
  ]);
}
