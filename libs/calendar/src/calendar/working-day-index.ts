import {
  dayNumberFromCivil,
  formatDayNumber,
  isWeekend,
  parseIsoDate,
  yearOfDayNumber,
  type DayNumber,
} from '../dates/iso-date.util';
import type { CalendarData } from '../data/calendar-data.schema';
import { weekdayAtIndex, weekdaysBefore } from './weekday-arithmetic.util';

/** A holiday range with its day numbers, national (`regionCode` undefined) or local. */
export interface IndexedHoliday {
  readonly name: string;
  readonly nameEn?: string;
  readonly start: string;
  readonly end: string;
  readonly regionCode?: string;
  readonly startDay: DayNumber;
  readonly endDay: DayNumber;
}

/**
 * Precomputed counts so every query is O(1): `workingBefore(d)` is the number of working days before `d`
 * on a global scale (data years from the arrays, every other day by the weekends-only rule).
 */
export class WorkingDayIndex {
  private readonly base: DayNumber;
  private readonly end: DayNumber;
  /** cumulative[i] = working days in [base, base + i). */
  private readonly cumulative: Int32Array;
  private readonly working: Uint8Array;
  /** Day numbers of the working days in [base, end), in order. */
  private readonly workingDays: Int32Array;
  /** Formatted dates of the indexed days, filled as they are asked for (most calendars format a few dozen). */
  private readonly dateStrings: string[];
  private readonly offsetAtBase: number;
  private readonly offsetAtEnd: number;
  private readonly weekdaysBeforeEnd: number;
  private readonly officialYears: ReadonlySet<number>;
  readonly holidays: readonly IndexedHoliday[];
  readonly years: readonly number[];

  constructor(data: CalendarData, regionCode?: string) {
    const rules = [
      ...data.years.map((y) => ({ ...y, regionCode: undefined as string | undefined })),
      ...data.regionalRules.filter((r) => r.regionCode === regionCode),
    ];
    this.years = data.years.map((y) => y.year).sort((a, b) => a - b);
    this.officialYears = new Set(data.years.filter((y) => !y.provisional).map((y) => y.year));
    this.base = this.years.length ? dayNumberFromCivil(this.years[0], 1, 1) : 0;
    this.end = this.years.length ? dayNumberFromCivil(this.years[this.years.length - 1] + 1, 1, 1) : 0;
    const size = this.end - this.base;
    this.working = new Uint8Array(size);
    for (let i = 0; i < size; i++) this.working[i] = isWeekend(this.base + i) ? 0 : 1;
    const holidays: IndexedHoliday[] = [];
    for (const rule of rules) {
      for (const h of rule.holidays) {
        const startDay = parseIsoDate(h.start);
        const endDay = parseIsoDate(h.end);
        for (let d = startDay; d <= endDay; d++) this.working[d - this.base] = 0;
        holidays.push({
          ...h,
          ...(rule.regionCode ? { regionCode: rule.regionCode } : {}),
          startDay,
          endDay,
        });
      }
    }
    for (const rule of rules)
      for (const date of rule.adjustedWorkingDays) this.working[parseIsoDate(date) - this.base] = 1;
    this.holidays = holidays.sort((a, b) => a.startDay - b.startDay);
    this.cumulative = new Int32Array(size + 1);
    const days: number[] = [];
    for (let i = 0; i < size; i++) {
      this.cumulative[i + 1] = this.cumulative[i] + this.working[i];
      if (this.working[i]) days.push(this.base + i);
    }
    this.workingDays = Int32Array.from(days);
    this.dateStrings = new Array<string>(size);
    this.offsetAtBase = weekdaysBefore(this.base);
    this.offsetAtEnd = this.offsetAtBase + this.cumulative[size];
    this.weekdaysBeforeEnd = weekdaysBefore(this.end);
  }

  /** Working days strictly before `day` (global scale; only differences are meaningful). */
  workingBefore(day: DayNumber): number {
    if (day <= this.base) return weekdaysBefore(day);
    if (day >= this.end) return this.offsetAtEnd + weekdaysBefore(day) - this.weekdaysBeforeEnd;
    return this.offsetAtBase + this.cumulative[day - this.base];
  }

  /** The working day with `workingBefore(day) === index`, i.e. the (index+1)-th working day on the global scale. */
  workingDayAt(index: number): DayNumber {
    if (index < this.offsetAtBase) return weekdayAtIndex(index);
    if (index < this.offsetAtEnd) return this.workingDays[index - this.offsetAtBase];
    return weekdayAtIndex(index - this.offsetAtEnd + this.weekdaysBeforeEnd);
  }

  isWorking(day: DayNumber): boolean {
    if (day >= this.base && day < this.end) return this.working[day - this.base] === 1;
    return !isWeekend(day);
  }

  /** First working day on or after `day`. */
  workingDayOnOrAfter(day: DayNumber): DayNumber {
    return this.workingDayAt(this.workingBefore(day));
  }

  format(day: DayNumber): string {
    const i = day - this.base;
    if (i < 0 || i >= this.dateStrings.length) return formatDayNumber(day);
    return (this.dateStrings[i] ??= formatDayNumber(day));
  }

  /** True if any year touched by [from, to] has no official data (weekends-only or provisional). */
  isProvisionalBetween(from: DayNumber, to: DayNumber): boolean {
    const last = yearOfDayNumber(Math.max(from, to));
    for (let y = yearOfDayNumber(Math.min(from, to)); y <= last; y++)
      if (!this.officialYears.has(y)) return true;
    return false;
  }

  /** The years touched by [from, to] that have no official data, in order. */
  yearsWithoutNoticeBetween(from: DayNumber, to: DayNumber): number[] {
    const years: number[] = [];
    const last = yearOfDayNumber(Math.max(from, to));
    for (let y = yearOfDayNumber(Math.min(from, to)); y <= last; y++)
      if (!this.officialYears.has(y)) years.push(y);
    return years;
  }
}
