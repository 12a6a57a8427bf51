import type { WorkingCalendar } from '../calendar/working-calendar';
import { formatDayNumber } from '../dates/iso-date.util';
import { ClockError, ClockErrorCode } from '../errors/clock.error';
import {
  buildTimeline,
  copyEvent,
  formatIssues,
  parseClockDate,
  withoutUndefined,
} from './clock-snapshot.util';
import { dueDay, elapsedUnits, limitReachedOn, type ClockTimeline } from './clock-timeline';
import {
  DEFAULT_WARNING_THRESHOLDS,
  startClockInputSchema,
  statutoryClockSnapshotSchema,
  type ClockEvent,
  type StartClockInput,
  type StatutoryClockSnapshot,
  type TimeLimit,
  type WarningThresholds,
} from './statutory-clock.schema';
import { suspensionReasonSchema, type SuspensionReason } from './suspension-reason';

export type ClockState = 'running' | 'suspended';
export type WarningLevel = 'normal' | 'warning' | 'overdue';

/** `date` is null only while suspended with the limit not yet used up: it depends on the resume day. */
export interface DueDate {
  date: string | null;
  /** True when the period touches a year without official calendar data; recompute when the year is published. */
  provisional: boolean;
}

/**
 * The statutory time limit of one case (行政许可法 Arts. 42, 45): an immutable value that holds no calendar.
 * Methods that count days take the WorkingCalendar as an argument, so a new calendar corrects open cases.
 */
export class StatutoryClock {
  private readonly timeline: ClockTimeline;

  private constructor(private readonly snapshot: StatutoryClockSnapshot) {
    this.timeline = buildTimeline(snapshot);
    Object.freeze(this);
  }

  /** Starts a clock on the acceptance day (受理日). */
  static start(input: StartClockInput): StatutoryClock {
    const parsed = startClockInputSchema.safeParse(input);
    if (!parsed.success)
      throw new ClockError(ClockErrorCode.InvalidStart, `cannot start clock: ${formatIssues(parsed.error)}`);
    const { startDate, limit, countStartDay, thresholds } = parsed.data;
    return new StatutoryClock({
      schemaVersion: 1,
      startDate,
      limit: { ...limit },
      countStartDay: countStartDay ?? false,
      thresholds: withoutUndefined(thresholds ?? DEFAULT_WARNING_THRESHOLDS),
      history: [],
    });
  }

  /** Restores a clock from toJSON() output, replaying the history so an invalid snapshot is refused. */
  static fromJSON(json: unknown): StatutoryClock {
    const parsed = statutoryClockSnapshotSchema.safeParse(json);
    if (!parsed.success)
      throw new ClockError(
        ClockErrorCode.InvalidSnapshot,
        `invalid clock snapshot: ${formatIssues(parsed.error)}`,
      );
    const { history, ...start } = parsed.data;
    return history.reduce<StatutoryClock>(
      (clock, event) => {
        if (event.type === 'suspended') return clock.suspend(event.reason, event.at);
        if (event.type === 'resumed') return clock.resume(event.at);
        return clock.extend(event.days, event.approvedBy, event.reason, event.at);
      },
      new StatutoryClock({ ...start, history: [] }),
    );
  }

  toJSON(): StatutoryClockSnapshot {
    const s = this.snapshot;
    return {
      schemaVersion: 1,
      startDate: s.startDate,
      limit: { ...s.limit },
      countStartDay: s.countStartDay,
      thresholds: { ...s.thresholds },
      history: s.history.map(copyEvent),
    };
  }

  get startDate(): string {
    return this.snapshot.startDate;
  }
  get limit(): TimeLimit {
    return { ...this.snapshot.limit };
  }
  get countStartDay(): boolean {
    return this.snapshot.countStartDay;
  }
  get thresholds(): WarningThresholds {
    return { ...this.snapshot.thresholds };
  }
  /** Limit plus approved extensions, in the limit's unit. */
  get totalDays(): number {
    return this.timeline.total;
  }
  get state(): ClockState {
    return this.timeline.openFrom === undefined ? 'running' : 'suspended';
  }
  get history(): readonly ClockEvent[] {
    return this.snapshot.history.map(copyEvent);
  }

  private append(event: ClockEvent): StatutoryClock {
    return new StatutoryClock({ ...this.snapshot, history: [...this.snapshot.history, event] });
  }

  /** Stops the clock from `at` (inclusive): 补正 or an Art. 45 special procedure. */
  suspend(reason: SuspensionReason, at: string): StatutoryClock {
    const day = parseClockDate(at, 'at');
    const parsed = suspensionReasonSchema.safeParse(reason);
    if (!parsed.success)
      throw new ClockError(
        ClockErrorCode.InvalidReason,
        `invalid suspension reason: ${formatIssues(parsed.error)}`,
      );
    const t = this.timeline;
    if (t.openFrom !== undefined)
      throw new ClockError(
        ClockErrorCode.AlreadySuspended,
        `cannot suspend on ${at}: the clock is already suspended since ${formatDayNumber(t.openFrom)}`,
      );
    if (day < t.startDay)
      throw new ClockError(
        ClockErrorCode.OutOfOrder,
        `cannot suspend on ${at}: the clock started on ${this.startDate}`,
      );
    const lastEnd = t.suspendedTo[t.suspendedTo.length - 1];
    if (lastEnd !== undefined && day <= lastEnd) {
      throw new ClockError(
        ClockErrorCode.OutOfOrder,
        `cannot suspend on ${at}: a new suspension must start after the previous one ended on ${formatDayNumber(lastEnd)}`,
      );
    }
    return this.append({ type: 'suspended', at, reason: withoutUndefined(parsed.data) });
  }

  /** Restarts the clock; `at` is the last suspended day (inclusive), counting resumes after it. */
  resume(at: string): StatutoryClock {
    const day = parseClockDate(at, 'at');
    const from = this.timeline.openFrom;
    if (from === undefined)
      throw new ClockError(ClockErrorCode.NotSuspended, `cannot resume on ${at}: the clock is not suspended`);
    if (day < from)
      throw new ClockError(
        ClockErrorCode.OutOfOrder,
        `cannot resume on ${at}: the suspension began on ${formatDayNumber(from)}`,
      );
    return this.append({ type: 'resumed', at });
  }

  /** Extends the limit (Art. 42: +10 days with the head's approval; the reason is told to the applicant). */
  extend(days: number, approvedBy: string, reason: string, at?: string): StatutoryClock {
    if (!Number.isSafeInteger(days) || days < 1)
      throw new ClockError(
        ClockErrorCode.InvalidExtension,
        `an extension must add a whole number of days ≥ 1, got ${days}`,
      );
    if (typeof approvedBy !== 'string' || !approvedBy.trim())
      throw new ClockError(ClockErrorCode.InvalidExtension, 'an extension needs the approver (approvedBy)');
    if (typeof reason !== 'string' || !reason.trim())
      throw new ClockError(
        ClockErrorCode.InvalidExtension,
        'an extension needs a reason (it must be given to the applicant)',
      );
    if (at !== undefined) parseClockDate(at, 'at');
    return this.append({ type: 'extended', days, approvedBy, reason, ...(at !== undefined ? { at } : {}) });
  }

  dueAt(calendar: WorkingCalendar): DueDate {
    const index = calendar.index;
    const due = dueDay(this.timeline, index);
    const lastKnown =
      due ?? Math.max(this.timeline.openFrom ?? this.timeline.startDay, this.timeline.startDay);
    return {
      date: due === undefined ? null : index.format(due),
      provisional: index.isProvisionalBetween(this.timeline.startDay, lastKnown),
    };
  }

  /** Units used from the start through `at` (inclusive), suspended days excluded. */
  elapsed(calendar: WorkingCalendar, at: string): number {
    return elapsedUnits(this.timeline, calendar.index, parseClockDate(at, 'at'));
  }

  /** Units left after `at`; negative once overdue. Natural-day limits include the roll-over to the next working day. */
  remaining(calendar: WorkingCalendar, at: string): number {
    const t = this.timeline;
    const index = calendar.index;
    const left = t.total - elapsedUnits(t, index, parseClockDate(at, 'at'));
    if (t.unit === 'working_day' || t.total === 0) return left;
    const reached = limitReachedOn(t, index);
    return reached === undefined ? left : left + index.workingDayOnOrAfter(reached) - reached;
  }

  warningLevel(calendar: WorkingCalendar, at: string): WarningLevel {
    const day = parseClockDate(at, 'at');
    const due = dueDay(this.timeline, calendar.index);
    if (due !== undefined && day > due) return 'overdue';
    const left = this.remaining(calendar, at);
    const { warningDays, warningPercent } = this.snapshot.thresholds;
    if (warningDays !== undefined && left <= warningDays) return 'warning';
    if (warningPercent !== undefined && left * 100 <= warningPercent * this.timeline.total) return 'warning';
    return 'normal';
  }
}
