import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  OFFICIAL_CALENDAR_DATA,
  StatutoryClock,
  WorkingCalendar,
  addNaturalDays,
  addWorkingDays,
  calendarYearSchema,
  isProvisionalPeriod,
  isWorkingDay,
  mergeCalendarYear,
  provisionalReason,
  rebaseDueDate,
  type CalendarYear,
  type HolidayRange,
} from '../src';
import {
  STATUTORY_HOLIDAYS_FIRST_YEAR,
  STATUTORY_HOLIDAYS_LAST_YEAR,
  calendarInForce,
  fixedHolidays,
  statutoryHolidayYear,
  withStatutoryHolidays,
} from '../src/statutory-holidays';
import { FIXTURE_2027, isoPlusDays } from './fixtures/test-calendars';

/** Every day of the ranges, as ISO dates. */
const days = (ranges: readonly HolidayRange[]): string[] =>
  ranges.flatMap((h) => {
    const out: string[] = [];
    for (let d = h.start; d <= h.end; d = isoPlusDays(d, 1)) out.push(d);
    return out;
  });

/** The calendar in force with no notice after 2026: provisional statutory years through 2036. */
const inForce = WorkingCalendar.fromData(calendarInForce(OFFICIAL_CALENDAR_DATA, 2036));

describe('the holidays fixed by the 放假办法 (2024 revision, Art. 2)', () => {
  it.each(OFFICIAL_CALENDAR_DATA.years.map((y) => [y.year, y] as const))(
    'are all holidays in the shipped %i notice',
    (year, notice) => {
      const fixed = days(fixedHolidays(year));
      expect(fixed.length).toBeGreaterThanOrEqual(12);
      const inNotice = new Set(days(notice.holidays));
      expect(fixed.filter((d) => !inNotice.has(d))).toEqual([]);
    },
  );

  it('are 13 days a year (12 when 中秋 falls on 1–3 October), every year 2025–2199, as valid calendar data', () => {
    for (let year = STATUTORY_HOLIDAYS_FIRST_YEAR; year <= STATUTORY_HOLIDAYS_LAST_YEAR; year++) {
      const generated = statutoryHolidayYear(year);
      expect(calendarYearSchema.safeParse(generated).success).toBe(true);
      expect(generated).toMatchObject({ year, provisional: true, adjustedWorkingDays: [] });
      const all = days(generated.holidays);
      expect(new Set(all).size).toBe(all.length);
      // 中秋 on 30 Sep or 4 Oct joins 国庆 in one range (13 days); on 1–3 Oct it adds no day (12).
      const joined = generated.holidays.find((h) => h.name === '国庆节、中秋节');
      expect(all).toHaveLength(joined && days([joined]).length === 3 ? 12 : 13);
      expect(all).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-05-01`, `${year}-05-02`]));
      expect(all).toEqual(expect.arrayContaining([`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]));
    }
  });

  it('match known dates: 2027 (春节 6 Feb, so 除夕 5 Feb) and the years whose 中秋 meets 国庆', () => {
    // 2027: 正月初一 is Sat 6 Feb 2027; 清明 5 Apr; 端午 (五月初五) Wed 9 Jun; 中秋 (八月十五) Wed 15 Sep.
    expect(fixedHolidays(2027)).toEqual([
      { name: '元旦', nameEn: "New Year's Day", start: '2027-01-01', end: '2027-01-01' },
      { name: '春节', nameEn: 'Spring Festival', start: '2027-02-05', end: '2027-02-08' },
      { name: '清明节', nameEn: 'Qingming Festival', start: '2027-04-05', end: '2027-04-05' },
      { name: '劳动节', nameEn: 'Labour Day', start: '2027-05-01', end: '2027-05-02' },
      { name: '端午节', nameEn: 'Dragon Boat Festival', start: '2027-06-09', end: '2027-06-09' },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2027-09-15', end: '2027-09-15' },
      { name: '国庆节', nameEn: 'National Day', start: '2027-10-01', end: '2027-10-03' },
    ]);
    // 2028: 正月初一 26 Jan; 中秋 3 Oct lies inside 国庆 and the two are one range, as the notices write it.
    expect(fixedHolidays(2028).find((h) => h.name === '春节')).toMatchObject({
      start: '2028-01-25',
      end: '2028-01-28',
    });
    expect(fixedHolidays(2028).find((h) => h.start === '2028-10-01')).toEqual({
      name: '国庆节、中秋节',
      nameEn: 'National Day and Mid-Autumn Festival',
      start: '2028-10-01',
      end: '2028-10-03',
    });
    // 2030: 正月初一 3 Feb (除夕 2 Feb).
    expect(fixedHolidays(2030).find((h) => h.name === '春节')).toMatchObject({
      start: '2030-02-02',
      end: '2030-02-05',
    });
  });

  it('are generated for 2025–2199 only (earlier years followed the 2013 text)', () => {
    expect(() => statutoryHolidayYear(2024)).toThrow(RangeError);
    expect(() => statutoryHolidayYear(2200)).toThrow(RangeError);
    expect(withStatutoryHolidays(OFFICIAL_CALENDAR_DATA, [2023, 2024, 2200])).toBe(OFFICIAL_CALENDAR_DATA);
  });
});

describe('provisional years in the calendar in force', () => {
  it('keep every year that has data (official or an uploaded estimate) and add the missing ones', () => {
    const uploaded: CalendarYear = { ...FIXTURE_2027, source: 'uploaded estimate', provisional: true };
    const data = withStatutoryHolidays(
      { ...OFFICIAL_CALENDAR_DATA, years: [...OFFICIAL_CALENDAR_DATA.years, uploaded] },
      [2025, 2026, 2027, 2028],
    );
    expect(data.years.map((y) => [y.year, y.provisional, y.source])).toEqual([
      [2025, false, OFFICIAL_CALENDAR_DATA.years[0].source],
      [2026, false, OFFICIAL_CALENDAR_DATA.years[1].source],
      [2027, true, 'uploaded estimate'],
      [2028, true, statutoryHolidayYear(2028).source],
    ]);
    expect(calendarInForce(OFFICIAL_CALENDAR_DATA, 2030).years.map((y) => y.year)).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
  });

  it('1 January 2027 is a holiday; results stay provisional and name the year without a notice', () => {
    expect(isWorkingDay(inForce, '2027-01-01')).toBe(false);
    expect(addWorkingDays(inForce, '2026-12-30', 2)).toBe('2027-01-04');
    expect(isProvisionalPeriod(inForce, '2026-12-30', '2027-01-04')).toBe(true);
    expect(provisionalReason(inForce, '2026-12-30', '2027-01-04')).toBe('no holiday notice for 2027 yet');
    expect(provisionalReason(inForce, '2026-12-01', '2028-02-01')).toBe(
      'no holiday notice for 2027, 2028 yet',
    );
    expect(provisionalReason(inForce, '2026-01-05', '2026-12-31')).toBeUndefined();
  });

  it('a loaded notice replaces the provisional year, and rebasing moves the due date', () => {
    const provisional = calendarInForce(OFFICIAL_CALENDAR_DATA, 2027);
    // A made-up notice (NOT the real 2027 one): 春节 5–11 Feb with Sat 13 Feb as a 调休 working day.
    const notice: CalendarYear = {
      year: 2027,
      source: 'TEST FIXTURE (not an official notice)',
      provisional: false,
      holidays: [
        { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
        { name: '春节', start: '2027-02-05', end: '2027-02-11' },
      ],
      adjustedWorkingDays: ['2027-02-13'],
    };
    const published = mergeCalendarYear(provisional, notice);
    expect(published.years.find((y) => y.year === 2027)).toEqual(notice);
    const before = WorkingCalendar.fromData(provisional);
    const after = WorkingCalendar.fromData(published);
    const clock = StatutoryClock.start({ startDate: '2027-02-03', limit: { value: 3, unit: 'working_day' } });
    // Provisional: Thu 4 Feb (1), 5–8 Feb holidays, Tue 9 (2), Wed 10 (3). Notice: Thu 4 (1), Fri 12 (2), Sat 13 (3).
    expect(rebaseDueDate(clock, before, after)).toEqual({
      previous: { date: '2027-02-10', provisional: true },
      next: { date: '2027-02-13', provisional: false },
      changed: true,
    });
  });

  it('every fixed holiday of 2027–2035 is a non-working day of the provisional year', () => {
    for (let year = 2027; year <= 2035; year++)
      for (const d of days(fixedHolidays(year))) expect([d, isWorkingDay(inForce, d)]).toEqual([d, false]);
  });

  it('no provisional due date in 2027–2035 falls on a fixed holiday (property)', () => {
    const fixed = new Set<string>();
    for (let year = 2027; year <= 2035; year++) for (const d of days(fixedHolidays(year))) fixed.add(d);
    // Start days 2027-01-01 … 2035-12-31.
    const start = fc.integer({ min: 0, max: 3286 }).map((k) => isoPlusDays('2027-01-01', k));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 400 }), fc.boolean(), (from, n, countStartDay) => {
        const working = addWorkingDays(inForce, from, n, { countStartDay });
        const natural = addNaturalDays(inForce, from, n, { countStartDay });
        const due = StatutoryClock.start({ startDate: from, limit: { value: n, unit: 'working_day' } }).dueAt(
          inForce,
        );
        for (const d of [working, natural, due.date as string])
          if (d <= '2035-12-31') expect([d, fixed.has(d)]).toEqual([d, false]);
        expect(due.provisional).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the package index', () => {
  it('does not reach tyme4ts: the workflow bundle imports it and must not carry the lunar library', () => {
    const src = join(__dirname, '../src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)],
      );
    const offenders = files(src)
      .filter((f) => !relative(src, f).startsWith('statutory-holidays'))
      .filter((f) => /from '(tyme4ts|[./]+statutory-holidays[^']*)'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
    expect(readFileSync(join(src, 'statutory-holidays/fixed-holidays.ts'), 'utf8')).toMatch(/from 'tyme4ts'/);
  });
});
