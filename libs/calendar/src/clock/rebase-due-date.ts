import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DueDate, StatutoryClock } from './statutory-clock';

export interface RebasedDueDate {
  previous: DueDate;
  next: DueDate;
  /** True when the workflow must move its timer (date or provisional flag differs). */
  changed: boolean;
}

/** Recomputes an open case's due date on a newly published calendar; the clock itself needs no change. */
export function rebaseDueDate(
  clock: StatutoryClock,
  previous: WorkingCalendar,
  next: WorkingCalendar,
): RebasedDueDate {
  const before = clock.dueAt(previous);
  const after = clock.dueAt(next);
  return {
    previous: before,
    next: after,
    changed: before.date !== after.date || before.provisional !== after.provisional,
  };
}
