import { calendarYearSchema, mergeCalendarYear, OFFICIAL_CALENDAR_DATA, type CalendarData, type CalendarYear } from '@onewindow/calendar';
import type { Db } from './create-prisma-client';

const NATIONAL = 'national';

/** The calendar in force: the official data shipped in @onewindow/calendar plus every year an administrator uploaded. */
export async function loadCalendarData(db: Db): Promise<CalendarData> {
  const rows = await db.calendarYear.findMany({ where: { region: NATIONAL }, orderBy: { year: 'asc' } });
  return rows.reduce<CalendarData>(
    (data, row) => mergeCalendarYear(data, calendarYearSchema.parse(JSON.parse(row.data)), { replaceOfficial: true }),
    OFFICIAL_CALENDAR_DATA,
  );
}

/**
 * Validates and stores a year (e.g. the State Council's new notice each winter). Throws CalendarError when it
 * conflicts with official data unless `replaceOfficial` confirms a correction notice; nothing is stored then.
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
    create: { region: NATIONAL, year: year.year, data, provisional: year.provisional, source: year.source, uploadedBy },
    update: { data, provisional: year.provisional, source: year.source, uploadedBy, uploadedAt: new Date() },
  });
  return merged;
}
