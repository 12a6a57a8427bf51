import { createOfficialCalendar } from '@onewindow/calendar';
import { dueOf, isSuspended, startClock } from './case-clock';
import { holdRelease, holding, pauseRelease, siblingPause } from './case-holds';
import type { ActivityCall, BranchPause, CaseState, StepHold, StepState } from '../engine/case-state';
import { suspension } from './case-suspensions';

const calendar = createOfficialCalendar();
/** Monday 2026-03-02 and the Monday after, 10:00 in Shanghai: working days of the shipped 2026 calendar. */
const MON = Date.parse('2026-03-02T02:00:00Z');
const NEXT_MON = Date.parse('2026-03-09T02:00:00Z');

const step = (stepId: string, over: Partial<StepState> = {}): StepState => ({
  stepId,
  name: stepId,
  departmentCode: 'DEPT',
  role: 'reviewer',
  status: 'open',
  countersign: { mode: 'single' },
  actions: ['approve', 'refuse', 'send_back'],
  assignees: [{ userId: `${stepId}-lead`, status: 'pending', source: 'plan' }],
  cc: [],
  generation: 1,
  openedAt: '2026-03-02T01:00:00.000Z',
  clock: startClock('2026-03-02', { value: 5, unit: 'working_day' }),
  extensions: [],
  remindersSent: [],
  ...over,
});

const atWindow: StepHold = {
  kind: 'at_window',
  since: '2026-03-02T02:00:00.000Z',
  by: 'li',
  reason: '退回窗口: wrong form',
  cause: 'planning',
};

/** A step under its own 补正 (its clock already stopped). */
const supplemented = (stepId: string): StepState =>
  suspension(
    { statutory: startClock('2026-03-02', { value: 20, unit: 'working_day' }), suspendedBy: [] },
    step(stepId),
    {
      kind: 'supplement',
      clockReason: { kind: 'supplement', note: 'x' },
      since: '2026-03-02T02:00:00.000Z',
      by: 'li',
      reason: '补正: x',
    },
    MON,
  ).step;

const stepOf = (c?: ActivityCall): string | undefined =>
  c && 'stepId' in c.input ? c.input.stepId : undefined;

const state = (steps: StepState[], pauses?: BranchPause[]): Pick<CaseState, 'steps' | 'pauses'> => ({
  steps: Object.fromEntries(steps.map((s) => [s.stepId, s])),
  ...(pauses ? { pauses } : {}),
});

describe('holding', () => {
  it('stops a running step clock and records it', () => {
    const t = holding(step('planning'), atWindow, MON);
    expect(t.steps?.[0].hold).toBe(atWindow);
    expect(isSuspended(t.steps![0].clock)).toBe(true);
    expect(t.call).toEqual({
      name: 'recordClockEvent',
      input: { clock: 'step', stepId: 'planning', event: 'suspended', reason: '退回窗口: wrong form' },
    });
  });

  it('never stops a clock its own 补正 already stopped', () => {
    const own = supplemented('planning');
    const t = holding(own, atWindow, MON);
    expect(t.steps?.[0].clock).toBe(own.clock);
    expect(t).not.toHaveProperty('call');
  });
});

describe('holdRelease', () => {
  it('is nothing for a step that is not held, or no longer open', () => {
    expect(holdRelease(undefined, NEXT_MON, calendar)).toBeUndefined();
    expect(holdRelease(step('planning'), NEXT_MON, calendar)).toBeUndefined();
    const closed = { ...holding(step('planning'), atWindow, MON).steps![0], status: 'cancelled' as const };
    expect(holdRelease(closed, NEXT_MON, calendar)).toBeUndefined();
  });

  it('restarts the step clock, its due date moved by the working days held, and records the new due date', () => {
    const held = holding(step('planning'), atWindow, MON).steps![0];
    const t = holdRelease(held, NEXT_MON, calendar)!;
    const released = t.steps![0];
    expect(released.hold).toBeUndefined();
    expect(dueOf(released.clock, calendar).date).toBe('2026-03-16');
    expect(t.call).toEqual({
      name: 'recordClockEvent',
      input: { clock: 'step', stepId: 'planning', event: 'resumed', dueDate: '2026-03-16' },
    });
  });

  it('leaves the clock stopped while the step’s own 补正 still holds it', () => {
    const held = holding(supplemented('planning'), atWindow, MON).steps![0];
    const t = holdRelease(held, NEXT_MON, calendar)!;
    expect(t.steps![0].hold).toBeUndefined();
    expect(t.steps![0].clock).toBe(held.clock);
    expect(t).not.toHaveProperty('call');
  });
});

describe('siblingPause (onBranchReturn = pause)', () => {
  const by = { cause: 'planning', until: 'step_reached' as const, by: 'li' };

  it('is nothing when the plan lets the other branches continue, or none is open', () => {
    const s = state([step('planning'), step('fire')]);
    expect(siblingPause(s, 'continue', by, MON)).toBeUndefined();
    expect(
      siblingPause(state([step('planning'), step('fire', { status: 'approved' })]), 'pause', by, MON),
    ).toBe(undefined);
  });

  it('holds every other open step not already held, one clock event per held step (none for a 补正 step)', () => {
    const alreadyHeld = holding(step('env'), atWindow, MON).steps![0];
    const s = state([
      step('planning'),
      step('fire'),
      supplemented('health'),
      alreadyHeld,
      step('done', { status: 'approved' }),
    ]);
    const t = siblingPause(s, 'pause', by, MON)!;
    expect(t.pauses).toEqual([{ cause: 'planning', until: 'step_reached', steps: ['fire', 'health'] }]);
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'branches_paused',
        stepId: 'planning',
        details: { steps: ['fire', 'health'], until: 'step_reached' },
      },
    ]);
    expect(t.steps.map((x) => [x.stepId, x.hold?.kind, x.hold?.reason])).toEqual([
      ['fire', 'sibling_returned', 'paused while planning is returned'],
      ['health', 'sibling_returned', 'paused while planning is returned'],
    ]);
    expect(t.holds.map((c) => c?.input)).toEqual([
      { clock: 'step', stepId: 'fire', event: 'suspended', reason: 'paused while planning is returned' },
      undefined,
    ]);
  });

  it('adds to the pauses already there', () => {
    const earlier: BranchPause = { cause: 'env', until: 'supplement', steps: [] };
    const t = siblingPause(state([step('planning'), step('fire')], [earlier]), 'pause', by, MON)!;
    expect(t.pauses).toEqual([earlier, { cause: 'planning', until: 'step_reached', steps: ['fire'] }]);
  });
});

describe('pauseRelease', () => {
  const paused = () => {
    const s = state([step('planning'), step('fire'), supplemented('health'), step('env')]);
    const first = siblingPause(s, 'pause', { cause: 'planning', until: 'supplement', by: 'li' }, MON)!;
    return {
      all: { ...s.steps, ...Object.fromEntries(first.steps.map((x) => [x.stepId, x])) },
      pauses: first.pauses!,
    };
  };

  it('is nothing when no pause matches', () => {
    const p = paused();
    expect(
      pauseRelease({ steps: p.all, pauses: p.pauses }, (x) => x.cause === 'fire', NEXT_MON, calendar),
    ).toBe(undefined);
  });

  it('ends the matching pauses and releases the steps they still hold, one event per step', () => {
    const p = paused();
    const other: BranchPause = { cause: 'env', until: 'resubmitted', steps: [] };
    const t = pauseRelease(
      { steps: p.all, pauses: [...p.pauses, other] },
      (x) => x.cause === 'planning' && x.until === 'supplement',
      NEXT_MON,
      calendar,
    )!;
    expect(t.pauses).toEqual([other]);
    expect(t.history).toEqual([
      {
        actor: 'system',
        action: 'branches_resumed',
        stepId: 'planning',
        details: { steps: ['fire', 'health', 'env'] },
      },
    ]);
    expect(t.steps.map((x) => [x.stepId, x.hold])).toEqual([
      ['fire', undefined],
      ['health', undefined],
      ['env', undefined],
    ]);
    // health's own 补正 keeps its clock stopped: no event for it.
    expect(t.releases.map((c) => stepOf(c))).toEqual(['fire', undefined, 'env']);
    expect(isSuspended(t.steps[1].clock)).toBe(true);
  });

  it('releases a step listed by two ending pauses once; a step held otherwise (at the window) stays held', () => {
    const p = paused();
    const atTheWindow = holding(step('desk'), atWindow, MON).steps![0];
    const twice: BranchPause[] = [
      { cause: 'planning', until: 'supplement', steps: ['fire', 'desk'] },
      { cause: 'planning', until: 'supplement', steps: ['fire'] },
    ];
    const t = pauseRelease(
      { steps: { ...p.all, desk: atTheWindow }, pauses: twice },
      () => true,
      NEXT_MON,
      calendar,
    )!;
    expect(t.steps.map((x) => x.stepId)).toEqual(['fire']);
    expect(t.releases.map((c) => stepOf(c))).toEqual(['fire', undefined]);
  });
});
