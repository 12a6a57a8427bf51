import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import type { CalendarYear, HolidayRange } from '../data/calendar-data.schema';
import { dayNumberFromCivil, formatDayNumber, parseIsoDate } from '../dates/iso-date.util';

/**
 * The 2024 revision of 全国年节及纪念日放假办法 (State Council, 2024-11-10) applies from 2025-01-01; its Art. 2
 * fixes 13 whole-population holiday days. Earlier years followed the 2013 text (11 days) and are not generated.
 */
export const STATUTORY_HOLIDAYS_FIRST_YEAR = 2025;
/** The last year calendar data can hold (calendarYearSchema). */
export const STATUTORY_HOLIDAYS_LAST_YEAR = 2199;

export const STATUTORY_HOLIDAYS_SOURCE =
  '全国年节及纪念日放假办法 (2024年修订) 第二条: 法定节日 only; the State Council notice (放假调休) is not published yet';

const iso = (d: SolarDay): string =>
  formatDayNumber(dayNumberFromCivil(d.getYear(), d.getMonth(), d.getDay()));
const civil = (year: number, month: number, day: number): string =>
  formatDayNumber(dayNumberFromCivil(year, month, day));
const plusDays = (date: string, days: number): string => formatDayNumber(parseIsoDate(date) + days);

/**
 * The holiday days that Art. 2 of the 放假办法 fixes for `year` (Gregorian), as ranges, in date order:
 * 元旦 1 Jan; 春节 除夕 + 正月初一至初三 (4 days); 清明 the day of the solar term; 劳动节 1–2 May; 端午 五月初五;
 * 中秋 八月十五; 国庆 1–3 Oct. Lunar dates and the solar term come from tyme4ts (Beijing time). Ranges that
 * overlap or touch (中秋 on 30 Sep … 4 Oct) are joined into one, named like the notices name them.
 */
export function fixedHolidays(year: number): HolidayRange[] {
  const newYear = LunarDay.fromYmd(year, 1, 1);
  const eve = iso(newYear.next(-1).getSolarDay());
  const ranges: HolidayRange[] = [
    { name: '元旦', nameEn: "New Year's Day", start: civil(year, 1, 1), end: civil(year, 1, 1) },
    { name: '春节', nameEn: 'Spring Festival', start: eve, end: plusDays(eve, 3) },
    ...[
      {
        name: '清明节',
        nameEn: 'Qingming Festival',
        day: iso(SolarTerm.fromName(year, '清明').getSolarDay()),
      },
      {
        name: '端午节',
        nameEn: 'Dragon Boat Festival',
        day: iso(LunarDay.fromYmd(year, 5, 5).getSolarDay()),
      },
      {
        name: '中秋节',
        nameEn: 'Mid-Autumn Festival',
        day: iso(LunarDay.fromYmd(year, 8, 15).getSolarDay()),
      },
    ].map(({ day, ...names }) => ({ ...names, start: day, end: day })),
    { name: '劳动节', nameEn: 'Labour Day', start: civil(year, 5, 1), end: civil(year, 5, 2) },
    { name: '国庆节', nameEn: 'National Day', start: civil(year, 10, 1), end: civil(year, 10, 3) },
  ].sort((a, b) => a.start.localeCompare(b.start));
  const joined: HolidayRange[] = [];
  for (const range of ranges) {
    const last = joined[joined.length - 1];
    if (last && parseIsoDate(range.start) <= parseIsoDate(last.end) + 1) {
      const names = range.name === '国庆节' ? [range, last] : [last, range];
      joined[joined.length - 1] = {
        name: names.map((h) => h.name).join('、'),
        nameEn: names.map((h) => h.nameEn).join(' and '),
        start: last.start,
        end: range.end > last.end ? range.end : last.end,
      };
    } else joined.push(range);
  }
  return joined;
}

const generated = new Map<number, CalendarYear>();

/**
 * A provisional national year with the holidays Art. 2 fixes and no 调休 (unknown until the notice). Results
 * that touch it stay `provisional`; the notice, once loaded, replaces it (mergeCalendarYear). Memoized.
 */
export function statutoryHolidayYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < STATUTORY_HOLIDAYS_FIRST_YEAR || year > STATUTORY_HOLIDAYS_LAST_YEAR)
    throw new RangeError(
      `statutory holidays are generated for ${STATUTORY_HOLIDAYS_FIRST_YEAR}–${STATUTORY_HOLIDAYS_LAST_YEAR}, not ${year}`,
    );
  let data = generated.get(year);
  if (!data) {
    data = Object.freeze({
      year,
      source: STATUTORY_HOLIDAYS_SOURCE,
      provisional: true,
      holidays: Object.freeze(fixedHolidays(year).map((h) => Object.freeze(h))) as HolidayRange[],
      adjustedWorkingDays: Object.freeze([]) as unknown as string[],
    });
    generated.set(year, data);
  }
  return data;
}
