import {
  OFFICIAL_CALENDAR_DATA,
  calendarYearSchema,
  mergeCalendarYear,
  regionalRuleSchema,
  type CalendarData,
} from '@onewindow/calendar';
import type { LoadCalendarInput } from '@onewindow/workflows';
import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';

/** CalendarYear rows for the whole country; any 6-digit region code holds local rules instead. */
export const NATIONAL_REGIONS = ['CN', 'national', '000000'];

/**
 * Calendar data for the case's years: uploaded CalendarYear rows merged over the official data shipped
 * with @onewindow/calendar. An uploaded official year replaces the shipped one (a correction notice); a
 * provisional upload never replaces official data; an invalid row is logged and skipped.
 */
export async function loadCalendar(db: Db, logger: Logger, input: LoadCalendarInput): Promise<CalendarData> {
  const rows = await db.calendarYear.findMany({ where: { year: { in: input.years } }, orderBy: [{ year: 'asc' }, { region: 'asc' }] });
  let data: CalendarData = OFFICIAL_CALENDAR_DATA;
  const regional: CalendarData['regionalRules'] = [];
  for (const row of rows) {
    try {
      const json: unknown = JSON.parse(row.data);
      if (NATIONAL_REGIONS.includes(row.region)) {
        const year = calendarYearSchema.parse(json);
        data = mergeCalendarYear(data, year, { replaceOfficial: !year.provisional });
      } else {
        regional.push(regionalRuleSchema.parse(json));
      }
    } catch (error) {
      logger.warn({ caseNo: input.caseNo, region: row.region, year: row.year, err: error }, 'calendar row skipped');
    }
  }
  return regional.length > 0 ? { ...data, regionalRules: [...data.regionalRules, ...regional] } : data;
}
