import {
  addWorkingDays,
  CalendarError,
  isWorkingDay,
  mergeCalendarYear,
  nextWorkingDay,
  toShanghaiDate,
  WorkingCalendar,
  workingDaysBetween,
  type CalendarYear,
} from '@onewindow/calendar';
import { calendarInForce } from '@onewindow/calendar/src/statutory-holidays';
import { loadCalendarData, type Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { getCalendarInForce, PROVISIONAL_YEARS_AHEAD } from '../calendar/calendar-in-force';
import { CLOSED_CASE_STATUSES } from '../calendar/refresh-open-cases';
import { adminConflict } from './admin-problems';

/** One open case whose statutory due date the notice would move. */
interface MovedDueDate {
  caseNo: string;
  unit: 'working_day' | 'natural_day';
  oldDue: string;
  newDue: string;
  /** newDue − oldDue in calendar days (negative: earlier). */
  calendarDays: number;
  /** The working days between the two dates on the new calendar (negative: earlier). */
  workingDays: number;
}

export interface CalendarPreview {
  year: number;
  /** The year in force is a published notice (not provisional): loading this one is a correction. */
  replacesOfficial: boolean;
  /** The notice is the one already stored: loading it changes nothing. */
  same: boolean;
  openCases: number;
  moved: MovedDueDate[];
  unchanged: number;
}

const DAY_MS = 86_400_000;
const dayDiff = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The calendar data stored (plus the shipped notices) with `year` merged in; conflicts in Chinese. */
async function mergedWith(db: Db, year: CalendarYear) {
  const loaded = await loadCalendarData(db);
  const existing = loaded.years.find((y) => y.year === year.year);
  const replacesOfficial = existing !== undefined && !existing.provisional;
  if (replacesOfficial && year.provisional)
    throw adminConflict(
      `${year.year} 年已有正式发布的日历（${existing.source}），不能用暂定（provisional）的年份替换它。`,
    );
  try {
    const merged = mergeCalendarYear(loaded, year, { replaceOfficial: true });
    return { merged, replacesOfficial, same: merged === loaded };
  } catch (error) {
    if (error instanceof CalendarError)
      throw adminConflict(`${year.year} 年的日历与现有数据冲突（例如地方假日）：${error.message}`);
    throw error;
  }
}

/**
 * What loading `year` would do to the open cases' statutory due dates, before anything is stored. Each due
 * date is counted again on the new calendar from the acceptance day: a working-day limit keeps its number of
 * working days, a natural-day limit its end (moved on to the next working day when that is no longer one).
 * The unit is the case's items' (natural days only when every item counts natural days). An estimate: the
 * workflows recount with their own clocks (suspensions, extensions), and the refresh run reports what they did.
 */
export async function previewCalendarYear(
  deps: { db: Db; logger: Logger },
  year: CalendarYear,
  now: Date = new Date(),
): Promise<CalendarPreview> {
  const { merged, replacesOfficial, same } = await mergedWith(deps.db, year);
  const inForce = await getCalendarInForce(deps, now);
  const before = inForce.calendar;
  const after = WorkingCalendar.fromData(
    calendarInForce(merged, inForce.currentYear + PROVISIONAL_YEARS_AHEAD),
  );
  const cases = await deps.db.case.findMany({
    where: { status: { notIn: CLOSED_CASE_STATUSES } },
    select: {
      caseNo: true,
      acceptedAt: true,
      statutoryDueDate: true,
      items: { select: { implementationCode: true, itemVersion: true } },
    },
    orderBy: { caseNo: 'asc' },
  });
  const codes = [...new Set(cases.flatMap((c) => c.items.map((i) => i.implementationCode)))];
  const units = new Map(
    (
      await deps.db.item.findMany({
        where: { implementationCode: { in: codes } },
        select: { implementationCode: true, version: true, statutoryLimitUnit: true },
      })
    ).map((i) => [`${i.implementationCode}@${i.version}`, i.statutoryLimitUnit]),
  );
  const moved: MovedDueDate[] = [];
  for (const c of cases) {
    if (!c.acceptedAt || !c.statutoryDueDate) continue;
    const start = toShanghaiDate(c.acceptedAt.getTime());
    const oldDue = c.statutoryDueDate;
    const natural =
      c.items.length > 0 &&
      c.items.every((i) => units.get(`${i.implementationCode}@${i.itemVersion}`) === 'natural_day');
    const newDue = natural
      ? isWorkingDay(after, oldDue)
        ? oldDue
        : nextWorkingDay(after, oldDue)
      : addWorkingDays(after, start, Math.max(0, workingDaysBetween(before, start, oldDue)));
    if (newDue === oldDue || oldDue <= start) continue;
    moved.push({
      caseNo: c.caseNo,
      unit: natural ? 'natural_day' : 'working_day',
      oldDue,
      newDue,
      calendarDays: dayDiff(oldDue, newDue),
      workingDays: workingDaysBetween(after, oldDue, newDue),
    });
  }
  return {
    year: year.year,
    replacesOfficial,
    same,
    openCases: cases.length,
    moved,
    unchanged: cases.length - moved.length,
  };
}
