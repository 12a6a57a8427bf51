import { parseIsoDate } from '../dates/iso-date.util';
import type { WorkingCalendar } from './working-calendar';

/** A holiday range that a period crosses, for receipts ("crosses 国庆节 10-01…10-07"). */
export interface CrossedHoliday {
  name: string;
  nameEn?: string;
  start: string;
  end: string;
  /** Set for local (regional) holidays. */
  regionCode?: string;
  /** Days of the range that fall inside the period. */
  daysInPeriod: number;
}

/** Holiday ranges (national and the calendar's region) overlapping [from, to], both inclusive, in date order. */
export function holidaysCrossed(calendar: WorkingCalendar, from: string, to: string): CrossedHoliday[] {
  const a = parseIsoDate(from, 'from');
  const b = parseIsoDate(to, 'to');
  return calendar.index.holidays
    .filter((h) => h.startDay <= b && a <= h.endDay)
    .map((h) => ({
      name: h.name,
      ...(h.nameEn ? { nameEn: h.nameEn } : {}),
      start: h.start,
      end: h.end,
      ...(h.regionCode ? { regionCode: h.regionCode } : {}),
      daysInPeriod: Math.min(b, h.endDay) - Math.max(a, h.startDay) + 1,
    }));
}
