import {
  calendarYearSchema,
  mergeCalendarYear,
  OFFICIAL_CALENDAR_DATA,
  regionalRuleSchema,
  type CalendarData,
  type CalendarYear,
} from '@onewindow/calendar';
import type { Db } from './create-prisma-client';

/** CalendarYear rows for the whole country; any 6-digit region code holds local rules instead. */
export const NATIONAL_CALENDAR_REGIONS = ['national', 'CN', '000000'];
const NATIONAL = 'national';

export interface LoadCalendarOptions {
  /** Only these years (a case needs its acceptance year and the next); default every stored year. */
  years?: number[];
  /** Called for a stored row that no longer validates; the row is skipped, never fatal. */
  onInvalidRow?: (row: { region: string; year: number }, error: unknown) => void;
}

/**
 * The calendar in force: the official data shipped in @onewindow/calendar, with uploaded national years
 * merged over it (an official upload replaces the shipped year — a correction notice; a provisional one never
 * replaces official data) and uploaded regional rules added.
 */
export async function loadCalendarData(db: Db, options: LoadCalendarOptions = {}): Promise<CalendarData> {
  const rows = await db.calendarYear.findMany({
    where: options.years ? { year: { in: options.years } } : {},
    orderBy: [{ year: 'asc' }, { region: 'asc' }],
  });
  let data: CalendarData = OFFICIAL_CALENDAR_DATA;
  const regional: CalendarData['regionalRules'] = [];
  for (const row of rows) {
    try {
      const json: unknown = JSON.parse(row.data);
      if (NATIONAL_CALENDAR_REGIONS.includes(row.region)) {
        const year = calendarYearSchema.parse(json);
        data = mergeCalendarYear(data, year, { replaceOfficial: !year.provisional });
      } else {
        regional.push(regionalRuleSchema.parse(json));
      }
    } catch (error) {
      options.onInvalidRow?.({ region: row.region, year: row.year }, error);
    }
  }
  return regional.length > 0 ? { ...data, regionalRules: [...data.regionalRules, ...regional] } : data;
}

/**
 * Validates and stores a national year (e.g. the State Council's new notice each winter). Throws CalendarError
 * when it conflicts with official data unless `replaceOfficial` confirms a correction notice; nothing is stored then.
 */
export async function saveCalendarYear(
  db: Db,
  year: CalendarYear,
  uploadedBy: string,
  options: { replaceOfficial?: boolean } = {},
): Promise<CalendarData> {
  const merged = mergeCalendarYear(await loadCalendarData(db), year, options);
  const data = JSON.stringify(year);
  await db.calendarYear.upsert({
    where: { region_year: { region: NATIONAL, year: year.year } },
    create: {
      region: NATIONAL,
      year: year.year,
      data,
      provisional: year.provisional,
      source: year.source,
      uploadedBy,
    },
    update: { data, provisional: year.provisional, source: year.source, uploadedBy, uploadedAt: new Date() },
  });
  return merged;
}
