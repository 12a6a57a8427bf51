import type { CalendarData, CalendarYear } from '../data/calendar-data.schema';
import {
  STATUTORY_HOLIDAYS_FIRST_YEAR,
  STATUTORY_HOLIDAYS_LAST_YEAR,
  statutoryHolidayYear,
} from './fixed-holidays';

/**
 * `data` plus, for each of `years` (from 2025) that has no national year, the provisional year of the
 * statutory holidays (statutoryHolidayYear). A year with data, official or an uploaded provisional one, is
 * kept as it is; regional rules are untouched. Returns `data` itself when nothing is missing.
 */
export function withStatutoryHolidays(data: CalendarData, years: Iterable<number>): CalendarData {
  const present = new Set(data.years.map((y) => y.year));
  const added: CalendarYear[] = [];
  for (const year of new Set(years)) {
    if (present.has(year) || year < STATUTORY_HOLIDAYS_FIRST_YEAR || year > STATUTORY_HOLIDAYS_LAST_YEAR)
      continue;
    added.push(statutoryHolidayYear(year));
  }
  if (added.length === 0) return data;
  return { ...data, years: [...data.years, ...added].sort((a, b) => a.year - b.year) };
}

/**
 * The calendar in force up to `through`: `data` (the shipped notices and the loaded years) with a provisional
 * statutory year for every year from 2025 to `through` that has no notice.
 */
export function calendarInForce(data: CalendarData, through: number): CalendarData {
  const years: number[] = [];
  for (let y = STATUTORY_HOLIDAYS_FIRST_YEAR; y <= Math.min(through, STATUTORY_HOLIDAYS_LAST_YEAR); y++)
    years.push(y);
  return withStatutoryHolidays(data, years);
}
