import type { CalendarData } from '@onewindow/calendar';
import type { LoadCalendarInput } from '@onewindow/workflows';
import { withStatutoryHolidays } from '@onewindow/calendar/src/statutory-holidays';
import { loadCalendarData, type Db } from '@onewindow/db';
import type { Logger } from 'pino';

/**
 * The calendar for the case's years (official data + uploaded years and regional rules; a year of the case
 * without a notice gets the provisional statutory holidays, docs/decisions/0010); bad rows are logged and skipped.
 */
export async function loadCalendar(db: Db, logger: Logger, input: LoadCalendarInput): Promise<CalendarData> {
  const loaded = await loadCalendarData(db, {
    years: input.years,
    onInvalidRow: (row, err) => logger.warn({ caseNo: input.caseNo, ...row, err }, 'calendar row skipped'),
  });
  return withStatutoryHolidays(loaded, input.years);
}
