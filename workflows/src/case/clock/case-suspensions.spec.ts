import { createOfficialCalendar } from '@onewindow/calendar';
import { dueOf, isSuspended, startClock } from './case-clock';
import { CASE_PATCHES } from '../engine/case-patches';
import type { ActivityCall, CaseClocks, StepState, StepSuspension } from '../engine/case-state';
import { caseClocksRelease, extension, resumption, suspension } from './case-suspensions';

const calendar = createOfficialCalendar();
/** Monday 2026-03-02, 10:00 in Shanghai; a week later; both working days of the shipped 2026 calendar. */
const MON = Date.parse('2026-03-02T02:00:00Z');
const NEXT_MON = Date.parse('2026-03-09T02:00:00Z');

const step = (over: Partial<StepState> = {}): StepState => ({
  stepId: 'planning',
  name: 'Planning',
  departmentCode: 'PLAN',
  role: 'reviewer',
  status: 'open',
  countersign: { mode: 'single' },
  actions: ['approve', 'refuse'],
  assignees: [{ userId: 'li', status: 'pending', source: 'plan' }],
  cc: [],
  generation: 1,
  openedAt: '2026-03-02T01:00:00.000Z',
  clock: startClock('2026-03-02', { value: 5, unit: 'working_day' }),
  extensions: [],
  remindersSent: [],
  ...over,
});

const clockOf = (c: ActivityCall): string | undefined => ('clock' in c.input ? c.input.clock : undefined);

const clocks = (over: Partial<CaseClocks> = {}): CaseClocks => ({
  statutory: startClock('2026-03-02', { value: 20, unit: 'working_day' }),
  promised: startClock('2026-03-02', { value: 10, unit: 'working_day' }),
  suspendedBy: [],
  ...over,
});

const supplement: StepSuspension = {
  kind: 'supplement',
  clockReason: { kind: 'supplement', note: 'site plan' },
  since: '2026-03-02T02:00:00.000Z',
  by: 'li',
  reason: '补正: site plan',
  materials: ['site plan'],
};

describe('suspension (补正, special procedure)', () => {
  it('the first holder stops the step and both case clocks, and asks for three events in turn', () => {
    const before = step();
    const c = clocks();
    const t = suspension(c, before, supplement, MON);
    expect(t.step).toMatchObject({ stepId: 'planning', suspension: supplement });
    expect(isSuspended(t.step.clock)).toBe(true);
    expect(t.steps).toEqual([t.step]);
    expect(t.clocks?.suspendedBy).toEqual(['planning']);
    expect(isSuspended(t.clocks!.statutory!)).toBe(true);
    expect(isSuspended(t.clocks!.promised!)).toBe(true);
    expect(t.calls).toEqual([
      {
        name: 'recordClockEvent',
        input: { clock: 'step', stepId: 'planning', event: 'suspended', reason: '补正: site plan' },
      },
      {
        name: 'recordClockEvent',
        input: { clock: 'statutory', event: 'suspended', reason: '补正: site plan' },
      },
      {
        name: 'recordClockEvent',
        input: { clock: 'promised', event: 'suspended', reason: '补正: site plan' },
        patch: CASE_PATCHES.promisedClockEvents,
      },
    ]);
    // Pure: what it was given is unchanged.
    expect(before.suspension).toBeUndefined();
    expect(isSuspended(before.clock)).toBe(false);
    expect(c.suspendedBy).toEqual([]);
  });

  it('a later holder stops only its own step clock; the case clocks are already stopped', () => {
    const t = suspension(clocks({ suspendedBy: ['fire'] }), step(), supplement, MON);
    expect(t.clocks).toEqual({ suspendedBy: ['fire', 'planning'] });
    expect(t.calls.map(clockOf)).toEqual(['step']);
  });

  it('without a promised clock there is no promised event', () => {
    const t = suspension(clocks({ promised: undefined }), step(), supplement, MON);
    expect(t.clocks).not.toHaveProperty('promised');
    expect(t.calls.map(clockOf)).toEqual(['step', 'statutory']);
  });
});

describe('resumption', () => {
  it('restarts the step clock, moving its due date by the working days it stood still, and records it with the new due date', () => {
    const open = step();
    expect(dueOf(open.clock, calendar).date).toBe('2026-03-09'); // 5 working days after Monday 03-02
    const held = suspension(clocks(), open, supplement, MON).step;
    const t = resumption(held, NEXT_MON, calendar);
    expect(t.step.suspension).toBeUndefined();
    expect(isSuspended(t.step.clock)).toBe(false);
    // Stopped 03-02 … 03-09 inclusive: the count starts again on 03-10.
    expect(dueOf(t.step.clock, calendar).date).toBe('2026-03-16');
    expect(t.call).toEqual({
      name: 'recordClockEvent',
      input: { clock: 'step', stepId: 'planning', event: 'resumed', dueDate: '2026-03-16' },
    });
  });

  it('a step also held (at the window, paused) keeps its clock stopped and records nothing', () => {
    const held = suspension(clocks(), step(), supplement, MON).step;
    const alsoHeld: StepState = {
      ...held,
      hold: { kind: 'at_window', since: held.openedAt, by: 'li', reason: '退回窗口', cause: 'planning' },
    };
    const t = resumption(alsoHeld, NEXT_MON, calendar);
    expect(t.step.suspension).toBeUndefined();
    expect(t.step.clock).toBe(alsoHeld.clock);
    expect(t).not.toHaveProperty('call');
  });
});

describe('caseClocksRelease', () => {
  it('is nothing for a step that does not hold the case clocks', () => {
    expect(caseClocksRelease(clocks({ suspendedBy: ['fire'] }), 'planning', NEXT_MON)).toBeUndefined();
  });

  it('a holder that is not the last only lets go: the clocks stay stopped, nothing is recorded', () => {
    const t = caseClocksRelease(clocks({ suspendedBy: ['fire', 'planning'] }), 'planning', NEXT_MON);
    expect(t).toEqual({ clocks: { suspendedBy: ['fire'] }, calls: [] });
  });

  it('the last holder restarts both clocks; the events read the due dates when they are made', () => {
    const stopped = suspension(clocks(), step(), supplement, MON).clocks!;
    const t = caseClocksRelease({ ...clocks(), ...stopped }, 'planning', NEXT_MON)!;
    expect(t.clocks?.suspendedBy).toEqual([]);
    expect(isSuspended(t.clocks!.statutory!)).toBe(false);
    expect(isSuspended(t.clocks!.promised!)).toBe(false);
    expect(t.calls).toEqual([
      { name: 'recordClockEvent', input: { clock: 'statutory', event: 'resumed' }, dueOf: 'statutory' },
      {
        name: 'recordClockEvent',
        input: { clock: 'promised', event: 'resumed' },
        dueOf: 'promised',
        patch: CASE_PATCHES.promisedClockEvents,
      },
    ]);
  });
});

describe('extension', () => {
  it('moves the step and the statutory due dates by the approved working days and clears the request', () => {
    const requested = step({
      pendingExtension: { days: 3, reason: 'site visit', requestedBy: 'li', at: '2026-03-02T01:30:00.000Z' },
    });
    const c = clocks();
    const t = extension(c, requested, 'lead', 'site visit (approved)', MON, calendar);
    expect(t.step.pendingExtension).toBeUndefined();
    expect(t.step.extensions).toEqual([
      {
        days: 3,
        reason: 'site visit (approved)',
        requestedBy: 'li',
        approvedBy: 'lead',
        at: '2026-03-02T02:00:00.000Z',
      },
    ]);
    expect(dueOf(requested.clock, calendar).date).toBe('2026-03-09');
    expect(dueOf(t.step.clock, calendar).date).toBe('2026-03-12');
    expect(dueOf(c.statutory, calendar).date).toBe('2026-03-30');
    expect(dueOf(t.clocks!.statutory!, calendar).date).toBe('2026-04-02');
    expect(t.calls).toEqual([
      {
        name: 'recordClockEvent',
        input: {
          clock: 'step',
          stepId: 'planning',
          event: 'extended',
          dueDate: '2026-03-12',
          reason: 'site visit (approved)',
          approvedBy: 'lead',
        },
      },
      {
        name: 'recordClockEvent',
        input: { clock: 'statutory', event: 'extended', reason: 'site visit (approved)', approvedBy: 'lead' },
        dueOf: 'statutory',
      },
    ]);
  });
});
