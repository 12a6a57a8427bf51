import { buildCalendar, dueOf, type CalendarData } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { CaseView } from './case-state';
import { caseView } from './case-view';

/**
 * Swaps in new calendar data (a year published, a correction). Clocks hold no calendar, so every open
 * due date, reminder and escalation follows at once; the changed due dates are recorded
 * through recordDecision (action `calendar_refreshed`).
 */
export async function refreshCaseCalendar(
  engine: CaseEngine,
  actor: string,
  data: CalendarData,
): Promise<CaseView> {
  const openSteps = Object.values(engine.state.steps).filter((s) => s.status === 'open');
  const before = new Map(openSteps.map((s) => [s.stepId, dueOf(s.clock, engine.calendar)]));
  const statutoryBefore = dueOf(engine.state.clocks.statutory, engine.calendar);
  engine.calendarData = data;
  engine.calendar = buildCalendar(data);
  const changes = openSteps.flatMap((s) => {
    const next = dueOf(s.clock, engine.calendar);
    const prev = before.get(s.stepId)!;
    return next.date !== prev.date || next.provisional !== prev.provisional
      ? [{ stepId: s.stepId, from: prev.date, to: next.date, provisional: next.provisional }]
      : [];
  });
  const statutory = dueOf(engine.state.clocks.statutory, engine.calendar);
  const details = {
    years: data.years.map((y) => y.year),
    changes,
    statutory: { from: statutoryBefore.date, to: statutory.date },
  };
  engine.log(actor, 'calendar_refreshed', undefined, details);
  // Recorded as a case decision (the clock transitions themselves did not change).
  await engine.acts.recordDecision({ ...engine.base(), action: 'calendar_refreshed', actor, details });
  return caseView(engine);
}
