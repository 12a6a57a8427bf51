import type { DayNumber } from '../dates/iso-date.util';
import type { WorkingDayIndex } from '../calendar/working-day-index';

/** The clock reduced to day numbers, parsed once per clock so queries stay in the microsecond range. */
export interface ClockTimeline {
  readonly startDay: DayNumber;
  /** First day that can count: the start day with countStartDay, else the day after. */
  readonly firstCounted: DayNumber;
  readonly unit: 'working_day' | 'natural_day';
  /** Limit plus approved extensions, in the limit's unit. */
  readonly total: number;
  /** Closed suspensions [from, to] inclusive, in order, non-overlapping. */
  readonly suspendedFrom: readonly DayNumber[];
  readonly suspendedTo: readonly DayNumber[];
  /** Start of the open suspension, or undefined while running. */
  readonly openFrom: DayNumber | undefined;
}

/** Counted units in [a, b). */
function countUnits(t: ClockTimeline, index: WorkingDayIndex, a: DayNumber, b: DayNumber): number {
  if (b <= a) return 0;
  return t.unit === 'working_day' ? index.workingBefore(b) - index.workingBefore(a) : b - a;
}

/** The day on which the k-th unit counted from `cursor` (k ≥ 1) falls. */
function nthUnit(t: ClockTimeline, index: WorkingDayIndex, cursor: DayNumber, k: number): DayNumber {
  return t.unit === 'working_day' ? index.workingDayAt(index.workingBefore(cursor) + k - 1) : cursor + k - 1;
}

/**
 * The day the limit is used up (before any natural-day rollover), or undefined when the clock is suspended
 * and the limit was not reached before the suspension began.
 */
export function limitReachedOn(t: ClockTimeline, index: WorkingDayIndex): DayNumber | undefined {
  // 0 days (即办件, never extended): used up on the start day itself, a working day or not, before any suspension.
  if (t.total === 0) return t.startDay;
  let cursor = t.firstCounted;
  let left = t.total;
  for (let i = 0; i < t.suspendedFrom.length; i++) {
    const to = t.suspendedTo[i];
    if (to < cursor) continue;
    const available = countUnits(t, index, cursor, Math.max(t.suspendedFrom[i], cursor));
    if (left <= available) return nthUnit(t, index, cursor, left);
    left -= available;
    cursor = to + 1;
  }
  if (t.openFrom !== undefined) {
    const available = countUnits(t, index, cursor, Math.max(t.openFrom, cursor));
    return left <= available ? nthUnit(t, index, cursor, left) : undefined;
  }
  return nthUnit(t, index, cursor, left);
}

/**
 * The due day: the limit's last day (the start day for a 0-day limit), moved to the next working day for natural-day limits (期间届满日遇节假日顺延). */
export function dueDay(t: ClockTimeline, index: WorkingDayIndex): DayNumber | undefined {
  const reached = limitReachedOn(t, index);
  if (reached === undefined || t.unit === 'working_day' || t.total === 0) return reached;
  return index.workingDayOnOrAfter(reached);
}

/** Units counted from the start through `at` inclusive, excluding suspended days (the open suspension runs through `at`). */
export function elapsedUnits(t: ClockTimeline, index: WorkingDayIndex, at: DayNumber): number {
  if (at < t.firstCounted) return 0;
  let elapsed = countUnits(t, index, t.firstCounted, at + 1);
  const subtract = (from: DayNumber, to: DayNumber) => {
    const lo = Math.max(from, t.firstCounted);
    const hi = Math.min(to, at);
    if (lo <= hi) elapsed -= countUnits(t, index, lo, hi + 1);
  };
  for (let i = 0; i < t.suspendedFrom.length; i++) subtract(t.suspendedFrom[i], t.suspendedTo[i]);
  if (t.openFrom !== undefined) subtract(t.openFrom, at);
  return elapsed;
}
