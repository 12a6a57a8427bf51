import { CalendarError, CalendarErrorCode } from '../errors/calendar.error';
import { formatDayNumber, parseIsoDate } from './iso-date.util';

const MS_PER_DAY = 86_400_000;
/** China has used a fixed UTC+8 without daylight saving since 1991, so no tz database is needed. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** An instant must carry its offset; a bare local time would be ambiguous. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantToEpochMs(instant: string | number): number {
  if (typeof instant === 'number') {
    if (!Number.isFinite(instant))
      throw new CalendarError(
        CalendarErrorCode.InvalidInstant,
        `instant must be finite epoch milliseconds, got ${instant}`,
      );
    return instant;
  }
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CalendarError(
      CalendarErrorCode.InvalidInstant,
      `instant must be an ISO 8601 date-time with an offset (e.g. 2026-09-28T09:30:00+08:00) or epoch milliseconds, got ${JSON.stringify(instant)}`,
    );
  }
  return ms;
}

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an ISO instant or epoch milliseconds. */
export function toShanghaiDate(instant: string | number): string {
  return formatDayNumber(Math.floor((instantToEpochMs(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** Epoch milliseconds of 23:59:59.999 +08:00 on the given date: the moment a due day ends. */
export function endOfShanghaiDay(date: string): number {
  return (parseIsoDate(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1;
}
