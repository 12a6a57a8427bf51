import { parseIsoDate } from '../dates/iso-date.util';
import { CalendarError, CalendarErrorCode } from '../errors/calendar.error';
import type { WorkingCalendar } from './working-calendar';

export interface CountingOptions {
  /** Count the start day as day 1 (if it is a working day). Default false: day 1 is the next working day. */
  countStartDay?: boolean;
}

export function assertDayCount(days: number, argumentName = 'days'): void {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new CalendarError(
      CalendarErrorCode.InvalidArgument,
      `${argumentName} must be a non-negative integer, got ${days}`,
    );
  }
}

/** `workday(d) = d ∈ 调休上班 OR (Mon–Fri AND d ∉ holidays)`; years without data: Mon–Fri. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return calendar.index.isWorking(parseIsoDate(date));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: string): string {
  const index = calendar.index;
  return index.format(index.workingDayAt(index.workingBefore(parseIsoDate(date) + 1)));
}

/** The day on which a period of `days` working days from `date` ends (day 1 = next working day unless countStartDay). */
export function addWorkingDays(
  calendar: WorkingCalendar,
  date: string,
  days: number,
  options?: CountingOptions,
): string {
  const start = parseIsoDate(date);
  assertDayCount(days);
  if (days === 0) return calendar.index.format(start);
  const index = calendar.index;
  const firstCounted = options?.countStartDay ? start : start + 1;
  return index.format(index.workingDayAt(index.workingBefore(firstCounted) + days - 1));
}

/** The `days`-th working day strictly before `date` (e.g. "remind 3 working days before the due day"); 0 returns `date`. */
export function subtractWorkingDays(calendar: WorkingCalendar, date: string, days: number): string {
  const day = parseIsoDate(date);
  assertDayCount(days);
  if (days === 0) return calendar.index.format(day);
  const index = calendar.index;
  return index.format(index.workingDayAt(index.workingBefore(day) - days));
}

/**
 * Working days counted from `from` to `to` inclusive of `to` (and of `from` only with countStartDay),
 * so that `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(
  calendar: WorkingCalendar,
  from: string,
  to: string,
  options?: CountingOptions,
): number {
  const a = parseIsoDate(from, 'from');
  const b = parseIsoDate(to, 'to');
  const index = calendar.index;
  if (b < a) return 0 - workingDaysBetween(calendar, to, from, options); // 0 - x avoids returning -0
  return index.workingBefore(b + 1) - index.workingBefore(options?.countStartDay ? a : a + 1);
}

/** End of a period of `days` natural days; an end on a non-working day moves to the next working day. */
export function addNaturalDays(
  calendar: WorkingCalendar,
  date: string,
  days: number,
  options?: CountingOptions,
): string {
  const start = parseIsoDate(date);
  assertDayCount(days);
  if (days === 0) return calendar.index.format(start);
  const rawEnd = options?.countStartDay ? start + days - 1 : start + days;
  return calendar.index.format(calendar.index.workingDayOnOrAfter(rawEnd));
}

/** True when [from, to] touches a year without official data, so a result over it may still change. */
export function isProvisionalPeriod(calendar: WorkingCalendar, from: string, to: string): boolean {
  return calendar.index.isProvisionalBetween(parseIsoDate(from, 'from'), parseIsoDate(to, 'to'));
}

/** The years touched by [from, to] without an official notice (weekends only, or provisional data), in order. */
export function yearsWithoutNotice(calendar: WorkingCalendar, from: string, to: string): number[] {
  return calendar.index.yearsWithoutNoticeBetween(parseIsoDate(from, 'from'), parseIsoDate(to, 'to'));
}

/**
 * Why a result over [from, to] is provisional, e.g. "no holiday notice for 2027 yet"; undefined when every
 * year touched has its official notice.
 */
export function provisionalReason(calendar: WorkingCalendar, from: string, to: string): string | undefined {
  const years = yearsWithoutNotice(calendar, from, to);
  return years.length === 0 ? undefined : `no holiday notice for ${years.join(', ')} yet`;
}
