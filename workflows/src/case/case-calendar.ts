import { buildCalendar, dueOf, type CalendarData } from './case-clock';
import type { CaseEngine } from './case-engine';
import type { CaseView } from './case-state';
import { caseView } from './case-view';

/**
 * Swaps in new calendar data (a year published, a correction). Clocks hold no calendar, so every open
 * due date, reminder and escalation follows at once; changed due dates are recorded.
 */
export async function refreshCaseCalendar(engine: CaseEngine, actor: string, data: CalendarData): Promise<CaseView> {
  const openSteps = Object.values(engine.state.steps).filter((s) => s.status === 'open');
  const before = new Map(openSteps.map((s) => [s.stepId, dueOf(s.clock, engine.calendar)]));
  const statutoryBefore = dueOf(engine.state.clocks.statutory, engine.calendar);
  engine.calendarData = data;
  engine.calendar = buildCalendar(data);
  const changes = openSteps.flatMap((s) => {
    const next = dueOf(s.clock, engine.calendar);
    const prev = before.get(s.stepId)!;
    return next.date !== prev.date || next.provisional !== prev.provisional ? [{ stepId: s.stepId, from: prev.date, to: next.date, provisional: next.provisional }] : [];
  });
  const statutory = dueOf(engine.state.clocks.statutory, engine.calendar);
  engine.log(actor, 'calendar_refreshed', undefined, { years: data.years.map((y) => y.year), changes, statutory: { from: statutoryBefore.date, to: statutory.date } });
  const reason = 'calendar data refreshed';
  await Promise.all([
    ...changes.map((c) =>
      engine.acts.recordClockEvent({ ...engine.base(), clock: 'step', stepId: c.stepId, event: 'recomputed', reason, ...(c.to ? { dueDate: c.to } : {}) }),
    ),
    ...(statutory.date !== statutoryBefore.date
      ? [engine.acts.recordClockEvent({ ...engine.base(), clock: 'statutory', event: 'recomputed', reason, ...(statutory.date ? { dueDate: statutory.date } : {}) })]
      : []),
  ]);
  return caseView(engine);
}
