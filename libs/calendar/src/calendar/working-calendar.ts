import { calendarDataSchema, type CalendarData } from '../data/calendar-data.schema';
import { OFFICIAL_CALENDAR_DATA } from '../data/official-calendar.data';
import { CalendarError, CalendarErrorCode } from '../errors/calendar.error';
import { WorkingDayIndex } from './working-day-index';

export interface WorkingCalendarOptions {
  /** Apply this region's local rules (6-digit administrative division code) on top of the national years. */
  regionCode?: string;
}

/** An immutable, validated working-day calendar with precomputed indexes; build once, share everywhere. */
export class WorkingCalendar {
  /** @internal Used by the counting functions; not part of the stable API. */
  readonly index: WorkingDayIndex;

  private constructor(
    readonly data: CalendarData,
    readonly regionCode: string | undefined,
  ) {
    this.index = new WorkingDayIndex(data, regionCode);
  }

  /** Validates `data` with calendarDataSchema (throws CalendarError listing every problem) and indexes it. */
  static fromData(data: unknown, options: WorkingCalendarOptions = {}): WorkingCalendar {
    const parsed = calendarDataSchema.safeParse(data);
    if (!parsed.success) {
      const details = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new CalendarError(CalendarErrorCode.InvalidCalendarData, `invalid calendar data: ${details}`);
    }
    return new WorkingCalendar(parsed.data, options.regionCode);
  }

  /** Years that have data (official or provisional); every other year counts weekends only. */
  get years(): readonly number[] {
    return this.index.years;
  }
}

/** The national calendar with the shipped official years (2025, 2026). */
export function createOfficialCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  return WorkingCalendar.fromData(OFFICIAL_CALENDAR_DATA, options);
}
