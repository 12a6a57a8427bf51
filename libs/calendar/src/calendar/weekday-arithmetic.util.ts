import type { DayNumber } from '../dates/iso-date.util';

/** Day 4 (1970-01-05) is a Monday; counting from a Monday makes weeks regular. */
const FIRST_MONDAY = 4;

/** Number of Mon–Fri days before `day` (relative to 1970-01-05, negative before it): the weekends-only calendar. */
export function weekdaysBefore(day: DayNumber): number {
  const x = day - FIRST_MONDAY;
  const weeks = Math.floor(x / 7);
  const rest = x - weeks * 7;
  return weeks * 5 + (rest < 5 ? rest : 5);
}

/** Inverse of weekdaysBefore: the weekday whose weekdaysBefore equals `index`. */
export function weekdayAtIndex(index: number): DayNumber {
  const weeks = Math.floor(index / 5);
  return FIRST_MONDAY + weeks * 7 + (index - weeks * 5);
}
