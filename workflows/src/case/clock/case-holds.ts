import { dueField, resumeClock, suspendClock, type WorkingCalendar } from './case-clock';
import type { CaseEngine } from '../engine/case-engine';
import type {
  ActivityCall,
  BranchPause,
  CaseState,
  StepHold,
  StepState,
  Transition,
} from '../engine/case-state';

/**
 * Holds: a step out of its department's hands for a while (at the window after 退回窗口, or paused
 * while another branch is returned). The step clock stops — unless its own 补正 or special procedure
 * already stopped it — and the case clocks keep running: only the applicant's time and Art. 45
 * procedures stop those. Each has a pure reducer and an async function that applies it and makes its calls.
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/** Reducer: the step is held at `now`; `call` (the step clock's `suspended` event) only when the hold stops its clock. */
export function holding(step: StepState, hold: StepHold, now: number): Transition & { call?: ActivityCall } {
  const stopsClock = !step.suspension;
  const clock = stopsClock ? suspendClock(step.clock, { kind: 'other', note: hold.reason }, now) : step.clock;
  const call: ActivityCall | undefined = stopsClock
    ? {
        name: 'recordClockEvent',
        input: { clock: 'step', stepId: step.stepId, event: 'suspended', reason: hold.reason },
      }
    : undefined;
  return { steps: [{ ...step, hold, clock }], ...(call ? { call } : {}) };
}

/**
 * Reducer: the hold ends at `now`; the step clock runs again (`call`: its `resumed` event) unless the
 * step's own suspension still holds it. Undefined when the step is not open or not held.
 */
export function holdRelease(
  step: StepState | undefined,
  now: number,
  calendar: WorkingCalendar,
): (Transition & { call?: ActivityCall }) | undefined {
  if (!step?.hold || step.status !== 'open') return undefined;
  const { hold: _released, ...rest } = step;
  const resumesClock = !step.suspension;
  const clock = resumesClock ? resumeClock(step.clock, now) : step.clock;
  const call: ActivityCall | undefined = resumesClock
    ? {
        name: 'recordClockEvent',
        input: { clock: 'step', stepId: step.stepId, event: 'resumed', ...dueField(clock, calendar) },
      }
    : undefined;
  return { steps: [{ ...rest, clock }], ...(call ? { call } : {}) };
}

/**
 * Reducer: under onBranchReturn = pause, `cause` was returned (退回, 退回窗口) or sent out for 补正 at
 * `now`: every other open step not already held is held (`sibling_returned`) until the pause ends
 * (`until`). Undefined when the plan continues the other branches or none is open. `holds` has one
 * entry per held step: its clock event, or undefined when its own suspension had already stopped it.
 */
export function siblingPause(
  state: Pick<CaseState, 'steps' | 'pauses'>,
  onBranchReturn: 'continue' | 'pause' | undefined,
  p: { cause: string; until: BranchPause['until']; by: string },
  now: number,
): (Transition & { steps: StepState[]; holds: (ActivityCall | undefined)[] }) | undefined {
  if (onBranchReturn !== 'pause') return undefined;
  const held = Object.values(state.steps).filter(
    (step) => step.status === 'open' && step.stepId !== p.cause && !step.hold,
  );
  if (held.length === 0) return undefined;
  const steps = held.map((step) => step.stepId);
  const hold: StepHold = {
    kind: 'sibling_returned',
    since: iso(now),
    by: p.by,
    reason: `paused while ${p.cause} is returned`,
    cause: p.cause,
  };
  const each = held.map((step) => holding(step, { ...hold }, now));
  return {
    pauses: [...(state.pauses ?? []), { cause: p.cause, until: p.until, steps }],
    history: [
      { actor: 'system', action: 'branches_paused', stepId: p.cause, details: { steps, until: p.until } },
    ],
    steps: each.flatMap((t) => t.steps ?? []),
    holds: each.map((t) => t.call),
  };
}

/**
 * Reducer: the pauses that `matches` selects end at `now` (callers match a pause by its cause and by
 * how it ends: `until`). Each gets a `branches_resumed` entry, and every step still held by a pause
 * (`sibling_returned`) is released in turn (`holdRelease`). Undefined when no pause matches.
 * `releases` has one entry per such step: its clock event, or undefined when none is due.
 */
export function pauseRelease(
  state: Pick<CaseState, 'steps' | 'pauses'>,
  matches: (pause: BranchPause) => boolean,
  now: number,
  calendar: WorkingCalendar,
): (Transition & { steps: StepState[]; releases: (ActivityCall | undefined)[] }) | undefined {
  const pauses = state.pauses ?? [];
  const ending = pauses.filter(matches);
  if (ending.length === 0) return undefined;
  const held = ending
    .flatMap((p) => p.steps)
    .filter((id) => state.steps[id]?.hold?.kind === 'sibling_returned');
  // One after the other, as if applied in turn: a step listed twice is released once.
  const current = new Map<string, StepState>();
  const releases = held.map((id) => {
    const t = holdRelease(current.get(id) ?? state.steps[id], now, calendar);
    for (const step of t?.steps ?? []) current.set(step.stepId, step);
    return t?.call;
  });
  return {
    pauses: pauses.filter((p) => !matches(p)),
    history: ending.map((pause) => ({
      actor: 'system',
      action: 'branches_resumed',
      stepId: pause.cause,
      details: { steps: pause.steps },
    })),
    steps: [...current.values()],
    releases,
  };
}

/** Holds the step; see `holding`. */
export async function holdStep(engine: CaseEngine, stepId: string, hold: StepHold): Promise<void> {
  const t = holding(engine.state.steps[stepId], hold, Date.now());
  engine.apply(t);
  if (t.call) await engine.call(t.call);
}

/** Ends the step's hold; see `holdRelease`. */
export async function releaseHold(engine: CaseEngine, stepId: string): Promise<void> {
  const t = holdRelease(engine.state.steps[stepId], Date.now(), engine.calendar);
  if (!t) return;
  engine.apply(t);
  if (t.call) await engine.call(t.call);
}

/** Holds the other open steps while `cause` is returned, when the plan says so; see `siblingPause`. */
export async function pauseSiblings(
  engine: CaseEngine,
  cause: string,
  until: BranchPause['until'],
  by: string,
): Promise<void> {
  const t = siblingPause(engine.state, engine.run.plan.onBranchReturn, { cause, until, by }, Date.now());
  if (!t) return;
  engine.apply(t);
  await Promise.all(
    t.holds.map(async (call) => {
      if (call) await engine.call(call);
    }),
  );
}

/** Ends the pauses that `matches` selects and releases the steps they held; see `pauseRelease`. */
export async function releasePauses(
  engine: CaseEngine,
  matches: (pause: BranchPause) => boolean,
): Promise<void> {
  const t = pauseRelease(engine.state, matches, Date.now(), engine.calendar);
  if (!t) return;
  engine.apply(t);
  await Promise.all(
    t.releases.map(async (call) => {
      if (call) await engine.call(call);
    }),
  );
}

/** A 退回 pause ends once the sequence is back at the step that sent it back (or that step's path died). */
export const releaseReachedPauses = (engine: CaseEngine): Promise<void> =>
  releasePauses(engine, (p) => p.until === 'step_reached' && engine.state.run.nodes[p.cause] !== undefined);
