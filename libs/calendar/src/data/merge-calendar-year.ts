import { CalendarError, CalendarErrorCode } from '../errors/calendar.error';
import { calendarDataSchema, type CalendarData, type CalendarYear } from './calendar-data.schema';

export interface MergeCalendarYearOptions {
  /** Allow replacing a year that already has official data (a correction notice). Default false. */
  replaceOfficial?: boolean;
}

/** Key order and list order must not make two equal notices look different. */
function canonical(year: CalendarYear): string {
  const holidays = [...year.holidays]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((h) => [h.name, h.nameEn ?? null, h.start, h.end]);
  return JSON.stringify([
    year.year,
    year.source,
    year.provisional,
    holidays,
    [...year.adjustedWorkingDays].sort(),
  ]);
}

/**
 * Returns new calendar data with `year` added (or replacing a provisional year). Uploading the same year
 * twice is a no-op. Throws CalendarError(YEAR_CONFLICT) when it would overwrite official data or clash
 * with regional rules.
 */
export function mergeCalendarYear(
  data: CalendarData,
  year: CalendarYear,
  options: MergeCalendarYearOptions = {},
): CalendarData {
  const existing = data.years.find((y) => y.year === year.year);
  if (existing && canonical(existing) === canonical(year)) return data;
  if (existing && !existing.provisional && year.provisional) {
    throw new CalendarError(
      CalendarErrorCode.YearConflict,
      `${year.year} already has official data (${existing.source}); a provisional year cannot replace it`,
    );
  }
  if (existing && !existing.provisional && !options.replaceOfficial) {
    throw new CalendarError(
      CalendarErrorCode.YearConflict,
      `${year.year} already has official data (${existing.source}) that differs from the upload (${year.source}); confirm a correction notice with replaceOfficial`,
    );
  }
  const years = [...data.years.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year);
  const merged = calendarDataSchema.safeParse({ ...data, years });
  if (!merged.success) {
    const details = merged.error.issues.map((i) => i.message).join('; ');
    throw new CalendarError(CalendarErrorCode.YearConflict, `${year.year} cannot be merged: ${details}`);
  }
  return merged.data;
}
