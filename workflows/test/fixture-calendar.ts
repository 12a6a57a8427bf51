import type { CaseWorkflowInput } from '../src/index';

type CalendarData = NonNullable<CaseWorkflowInput['calendar']>;

const DAY_MS = 86_400_000;

/** Epoch ms of a wall-clock time in Shanghai (UTC+8, no daylight saving): `shanghaiInstant('2027-09-24', '09:30')`. */
export const shanghaiInstant = (day: string, time = '00:00'): number => Date.parse(`${day}T${time}:00+08:00`);

/** Day of the week of an ISO date: 0 Sunday … 6 Saturday. */
export const weekdayOf = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * The first year, from the year of `nowMs` on, in which `monthDay` (MM-DD) falls on `weekday` (0 Sunday …
 * 6 Saturday) and begins, in Shanghai, at least `leadDays` after `nowMs`.
 *
 * The time-skipping test server starts at the machine's real time and cannot go back. A test whose scenario
 * needs fixed weekdays (a holiday fixture shaped like a real notice) therefore runs in the next year that has
 * those weekdays, not in a hard-coded year that the real date will pass one day.
 */
export function nextYearWithWeekday(nowMs: number, monthDay: string, weekday: number, leadDays = 1): number {
  const probe = new Date(`2001-${monthDay}T00:00:00Z`);
  if (
    !/^\d\d-\d\d$/.test(monthDay) ||
    Number.isNaN(probe.getTime()) ||
    !probe.toISOString().startsWith(`2001-${monthDay}`)
  )
    throw new Error(`not a month and day (MM-DD) of every year: ${monthDay}`);
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6)
    throw new Error(`not a weekday 0…6: ${weekday}`);
  // A day of the year (02-29 excepted) comes back on each weekday within 12 years.
  for (let year = new Date(nowMs).getUTCFullYear(), n = 0; n < 24; year++, n++) {
    const day = `${year}-${monthDay}`;
    if (weekdayOf(day) === weekday && shanghaiInstant(day) - nowMs >= leadDays * DAY_MS) return year;
  }
  throw new Error(`no year with ${monthDay} on weekday ${weekday}`);
}

/**
 * National Day as the 2026 notice shapes it (docs/domain.md §3.3: 10-01 … 10-07 off, the following Saturday an
 * adjusted working day, 调休), for a year whose 09-24 is a Friday (so 10-01 is a Friday and 10-09 a Saturday).
 */
export function nationalDayCalendar(year: number): CalendarData {
  if (weekdayOf(`${year}-09-24`) !== 5) throw new Error(`${year}-09-24 is not a Friday`);
  return {
    years: [
      {
        year,
        source:
          'test fixture shaped like the 2026 notice (National Day 10-01…10-07, the next Saturday worked)',
        provisional: false,
        holidays: [{ name: '国庆节', start: `${year}-10-01`, end: `${year}-10-07` }],
        adjustedWorkingDays: [`${year}-10-09`],
      },
    ],
    regionalRules: [],
  };
}
