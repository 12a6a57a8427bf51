import { setHandler } from '@temporalio/workflow';
import type { CaseEngine } from './case-engine';
import type { RecordDecision } from './case-handlers';
import { holdStep, pauseSiblings, releaseHold, releasePauses } from './case-holds';
import * as m from './case-messages';
import type { CaseState, StepState } from './case-state';
import { stepView } from './case-view';
import * as v from './case-validators';
import { openTaskRow } from './case-work-nodes';
import { reopenedAssignees } from './step-reducer';

/** Where a 退回 goes: an earlier step's id, or the window. Throws the reason when it cannot go there. */
export function sendBackTarget(engine: CaseEngine, state: CaseState, p: m.SendBack): string | 'window' {
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

/** 退回 and the window's resubmission. */
export function registerReturnHandlers(engine: CaseEngine, record: RecordDecision): void {
  const s = engine.state;

  setHandler(
    m.sendBack,
    async (raw) => {
      const p = m.parsePayload(m.sendBackSchema, raw);
      const target = sendBackTarget(engine, s, p);
      const step = s.steps[p.stepId];
      const details = { to: target, reason: p.reason, generation: step.generation };
      const recorded = record(p.stepId, 'send_back', p.actor, details);
      if (target === 'window') await Promise.all([recorded, toWindow(engine, step, p)]);
      else await Promise.all([recorded, toEarlierStep(engine, step, target, p)]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.sendBackSchema, raw);
        v.assertCanAct(s, p.stepId, p.actor, 'send_back');
        sendBackTarget(engine, s, p);
      },
    },
  );

  setHandler(
    m.resubmitFromWindow,
    async (raw) => {
      const p = m.parsePayload(m.resubmitFromWindowSchema, raw);
      const step = s.steps[p.stepId];
      // A new round of review: the same signers, undecided; the step clock goes on where it stopped.
      s.steps[p.stepId] = {
        ...step,
        assignees: reopenedAssignees(step.assignees),
        generation: step.generation + 1,
      };
      const recorded = record(p.stepId, 'resubmitted_from_window', p.actor, p.note ? { note: p.note } : {});
      await releaseHold(engine, p.stepId);
      await Promise.all([
        recorded,
        openTaskRow(engine, s.steps[p.stepId]),
        releasePauses(engine, (x) => x.cause === p.stepId && x.until === 'resubmitted'),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.resubmitFromWindowSchema, raw);
        const step = v.openStep(s, p.stepId);
        if (step.hold?.kind !== 'at_window')
          throw new Error(
            `step "${p.stepId}" is not at the window: only a step sent back to the window can be resubmitted`,
          );
      },
    },
  );
}

/** 退回窗口: the task row closes, the step waits at the window with its clock stopped; the case clocks run on. */
async function toWindow(engine: CaseEngine, step: StepState, p: m.SendBack): Promise<void> {
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
  p: m.SendBack,
): Promise<void> {
  const run = engine.run.sendBack(engine.state.run, step.stepId, target);
  engine.state.run = run.state;
  engine.queue.push(...run.activated);
  engine.state.steps[step.stepId] = { ...step, status: 'returned', closedAt: engine.nowIso() };
  engine.version += 1;
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
