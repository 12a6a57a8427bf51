import fc from 'fast-check';
import {
  OFFICIAL_CALENDAR_DATA,
  addNaturalDays,
  addWorkingDays,
  subtractWorkingDays,
  createOfficialCalendar,
  workingDaysBetween,
} from '../src';
import { isoPlusDays } from './fixtures/test-calendars';

const calendar = createOfficialCalendar();
/** Dates from 2023-07-01 to 2028-06-30: inside, before and after the years with data. */
const date = fc.integer({ min: 0, max: 1826 }).map((k) => isoPlusDays('2023-07-01', k));

/** Oracle straight from the domain rule, with Date and string compares only (independent of the index). */
function referenceIsWorkingDay(d: string): boolean {
  const years = OFFICIAL_CALENDAR_DATA.years;
  if (years.some((y) => y.adjustedWorkingDays.includes(d))) return true;
  if (years.some((y) => y.holidays.some((h) => h.start <= d && d <= h.end))) return false;
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

function referenceAddWorkingDays(start: string, n: number, countStartDay: boolean): string {
  if (n === 0) return start;
  let d = countStartDay ? isoPlusDays(start, -1) : start;
  for (let counted = 0; counted < n;) {
    d = isoPlusDays(d, 1);
    if (referenceIsWorkingDay(d)) counted++;
  }
  return d;
}

describe('working-day properties', () => {
  it('workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 600 }),
        (a, n) => workingDaysBetween(calendar, a, addWorkingDays(calendar, a, n)) === n,
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 600 }),
        (a, n) =>
          workingDaysBetween(calendar, a, addWorkingDays(calendar, a, n, { countStartDay: true }), {
            countStartDay: true,
          }) === n,
      ),
      { numRuns: 2000 },
    );
  });

  it('addWorkingDays matches a day-by-day reference built from the raw notice data', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), fc.boolean(), (a, n, countStartDay) => {
        expect(addWorkingDays(calendar, a, n, { countStartDay })).toBe(
          referenceAddWorkingDays(a, n, countStartDay),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('subtractWorkingDays undoes addWorkingDays from a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 600 }), (a, n) => {
        fc.pre(referenceIsWorkingDay(a));
        const b = addWorkingDays(calendar, a, n);
        expect(subtractWorkingDays(calendar, b, n)).toBe(a);
        expect(workingDaysBetween(calendar, subtractWorkingDays(calendar, b, n), b)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(workingDaysBetween(calendar, a, b)).toBe(0 - workingDaysBetween(calendar, b, a));
        expect(workingDaysBetween(calendar, a, b) + workingDaysBetween(calendar, b, c)).toBe(
          workingDaysBetween(calendar, a, c),
        );
      }),
    );
  });

  it('addNaturalDays lands on a working day no earlier than start + n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), (a, n) => {
        const end = addNaturalDays(calendar, a, n);
        expect(referenceIsWorkingDay(end)).toBe(true);
        expect(end >= isoPlusDays(a, n)).toBe(true);
        // Every day between the raw end and the result is a non-working day.
        for (let d = isoPlusDays(a, n); d < end; d = isoPlusDays(d, 1))
          expect(referenceIsWorkingDay(d)).toBe(false);
      }),
    );
  });
});
