import {
  addWorkingDays,
  calendarDataSchema,
  nextWorkingDay,
  subtractWorkingDays,
  WorkingCalendar,
} from '@onewindow/calendar';
import { nationalDayCalendar, nextYearWithWeekday, shanghaiInstant, weekdayOf } from './fixture-calendar';

const FRIDAY = 5;
const DAY_MS = 86_400_000;

/**
 * `case-deadlines.spec.ts` runs its National Day scenario in the year `nextYearWithWeekday` picks from the test
 * server's "now" (the machine's real time). These checks fake that "now" for every day until 2190 (calendar data
 * ends with 2199), so the scenario's dates are known to hold whatever day the suite runs.
 */
describe('nextYearWithWeekday', () => {
  it.each([
    ['2026-12-07T00:40:00Z', 2027],
    ['2027-09-22T12:00:00+08:00', 2027], // 09-24 still 36 hours ahead
    ['2027-09-23T12:00:00+08:00', 2032], // 12 hours ahead: less than the one-day lead
    ['2027-09-24T09:30:00+08:00', 2032],
    ['2031-01-01T00:00:00+08:00', 2032],
    ['2033-06-01T00:00:00Z', 2038],
  ])('now %s → %i', (now, expected) => {
    expect(nextYearWithWeekday(Date.parse(now), '09-24', FRIDAY)).toBe(expected);
  });

  it('picks, for every day from 2026 to 2190, the first year whose 09-24 is a Friday at least one day ahead', () => {
    for (
      let now = Date.parse('2026-01-01T00:00:00Z');
      now < Date.parse('2190-01-01T00:00:00Z');
      now += DAY_MS
    ) {
      const year = nextYearWithWeekday(now, '09-24', FRIDAY);
      const ok = (y: number) =>
        weekdayOf(`${y}-09-24`) === FRIDAY && shanghaiInstant(`${y}-09-24`) - now >= DAY_MS;
      if (!ok(year)) throw new Error(`${new Date(now).toISOString()} → ${year}`);
      for (let y = new Date(now).getUTCFullYear(); y < year; y++)
        if (ok(y)) throw new Error(`${new Date(now).toISOString()} → ${year}, but ${y} fits`);
    }
  });

  it('refuses a day that is not in every year, and a weekday outside 0…6', () => {
    expect(() => nextYearWithWeekday(0, '02-29', FRIDAY)).toThrow(/MM-DD/);
    expect(() => nextYearWithWeekday(0, '02-30', FRIDAY)).toThrow(/MM-DD/);
    expect(() => nextYearWithWeekday(0, '9-24', FRIDAY)).toThrow(/MM-DD/);
    expect(() => nextYearWithWeekday(0, '09-24', 7)).toThrow(/weekday/);
  });
});

describe('nationalDayCalendar', () => {
  const years = [
    ...new Set(
      Array.from({ length: 2190 - 2026 }, (_, i) =>
        nextYearWithWeekday(Date.UTC(2026 + i, 0, 1), '09-24', FRIDAY),
      ),
    ),
  ];

  it('is valid calendar data in every year the scenario can run in', () => {
    expect(years.slice(0, 4)).toEqual([2027, 2032, 2038, 2049]);
    for (const year of years)
      expect(calendarDataSchema.safeParse(nationalDayCalendar(year)).success).toBe(true);
  });

  it.each(years.map((y) => [y]))(
    '%i: the dates case-deadlines.spec.ts expects follow from the calendar (5 working days from 09-24, reminders, 调休 Saturday, Art. 44)',
    (year) => {
      const cal = WorkingCalendar.fromData(nationalDayCalendar(year));
      const d = (monthDay: string) => `${year}-${monthDay}`;
      expect(addWorkingDays(cal, d('09-24'), 5)).toBe(d('10-08'));
      expect([subtractWorkingDays(cal, d('10-08'), 2), subtractWorkingDays(cal, d('10-08'), 1)]).toEqual([
        d('09-29'),
        d('09-30'),
      ]);
      expect(nextWorkingDay(cal, d('10-08'))).toBe(d('10-09'));
      expect(weekdayOf(d('10-09'))).toBe(6);
      expect(addWorkingDays(cal, d('10-09'), 10)).toBe(d('10-22'));
      expect(nextWorkingDay(cal, d('10-22'))).toBe(d('10-25'));
    },
  );

  it('refuses a year whose 09-24 is not a Friday', () => {
    expect(() => nationalDayCalendar(2026)).toThrow(/not a Friday/);
  });
});
