import { WorkingCalendar, type CalendarData } from '@onewindow/calendar';
import { calendarInForce } from '@onewindow/calendar/src/statutory-holidays';
import { loadCalendarData, type Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { shanghaiDay } from '../cases/case-number';

/** Years after the current one that get provisional statutory holidays in the API's calendar (deadline look-ups). */
export const PROVISIONAL_YEARS_AHEAD = 10;

export interface CalendarInForce {
  /** The Shanghai year the calendar was built in: it decides how far the provisional years reach. */
  readonly currentYear: number;
  /**
   * The shipped notices with the stored years merged over them (loadCalendarData), plus a provisional year of
   * the statutory holidays for every year from 2025 to currentYear + PROVISIONAL_YEARS_AHEAD without a notice.
   */
  readonly data: CalendarData;
  readonly calendar: WorkingCalendar;
}

interface Entry {
  currentYear: number;
  promise: Promise<CalendarInForce>;
}

/** One calendar per database client (a process has one; each test API has its own). */
const cache = new WeakMap<Db, Entry>();

/**
 * The calendar in force, read from the database once and kept in this process until a year is loaded
 * (invalidateCalendarInForce) or the year turns. Concurrent callers share one read. With several API processes
 * only the one that took `PUT /api/calendar/years/:year` sees the new year at once: restart the others.
 */
export function getCalendarInForce(
  deps: { db: Db; logger: Logger },
  now: Date = new Date(),
): Promise<CalendarInForce> {
  const currentYear = Number(shanghaiDay(now).slice(0, 4));
  const cached = cache.get(deps.db);
  if (cached && cached.currentYear === currentYear) return cached.promise;
  const promise = build(deps, currentYear);
  const entry = { currentYear, promise };
  cache.set(deps.db, entry);
  // A failed read is not kept: the next request reads again.
  promise.catch(() => {
    if (cache.get(deps.db) === entry) cache.delete(deps.db);
  });
  return promise;
}

/** Forget the cached calendar (a year was stored): the next caller reads the database again. */
export function invalidateCalendarInForce(db: Db): void {
  cache.delete(db);
}

async function build(deps: { db: Db; logger: Logger }, currentYear: number): Promise<CalendarInForce> {
  const loaded = await loadCalendarData(deps.db, {
    onInvalidRow: (row, err) => deps.logger.warn({ ...row, err }, 'calendar row skipped'),
  });
  const data = calendarInForce(loaded, currentYear + PROVISIONAL_YEARS_AHEAD);
  return { currentYear, data, calendar: WorkingCalendar.fromData(data) };
}

/** The national years and regional rules of `first`…`last` only: what a workflow gets (kept small). */
export function calendarYears(data: CalendarData, first: number, last: number): CalendarData {
  const within = (y: { year: number }) => y.year >= first && y.year <= last;
  return { years: data.years.filter(within), regionalRules: data.regionalRules.filter(within) };
}

/** What a case accepted in `year` needs: that year and the next (as the workflow's loadCalendar activity loads). */
export const calendarForCase = (inForce: CalendarInForce, year: number): CalendarData =>
  calendarYears(inForce.data, year, year + 1);

/**
 * What the open cases get when a year is loaded: every year up to next year. Each open case was accepted this
 * year or before and holds its acceptance year and the next, so none loses a provisional year it counts on.
 */
export const calendarForOpenCases = (inForce: CalendarInForce): CalendarData =>
  calendarYears(inForce.data, Number.MIN_SAFE_INTEGER, inForce.currentYear + 1);
