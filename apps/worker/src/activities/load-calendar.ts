import type { CalendarData } from '@onewindow/calendar';
import type { LoadCalendarInput } from '@onewindow/workflows';
import { loadCalendarData, type Db } from '@onewindow/db';
import type { Logger } from 'pino';

/** The calendar for the case's years (official data + uploaded years and regional rules); bad rows are logged and skipped. */
export function loadCalendar(db: Db, logger: Logger, input: LoadCalendarInput): Promise<CalendarData> {
  return loadCalendarData(db, {
    years: input.years,
    onInvalidRow: (row, err) => logger.warn({ caseNo: input.caseNo, ...row, err }, 'calendar row skipped'),
  });
}
