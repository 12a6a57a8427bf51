import { dueField, resumeClock, suspendClock } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { BranchPause, StepHold } from './case-state';

/**
 * Holds: a step out of its department's hands for a while (at the window after 退回窗口, or paused
 * while another branch is returned). The step clock stops — unless its own 补正 or special procedure
 * already stopped it — and the case clocks keep running: only the applicant's time and Art. 45
 * procedures stop those.
 */
export async function holdStep(engine: CaseEngine, stepId: string, hold: StepHold): Promise<void> {
  const step = engine.state.steps[stepId];
  const stopsClock = !step.suspension;
  const clock = stopsClock
    ? suspendClock(step.clock, { kind: 'other', note: hold.reason }, Date.now())
    : step.clock;
  engine.state.steps[stepId] = { ...step, hold, clock };
  engine.version += 1;
  if (stopsClock)
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'step',
      stepId,
      event: 'suspended',
      reason: hold.reason,
    });
}

/** Ends a hold; the step clock runs again unless the step's own suspension still holds it. */
export async function releaseHold(engine: CaseEngine, stepId: string): Promise<void> {
  const step = engine.state.steps[stepId];
  if (!step?.hold || step.status !== 'open') return;
  const { hold: _released, ...rest } = step;
  const resumesClock = !step.suspension;
  const clock = resumesClock ? resumeClock(step.clock, Date.now()) : step.clock;
  engine.state.steps[stepId] = { ...rest, clock };
  engine.version += 1;
  if (resumesClock)
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'step',
      stepId,
      event: 'resumed',
      ...dueField(clock, engine.calendar),
    });
}

/** Under onBranchReturn = pause, every other open step is held until the returned one is back. */
export async function pauseSiblings(
  engine: CaseEngine,
  cause: string,
  until: BranchPause['until'],
  by: string,
): Promise<void> {
  if (engine.run.plan.onBranchReturn !== 'pause') return;
  const steps = Object.values(engine.state.steps)
    .filter((step) => step.status === 'open' && step.stepId !== cause && !step.hold)
    .map((step) => step.stepId);
  if (steps.length === 0) return;
  engine.state.pauses = [...(engine.state.pauses ?? []), { cause, until, steps }];
  const since = engine.nowIso();
  engine.log('system', 'branches_paused', cause, { steps, until });
  const reason = `paused while ${cause} is returned`;
  await Promise.all(
    steps.map((stepId) => holdStep(engine, stepId, { kind: 'sibling_returned', since, by, reason, cause })),
  );
}

/** Releases the pauses caused by `cause` that end on `until`. */
export async function releasePauses(
  engine: CaseEngine,
  matches: (pause: BranchPause) => boolean,
): Promise<void> {
  const pauses = engine.state.pauses ?? [];
  const ending = pauses.filter(matches);
  if (ending.length === 0) return;
  engine.state.pauses = pauses.filter((p) => !matches(p));
  for (const pause of ending) engine.log('system', 'branches_resumed', pause.cause, { steps: pause.steps });
  const held = ending
    .flatMap((p) => p.steps)
    .filter((id) => engine.state.steps[id]?.hold?.kind === 'sibling_returned');
  await Promise.all(held.map((stepId) => releaseHold(engine, stepId)));
}

/** A 退回 pause ends once the sequence is back at the step that sent it back (or that step's path died). */
export const releaseReachedPauses = (engine: CaseEngine): Promise<void> =>
  releasePauses(engine, (p) => p.until === 'step_reached' && engine.state.run.nodes[p.cause] !== undefined);
