export { CalendarError, CalendarErrorCode } from './errors/calendar.error';
export { ClockError, ClockErrorCode } from './errors/clock.error';
export { isIsoDate } from './dates/iso-date.util';
export { toShanghaiDate, endOfShanghaiDay } from './dates/shanghai-time.util';
export {
  isoDateSchema,
  holidayRangeSchema,
  calendarYearSchema,
  regionalRuleSchema,
  calendarDataSchema,
  type HolidayRange,
  type CalendarYear,
  type RegionalRule,
  type CalendarData,
  type CalendarDataInput,
} from './data/calendar-data.schema';
export { OFFICIAL_CALENDAR_DATA } from './data/official-calendar.data';
export { mergeCalendarYear, type MergeCalendarYearOptions } from './data/merge-calendar-year';
export {
  WorkingCalendar,
  createOfficialCalendar,
  type WorkingCalendarOptions,
} from './calendar/working-calendar';
export {
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
  subtractWorkingDays,
  workingDaysBetween,
  addNaturalDays,
  isProvisionalPeriod,
  yearsWithoutNotice,
  provisionalReason,
  type CountingOptions,
} from './calendar/working-days.util';
export { holidaysCrossed, type CrossedHoliday } from './calendar/holidays-crossed.util';
export {
  SPECIAL_PROCEDURE_KINDS,
  SUSPENSION_REASON_KINDS,
  SUSPENSION_REASON_LABELS,
  suspensionReasonSchema,
  type SpecialProcedureKind,
  type SuspensionReason,
  type SuspensionReasonKind,
} from './clock/suspension-reason';
export {
  timeLimitSchema,
  warningThresholdsSchema,
  clockEventSchema,
  startClockInputSchema,
  statutoryClockSnapshotSchema,
  DEFAULT_WARNING_THRESHOLDS,
  type TimeLimit,
  type WarningThresholds,
  type ClockEvent,
  type StartClockInput,
  type StatutoryClockSnapshot,
} from './clock/statutory-clock.schema';
export { StatutoryClock, type ClockState, type WarningLevel, type DueDate } from './clock/statutory-clock';
export { rebaseDueDate, type RebasedDueDate } from './clock/rebase-due-date';
export { runDeadlineCommand, DEADLINE_USAGE, type CommandResult } from './cli/deadline-command';
