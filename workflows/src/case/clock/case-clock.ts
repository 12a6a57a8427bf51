import {
  StatutoryClock,
  WorkingCalendar,
  addNaturalDays,
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  nextWorkingDay,
  toShanghaiDate,
  type CalendarData,
  type SuspensionReason,
} from '@onewindow/calendar';
import type { TimeLimit } from '@onewindow/flow-model';
import type { ClockJson, ClockView } from '../engine/case-state';

/**
 * The workflow's clock and calendar arithmetic: every working-day, due-date and Shanghai-date computation
 * of the case goes through this file's functions over @onewindow/calendar. The other workflow files
 * import from the library only types (engine/case-state.ts, activities/case-activities.ts) and its
 * `calendarDataSchema` (engine/case-input.ts and handlers/case-messages.ts validate calendar data with it).
 */

/** Indexes calendar data (the case input's, loadCalendar's, or a refreshCalendar payload's). */
export const buildCalendar = (data: CalendarData): WorkingCalendar => WorkingCalendar.fromData(data);

export const shanghaiDate = (epochMs: number): string => toShanghaiDate(epochMs);

export function startClock(startDate: string, limit: TimeLimit, countStartDay?: boolean): ClockJson {
  return StatutoryClock.start({
    startDate,
    limit,
    ...(countStartDay === undefined ? {} : { countStartDay }),
  }).toJSON();
}

/**
 * Clock snapshots in the case state are replaced, never changed in place (a transition returns a new snapshot), and
 * StatutoryClock is immutable: each snapshot object is parsed once per workflow run, not at every due-date look-up
 * (the alarms are recomputed on every loop of the workflow; re-parsing was ~7 % of a replay's CPU).
 */
const parsedClocks = new WeakMap<ClockJson, StatutoryClock>();
function clock(json: ClockJson): StatutoryClock {
  let parsed = parsedClocks.get(json);
  if (!parsed) {
    parsed = StatutoryClock.fromJSON(json);
    parsedClocks.set(json, parsed);
  }
  return parsed;
}

/**
 * Suspension days are inclusive at both ends (the calendar's semantics). A suspension that starts on
 * the day the previous one ended is already covered that day, so it starts the next day: same effect.
 */
export function suspendClock(json: ClockJson, reason: SuspensionReason, atMs: number): ClockJson {
  const c = clock(json);
  const lastResume = [...c.history].reverse().find((e) => e.type === 'resumed')?.at;
  const today = shanghaiDate(atMs);
  // Never before the clock's start (a case accepted with a future date) nor inside the last suspension.
  const day =
    lastResume && today <= lastResume ? nextDate(lastResume) : today < c.startDate ? c.startDate : today;
  return c.suspend(reason, day).toJSON();
}

/** Resumes with today as the last suspended day (never before the suspension's first day). */
export function resumeClock(json: ClockJson, atMs: number): ClockJson {
  const c = clock(json);
  const since = [...c.history].reverse().find((e) => e.type === 'suspended')?.at;
  const today = shanghaiDate(atMs);
  return c.resume(since && today < since ? since : today).toJSON();
}

export const extendClock = (
  json: ClockJson,
  days: number,
  approvedBy: string,
  reason: string,
  atMs: number,
): ClockJson => clock(json).extend(days, approvedBy, reason, shanghaiDate(atMs)).toJSON();
/** Working days the approved extensions added to the clock so far. */
export const extendedDays = (json: ClockJson): number => {
  const c = clock(json);
  return c.totalDays - c.limit.value;
};
export const isSuspended = (json: ClockJson): boolean => clock(json).state === 'suspended';

/** The due date; null only while suspended (it depends on the resume day). */
export function dueOf(
  json: ClockJson,
  calendar: WorkingCalendar,
): { date: string | null; provisional: boolean } {
  return clock(json).dueAt(calendar);
}

/** `{ dueDate }` for activity inputs, omitted while the due date is open (suspended). */
export function dueField(json: ClockJson, calendar: WorkingCalendar): { dueDate?: string } {
  const date = dueOf(json, calendar).date;
  return date ? { dueDate: date } : {};
}

export function clockView(json: ClockJson, calendar: WorkingCalendar, atMs: number): ClockView {
  const c = clock(json);
  const at = shanghaiDate(atMs);
  const due = c.dueAt(calendar);
  return {
    state: String(c.state),
    dueDate: due.date,
    provisional: due.provisional,
    remainingWorkingDays: c.remaining(calendar, at),
    elapsedWorkingDays: c.elapsed(calendar, at),
    warningLevel: String(c.warningLevel(calendar, at)),
  };
}

/** 00:00 Asia/Shanghai of `date`, as epoch ms (endOfShanghaiDay is 23:59:59.999). */
export const startOfShanghaiDay = (date: string): number => endOfShanghaiDay(date) + 1 - 24 * 3600_000;

/** The working day `n` working days before `date` (n ≥ 0). */
export function workingDaysBefore(calendar: WorkingCalendar, date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = previousDate(d);
    if (isWorkingDay(calendar, d)) left -= 1;
  }
  return d;
}

/** Plain date arithmetic on ISO dates (UTC avoids any offset). */
const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 3600_000).toISOString().slice(0, 10);
const previousDate = (date: string): string => shiftDate(date, -1);
const nextDate = (date: string): string => shiftDate(date, 1);

/** Reminder `k` working days before the due date fires at the start of that working day. */
export const reminderAt = (calendar: WorkingCalendar, dueDate: string, k: number): number =>
  startOfShanghaiDay(workingDaysBefore(calendar, dueDate, k));

/** Escalation to the department lead at the start of the first working day after the due day ends. */
export const escalationAt = (calendar: WorkingCalendar, dueDate: string): number =>
  startOfShanghaiDay(nextWorkingDay(calendar, dueDate));

/** Timer nodes: wait a number of working or natural days from `date`, firing at the end of the last day. */
export function timerFiresAt(calendar: WorkingCalendar, date: string, wait: TimeLimit): number {
  const target =
    wait.unit === 'working_day'
      ? addWorkingDays(calendar, date, wait.value)
      : addNaturalDays(calendar, date, wait.value);
  return endOfShanghaiDay(target);
}

export type { WorkingCalendar, CalendarData, SuspensionReason };
