import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepState, StepView, Transition } from '../engine/case-state';
import { closedAs, openTaskCall, refreshTaskHolders } from '../engine/case-work-nodes';
import { stepView } from '../handlers/case-view';
import { recallPlan, type RecallPlan } from '../handlers/recall-checks';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

export const recallDecisionSchema = z.object({
  stepId,
  actor,
  reason: z.string().trim().max(2000).optional(),
});
export type RecallDecision = z.infer<typeof recallDecisionSchema>;
/** 撤回 (拿回): an approver takes back their own vote while nothing after it has acted on it. */
export const recallDecision = defineUpdate<StepView, [RecallDecision]>('recallDecision');

/** Reducer: the signer's place is undecided again (vote, opinion and reasons gone); the rest of the step as it was. */
export function recalled(step: StepState, slot: AssigneeState): StepState {
  return {
    ...step,
    assignees: step.assignees.map((a) => {
      if (a !== slot) return a;
      const { decidedAt: _at, decidedBy: _by, comment: _c, reasons: _r, ...rest } = a;
      return { ...rest, status: 'pending' as const };
    }),
  };
}

/**
 * Reducer: the vote that closed the step is taken back. The step opens again as its next generation (a
 * task row for whoever's turn it is) with its own clock untouched, so its due date is the one it had;
 * the steps its decision opened close `cancelled` (their task rows too), its timers go, and a refusal
 * it recorded is struck from the case's refusals. The plan itself goes back through `CaseEngine.recallStep`.
 */
export function recalledClosed(
  state: Pick<CaseState, 'timers' | 'refusals'>,
  plan: Extract<RecallPlan, { kind: 'closed' }>,
  actor: string,
  now: number,
): Transition & { step: StepState } {
  const { closedAt: _closed, ...open } = recalled(plan.step, plan.slot);
  const step: StepState = { ...open, status: 'open', generation: plan.step.generation + 1 };
  const timers = Object.fromEntries(Object.entries(state.timers).filter(([id]) => !plan.timers.includes(id)));
  const refusals =
    plan.step.status === 'refused'
      ? state.refusals.filter((r) => r.stepId !== plan.step.stepId)
      : state.refusals;
  const reason = `recalled at ${plan.step.stepId} by ${actor}`;
  return {
    step,
    steps: plan.withdrawn.map((w) => closedAs(w, 'cancelled', now)),
    ...(plan.timers.length > 0 ? { timers } : {}),
    ...(refusals !== state.refusals ? { fields: { refusals } } : {}),
    history: [
      ...plan.withdrawn.map((w) => ({
        actor: 'system',
        action: 'step_cancelled',
        stepId: w.stepId,
        details: { reason },
      })),
      ...plan.timers.map((id) => ({
        actor: 'system',
        action: 'step_cancelled',
        stepId: id,
        details: { reason },
      })),
    ],
  };
}

export const recallVerb = defineCaseVerb({
  verb: 'recall',
  update: recallDecision,
  payload: recallDecisionSchema,
  validate: ({ engine }, p) => void recallPlan(engine, p.stepId, p.actor),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const plan = recallPlan(engine, p.stepId, p.actor);
    const details = {
      recalled: plan.slot.status === 'refused' ? 'refuse' : 'approve',
      decidedAt: plan.slot.decidedAt,
      generation: plan.step.generation,
      reopened: plan.kind === 'closed',
      ...(plan.kind === 'closed' ? { withdrawn: plan.withdrawn.map((w) => w.stepId) } : {}),
      ...(p.reason ? { reason: p.reason } : {}),
    };
    if (plan.kind === 'open') {
      const next = recalled(plan.step, plan.slot);
      await Promise.all([
        record(p.stepId, 'recall', p.actor, details, next),
        refreshTaskHolders(engine, plan.step, next),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    }
    const t = recalledClosed(s, plan, p.actor, Date.now());
    const recorded = record(p.stepId, 'recall', p.actor, details, t.step);
    engine.recallStep(p.stepId, t);
    await Promise.all([
      recorded,
      ...plan.withdrawn.map((w) =>
        engine.call({
          name: 'closeTask',
          input: { stepId: w.stepId, generation: w.generation, status: 'cancelled' },
        }),
      ),
      engine.call(openTaskCall(s.steps[p.stepId], engine.calendar)),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
