/** Error codes for calendar data and date arguments; the API maps them to HTTP at its edge. */
export const CalendarErrorCode = {
  InvalidDate: 'INVALID_DATE',
  InvalidInstant: 'INVALID_INSTANT',
  InvalidArgument: 'INVALID_ARGUMENT',
  InvalidCalendarData: 'INVALID_CALENDAR_DATA',
  YearConflict: 'YEAR_CONFLICT',
} as const;
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
