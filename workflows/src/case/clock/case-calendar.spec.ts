import { OFFICIAL_CALENDAR_DATA, WorkingCalendar } from '@onewindow/calendar';
import { dueOf, startClock } from './case-clock';
import { calendarRefresh } from './case-calendar';
import type { CaseState, StepState } from '../engine/case-state';

const official = WorkingCalendar.fromData(OFFICIAL_CALENDAR_DATA);
/** The same data without 2026: that year then counts weekends only (no May Day holiday, no 调休). */
const without2026 = {
  ...OFFICIAL_CALENDAR_DATA,
  years: OFFICIAL_CALENDAR_DATA.years.filter((y) => y.year !== 2026),
};
const weekendsOnly = WorkingCalendar.fromData(without2026);

const step = (stepId: string, status: StepState['status']): StepState => ({
  stepId,
  name: stepId,
  departmentCode: 'DEPT',
  role: 'reviewer',
  status,
  countersign: { mode: 'single' },
  actions: ['approve'],
  assignees: [{ userId: 'li', status: 'pending', source: 'plan' }],
  cc: [],
  generation: 1,
  openedAt: '2026-04-29T01:00:00.000Z',
  clock: startClock('2026-04-29', { value: 5, unit: 'working_day' }), // across May Day 2026
  extensions: [],
  remindersSent: [],
});

const state: Pick<CaseState, 'steps' | 'clocks'> = {
  steps: { planning: step('planning', 'open'), fire: step('fire', 'approved') },
  clocks: { statutory: startClock('2026-04-29', { value: 20, unit: 'working_day' }), suspendedBy: [] },
};

describe('calendarRefresh', () => {
  it('records the open steps’ and the statutory due dates that move, and nothing else changes', () => {
    const t = calendarRefresh(state, 'ops', without2026, official, weekendsOnly);
    const from = dueOf(state.steps.planning.clock, official);
    const to = dueOf(state.steps.planning.clock, weekendsOnly);
    expect(from.date).not.toBe(to.date);
    const details = {
      years: OFFICIAL_CALENDAR_DATA.years.map((y) => y.year).filter((y) => y !== 2026),
      changes: [{ stepId: 'planning', from: from.date, to: to.date, provisional: to.provisional }],
      statutory: {
        from: dueOf(state.clocks.statutory, official).date,
        to: dueOf(state.clocks.statutory, weekendsOnly).date,
      },
    };
    expect(t).toEqual({
      history: [{ actor: 'ops', action: 'calendar_refreshed', details }],
      calls: [{ name: 'recordDecision', input: { action: 'calendar_refreshed', actor: 'ops', details } }],
    });
  });

  it('records no step change when the data stays the same', () => {
    const t = calendarRefresh(state, 'ops', OFFICIAL_CALENDAR_DATA, official, official);
    expect(t.history?.[0].details).toMatchObject({ changes: [] });
  });
});
