// A separate entry point (@onewindow/calendar/src/statutory-holidays), not re-exported by the package index:
// it pulls in tyme4ts, and the workflow bundle, which imports @onewindow/calendar, must not carry it.
// Workflows get the generated years as calendar data (docs/decisions/0010).
export {
  STATUTORY_HOLIDAYS_FIRST_YEAR,
  STATUTORY_HOLIDAYS_LAST_YEAR,
  STATUTORY_HOLIDAYS_SOURCE,
  fixedHolidays,
  statutoryHolidayYear,
} from './fixed-holidays';
export { withStatutoryHolidays, calendarInForce } from './calendar-in-force';
