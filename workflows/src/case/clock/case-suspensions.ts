import {
  dueField,
  extendClock,
  extendedDays,
  resumeClock,
  suspendClock,
  type WorkingCalendar,
} from './case-clock';
import type { CaseEngine } from '../engine/case-engine';
import { CASE_PATCHES } from '../engine/case-patches';
import type { ActivityCall, CaseClocks, StepState, Transition } from '../engine/case-state';

/**
 * Clock transitions. A step's suspension (补正, Art. 45 special procedure) also holds the case
 * clocks; the case clocks run again only when no step holds them. Each has a pure reducer (the new
 * state and the events) and an async function that applies it and makes its activity calls.
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Reducer: the step's clock stops for `suspension` at `now`; the first step to hold the case clocks
 * stops them too. Calls, one after the other: the step's `suspended` event, then (first hold only) the
 * statutory one and the promised one (behind its patch).
 */
export function suspension(
  clocks: CaseClocks,
  step: StepState,
  suspension: NonNullable<StepState['suspension']>,
  now: number,
): Transition & { step: StepState; calls: ActivityCall[] } {
  const next: StepState = {
    ...step,
    suspension,
    clock: suspendClock(step.clock, suspension.clockReason, now),
  };
  const firstHold = clocks.suspendedBy.length === 0;
  const changed: Partial<CaseClocks> = { suspendedBy: [...clocks.suspendedBy, step.stepId] };
  const calls: ActivityCall[] = [
    {
      name: 'recordClockEvent',
      input: { clock: 'step', stepId: step.stepId, event: 'suspended', reason: suspension.reason },
    },
  ];
  if (firstHold) {
    changed.statutory = suspendClock(clocks.statutory, suspension.clockReason, now);
    if (clocks.promised) changed.promised = suspendClock(clocks.promised, suspension.clockReason, now);
    calls.push({
      name: 'recordClockEvent',
      input: { clock: 'statutory', event: 'suspended', reason: suspension.reason },
    });
    if (clocks.promised)
      calls.push({
        name: 'recordClockEvent',
        input: { clock: 'promised', event: 'suspended', reason: suspension.reason },
        patch: CASE_PATCHES.promisedClockEvents,
      });
  }
  return { step: next, steps: [next], clocks: changed, calls };
}

/**
 * Reducer: the step's own suspension ends at `now`. A step also held (paused, at the window) keeps its
 * clock stopped until the hold ends, and then has no `resumed` event to record (`call` is absent).
 * The case clocks are released separately (`caseClocksRelease`).
 */
export function resumption(
  step: StepState,
  now: number,
  calendar: WorkingCalendar,
): Transition & { step: StepState; call?: ActivityCall } {
  const { suspension: _done, ...rest } = step;
  const next: StepState = { ...rest, clock: step.hold ? step.clock : resumeClock(step.clock, now) };
  const call: ActivityCall | undefined = step.hold
    ? undefined
    : {
        name: 'recordClockEvent',
        input: { clock: 'step', stepId: step.stepId, event: 'resumed', ...dueField(next.clock, calendar) },
      };
  return { step: next, steps: [next], ...(call ? { call } : {}) };
}

/**
 * Reducer: `stepId` no longer holds the case clocks; when it was the last holder they run again at
 * `now`. Undefined when the step did not hold them. Calls, one after the other, only when the clocks
 * run again: statutory `resumed`, then promised `resumed` (behind its patch), each with the clock's
 * due date at the time of the call.
 */
export function caseClocksRelease(
  clocks: CaseClocks,
  stepId: string,
  now: number,
): (Transition & { calls: ActivityCall[] }) | undefined {
  if (!clocks.suspendedBy.includes(stepId)) return undefined;
  const suspendedBy = clocks.suspendedBy.filter((h) => h !== stepId);
  if (suspendedBy.length > 0) return { clocks: { suspendedBy }, calls: [] };
  const changed: Partial<CaseClocks> = { suspendedBy, statutory: resumeClock(clocks.statutory, now) };
  if (clocks.promised) changed.promised = resumeClock(clocks.promised, now);
  const calls: ActivityCall[] = [
    { name: 'recordClockEvent', input: { clock: 'statutory', event: 'resumed' }, dueOf: 'statutory' },
  ];
  if (clocks.promised)
    calls.push({
      name: 'recordClockEvent',
      input: { clock: 'promised', event: 'resumed' },
      dueOf: 'promised',
      patch: CASE_PATCHES.promisedClockEvents,
    });
  return { clocks: changed, calls };
}

/**
 * Reducer: an approved extension (of the step's pending request) moves the step's due date and the
 * case's statutory due date by the same working days. Calls, one after the other: the step's
 * `extended` event (its new due date), then the statutory one (its due date when the call is made).
 */
export function extension(
  clocks: CaseClocks,
  step: StepState,
  approvedBy: string,
  reason: string,
  now: number,
  calendar: WorkingCalendar,
): Transition & { step: StepState; calls: [ActivityCall, ActivityCall] } {
  const request = step.pendingExtension!;
  const { pendingExtension: _done, ...rest } = step;
  const next: StepState = {
    ...rest,
    clock: extendClock(step.clock, request.days, approvedBy, reason, now),
    extensions: [...step.extensions, { ...request, reason, approvedBy, at: iso(now) }],
  };
  return {
    step: next,
    steps: [next],
    clocks: { statutory: extendClock(clocks.statutory, request.days, approvedBy, reason, now) },
    calls: [
      {
        name: 'recordClockEvent',
        input: {
          clock: 'step',
          stepId: step.stepId,
          event: 'extended',
          ...dueField(next.clock, calendar),
          reason,
          approvedBy,
        },
      },
      {
        name: 'recordClockEvent',
        input: { clock: 'statutory', event: 'extended', reason, approvedBy },
        dueOf: 'statutory',
      },
    ],
  };
}

/**
 * Validator check: refuses an extension of `days` that would take the statutory clock's approved extensions
 * past the case's cap (行政许可法 Art. 42: +10 on the general limit, +15 on the joint limit of ¶2; the input's
 * `limits.maxExtensionDays`). Cases started without a cap have none.
 */
export function assertWithinExtensionCap(
  clocks: CaseClocks,
  maxExtensionDays: number | undefined,
  days: number,
): void {
  if (maxExtensionDays === undefined) return;
  const used = extendedDays(clocks.statutory);
  if (used + days <= maxExtensionDays) return;
  throw new Error(
    `the statutory time limit of this case may be extended by at most ${maxExtensionDays} working days in all (行政许可法 Art. 42); ` +
      `${used} already approved, so at most ${Math.max(0, maxExtensionDays - used)} more, not ${days}`,
  );
}

/** Suspends the step (and, as the first holder, the case clocks); see `suspension`. */
export async function suspendStep(
  engine: CaseEngine,
  step: StepState,
  suspended: NonNullable<StepState['suspension']>,
): Promise<StepState> {
  const t = suspension(engine.state.clocks, step, suspended, Date.now());
  engine.apply(t);
  for (const call of t.calls) if (!call.patch || engine.patched(call.patch)) await engine.call(call);
  return t.step;
}

/** Ends the step's own suspension and releases its hold on the case clocks; see `resumption`. */
export async function resumeStep(engine: CaseEngine, step: StepState): Promise<StepState> {
  const t = resumption(step, Date.now(), engine.calendar);
  engine.apply(t);
  const released = releaseCaseClocks(engine, step.stepId); // its state change happens now, before any await
  if (t.call) await engine.call(t.call);
  await released;
  return t.step;
}

/** The step stops holding the case clocks; see `caseClocksRelease`. */
export async function releaseCaseClocks(engine: CaseEngine, stepId: string): Promise<void> {
  const t = caseClocksRelease(engine.state.clocks, stepId, Date.now());
  if (!t) return;
  engine.apply(t);
  for (const call of t.calls) if (!call.patch || engine.patched(call.patch)) await engine.call(call);
}

/** Applies an approved extension; see `extension`. */
export async function extendStep(
  engine: CaseEngine,
  step: StepState,
  approvedBy: string,
  reason: string,
): Promise<StepState> {
  const t = extension(engine.state.clocks, step, approvedBy, reason, Date.now(), engine.calendar);
  engine.apply(t);
  const [stepEvent, statutoryEvent] = t.calls;
  await engine.call(stepEvent);
  await engine.call(statutoryEvent);
  return t.step;
}
