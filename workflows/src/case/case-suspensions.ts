import { dueField, extendClock, resumeClock, suspendClock } from './case-clock';
import type { CaseEngine } from './case-engine';
import { CASE_PATCHES } from './case-patches';
import type { StepState } from './case-state';

/**
 * Clock transitions. A step's suspension (补正, Art. 45 special procedure) also holds the case
 * clocks; the case clocks run again only when no step holds them.
 */
export async function suspendStep(
  engine: CaseEngine,
  step: StepState,
  suspension: NonNullable<StepState['suspension']>,
): Promise<StepState> {
  const now = Date.now();
  const next: StepState = {
    ...step,
    suspension,
    clock: suspendClock(step.clock, suspension.clockReason, now),
  };
  engine.state.steps[step.stepId] = next;
  const holders = engine.state.clocks.suspendedBy;
  const firstHold = holders.length === 0;
  engine.state.clocks.suspendedBy = [...holders, step.stepId];
  if (firstHold) {
    const c = engine.state.clocks;
    c.statutory = suspendClock(c.statutory, suspension.clockReason, now);
    if (c.promised) c.promised = suspendClock(c.promised, suspension.clockReason, now);
  }
  engine.version += 1;
  await engine.acts.recordClockEvent({
    ...engine.base(),
    clock: 'step',
    stepId: step.stepId,
    event: 'suspended',
    reason: suspension.reason,
  });
  if (firstHold)
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'statutory',
      event: 'suspended',
      reason: suspension.reason,
    });
  if (firstHold && engine.state.clocks.promised && engine.patched(CASE_PATCHES.promisedClockEvents)) {
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'promised',
      event: 'suspended',
      reason: suspension.reason,
    });
  }
  return next;
}

/** Ends the step's own suspension; a step also held (paused, at the window) keeps its clock stopped until the hold ends. */
export async function resumeStep(engine: CaseEngine, step: StepState): Promise<StepState> {
  const { suspension: _done, ...rest } = step;
  const next: StepState = { ...rest, clock: step.hold ? step.clock : resumeClock(step.clock, Date.now()) };
  engine.state.steps[step.stepId] = next;
  engine.version += 1;
  const released = releaseCaseClocks(engine, step.stepId); // its state change happens now, before any await
  if (!step.hold) {
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'step',
      stepId: step.stepId,
      event: 'resumed',
      ...dueField(next.clock, engine.calendar),
    });
  }
  await released;
  return next;
}

export async function releaseCaseClocks(engine: CaseEngine, stepId: string): Promise<void> {
  const c = engine.state.clocks;
  if (!c.suspendedBy.includes(stepId)) return;
  c.suspendedBy = c.suspendedBy.filter((h) => h !== stepId);
  if (c.suspendedBy.length > 0) return;
  const now = Date.now();
  c.statutory = resumeClock(c.statutory, now);
  if (c.promised) c.promised = resumeClock(c.promised, now);
  engine.version += 1;
  await engine.acts.recordClockEvent({
    ...engine.base(),
    clock: 'statutory',
    event: 'resumed',
    ...dueField(c.statutory, engine.calendar),
  });
  if (c.promised && engine.patched(CASE_PATCHES.promisedClockEvents)) {
    await engine.acts.recordClockEvent({
      ...engine.base(),
      clock: 'promised',
      event: 'resumed',
      ...dueField(c.promised, engine.calendar),
    });
  }
}

/** An approved extension moves the step's due date and the case's statutory due date by the same working days. */
export async function extendStep(
  engine: CaseEngine,
  step: StepState,
  approvedBy: string,
  reason: string,
): Promise<StepState> {
  const request = step.pendingExtension!;
  const { pendingExtension: _done, ...rest } = step;
  const next: StepState = {
    ...rest,
    clock: extendClock(step.clock, request.days, approvedBy, reason, Date.now()),
    extensions: [...step.extensions, { ...request, reason, approvedBy, at: engine.nowIso() }],
  };
  engine.state.steps[step.stepId] = next;
  engine.state.clocks.statutory = extendClock(
    engine.state.clocks.statutory,
    request.days,
    approvedBy,
    reason,
    Date.now(),
  );
  engine.version += 1;
  const stepDue = dueField(next.clock, engine.calendar);
  await engine.acts.recordClockEvent({
    ...engine.base(),
    clock: 'step',
    stepId: step.stepId,
    event: 'extended',
    ...stepDue,
    reason,
    approvedBy,
  });
  await engine.acts.recordClockEvent({
    ...engine.base(),
    clock: 'statutory',
    event: 'extended',
    ...dueField(engine.state.clocks.statutory, engine.calendar),
    reason,
    approvedBy,
  });
  return next;
}
