import { parseIsoDate, type DayNumber } from '../dates/iso-date.util';
import { CalendarError } from '../errors/calendar.error';
import { ClockError, ClockErrorCode } from '../errors/clock.error';
import type { ClockTimeline } from './clock-timeline';
import type { ClockEvent, StatutoryClockSnapshot } from './statutory-clock.schema';

/** One line per zod issue, with its path, for error messages. */
export const formatIssues = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Clock methods throw only ClockError, so callers handle one error type. */
export function parseClockDate(text: string, argumentName: string): DayNumber {
  try {
    return parseIsoDate(text, argumentName);
  } catch (error) {
    if (error instanceof CalendarError) throw new ClockError(ClockErrorCode.InvalidDate, error.message);
    throw error;
  }
}

/** Drops keys set to undefined, which JSON would drop, so toJSON/fromJSON round-trips exactly. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function copyEvent(event: ClockEvent): ClockEvent {
  if (event.type !== 'suspended') return { ...event };
  return { ...event, reason: { ...event.reason } } as ClockEvent;
}

export function buildTimeline(s: StatutoryClockSnapshot): ClockTimeline {
  const startDay = parseIsoDate(s.startDate, 'startDate');
  const suspendedFrom: DayNumber[] = [];
  const suspendedTo: DayNumber[] = [];
  let openFrom: DayNumber | undefined;
  let total = s.limit.value;
  for (const event of s.history) {
    if (event.type === 'suspended') openFrom = parseIsoDate(event.at);
    else if (event.type === 'resumed') {
      suspendedFrom.push(openFrom as DayNumber);
      suspendedTo.push(parseIsoDate(event.at));
      openFrom = undefined;
    } else total += event.days;
  }
  return {
    startDay,
    // A 0-day limit (即办件) never counts its start day: it is due that day whatever countStartDay says.
    firstCounted: s.countStartDay && s.limit.value > 0 ? startDay : startDay + 1,
    unit: s.limit.unit,
    total,
    suspendedFrom,
    suspendedTo,
    openFrom,
  };
}
