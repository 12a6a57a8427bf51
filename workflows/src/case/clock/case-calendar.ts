import { buildCalendar, dueOf, type CalendarData, type WorkingCalendar } from './case-clock';
import type { CaseEngine } from '../engine/case-engine';
import type { ActivityCall, CaseState, CaseView, Transition } from '../engine/case-state';
import { caseView } from '../handlers/case-view';

/**
 * Reducer: the case moves from calendar `before` to `after` (the new `data`). Clocks hold no calendar,
 * so nothing in the state changes; the changed due dates (open steps, statutory) are recorded in
 * history and through recordDecision (action `calendar_refreshed`).
 */
export function calendarRefresh(
  state: Pick<CaseState, 'steps' | 'clocks'>,
  actor: string,
  data: CalendarData,
  before: WorkingCalendar,
  after: WorkingCalendar,
): Transition & { calls: [ActivityCall] } {
  const openSteps = Object.values(state.steps).filter((s) => s.status === 'open');
  const changes = openSteps.flatMap((s) => {
    const next = dueOf(s.clock, after);
    const prev = dueOf(s.clock, before);
    return next.date !== prev.date || next.provisional !== prev.provisional
      ? [{ stepId: s.stepId, from: prev.date, to: next.date, provisional: next.provisional }]
      : [];
  });
  const details = {
    years: data.years.map((y) => y.year),
    changes,
    statutory: {
      from: dueOf(state.clocks.statutory, before).date,
      to: dueOf(state.clocks.statutory, after).date,
    },
  };
  return {
    history: [{ actor, action: 'calendar_refreshed', details }],
    // Recorded as a case decision (the clock transitions themselves did not change).
    calls: [{ name: 'recordDecision', input: { action: 'calendar_refreshed', actor, details } }],
  };
}

/**
 * Swaps in new calendar data (a year published, a correction). Every open due date, reminder and
 * escalation follows at once; see `calendarRefresh` for what is recorded.
 */
export async function refreshCaseCalendar(
  engine: CaseEngine,
  actor: string,
  data: CalendarData,
): Promise<CaseView> {
  const calendar = buildCalendar(data);
  const t = calendarRefresh(engine.state, actor, data, engine.calendar, calendar);
  engine.useCalendar(data, calendar);
  engine.apply(t);
  await engine.call(t.calls[0]);
  return caseView(engine);
}
