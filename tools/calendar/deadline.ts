// Thin wrapper: all logic lives in runDeadlineCommand (libs/calendar), which is unit-tested. The calendar is
// the one in force without a database: the shipped notices, and for every later year the provisional
// statutory holidays (docs/decisions/0010).
import { OFFICIAL_CALENDAR_DATA, WorkingCalendar, runDeadlineCommand } from '@onewindow/calendar';
import { STATUTORY_HOLIDAYS_LAST_YEAR, calendarInForce } from '@onewindow/calendar/src/statutory-holidays';

const calendar = WorkingCalendar.fromData(
  calendarInForce(OFFICIAL_CALENDAR_DATA, STATUTORY_HOLIDAYS_LAST_YEAR),
);
const result = runDeadlineCommand(process.argv.slice(2), calendar);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
