import { toShanghaiDate, workingDaysBetween, type WorkingCalendar } from '@onewindow/calendar';
import type { DepartmentFigures, SupervisionFigures, SupervisionFiguresQuery } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import {
  decidedCount,
  decidedDays,
  departmentNames,
  departmentsWithTasks,
  openWorkCounts,
  terminatedCounts,
  type DecidedDayRow,
  type DepartmentScope,
} from './supervision.repository';

type Deps = Pick<ApiDeps, 'db' | 'logger'>;

const plusDays = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The Sunday ending the week (Monday to Sunday) of `day`. */
const endOfWeek = (day: string): string => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return plusDays(day, weekday === 0 ? 0 : 7 - weekday);
};

/** Midnight in Asia/Shanghai at the start of `day`. */
const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const average = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 10) / 10);

/** What the figures sum over a department's decided tasks. */
interface Decided {
  closed: number;
  onTime: number;
  /** Working days used, summed over the tasks (opening day to decision day on the calendar). */
  usedSum: number;
  statutorySum: number;
  statutoryCount: number;
  promisedSum: number;
  promisedCount: number;
}
const emptyDecided = (): Decided => ({
  closed: 0,
  onTime: 0,
  usedSum: 0,
  statutorySum: 0,
  statutoryCount: 0,
  promisedSum: 0,
  promisedCount: 0,
});

function add(into: Map<string, Decided>, row: DecidedDayRow, calendar: WorkingCalendar): void {
  const e = into.get(row.departmentCode) ?? emptyDecided();
  into.set(row.departmentCode, e);
  e.closed += row.tasks;
  e.onTime += row.onTime;
  e.usedSum += row.tasks * Math.max(0, workingDaysBetween(calendar, row.openedDay, row.closedDay));
  e.statutorySum += row.statutorySum;
  e.statutoryCount += row.statutoryCount;
  e.promisedSum += row.promisedSum;
  e.promisedCount += row.promisedCount;
}

/**
 * The pre-aggregated past: per Shanghai day up to yesterday, every department's decided tasks summed (a year is
 * some thousand entries instead of a hundred thousand tasks). Kept per database client, for the calendar it was
 * summed on (a new calendar in force starts afresh). Decided task rows are only ever added, so a range is
 * trusted while the number of tasks decided in it, read from the (state, closedAt) index, equals the sum kept;
 * otherwise (a late projection, a repair) the range is summed again from the tasks.
 */
interface Rollup {
  calendar: WorkingCalendar;
  days: Map<string, { tasks: number; departments: Map<string, Decided> }>;
}
const rollups = new WeakMap<Db, Rollup>();

async function settledFigures(
  db: Db,
  calendar: WorkingCalendar,
  from: string,
  to: string,
): Promise<Map<string, Decided>> {
  let rollup = rollups.get(db);
  if (!rollup || rollup.calendar !== calendar) {
    rollup = { calendar, days: new Map() };
    rollups.set(db, rollup);
  }
  const start = shanghaiMidnight(from);
  const end = shanghaiMidnight(plusDays(to, 1));
  const days: string[] = [];
  for (let day = from; day <= to; day = plusDays(day, 1)) days.push(day);
  const counted = await decidedCount(db, start, end);
  const kept = days.every((d) => rollup.days.has(d))
    ? days.reduce((n, d) => n + (rollup.days.get(d)?.tasks ?? 0), 0)
    : -1;
  if (kept !== counted) {
    const fresh = new Map(days.map((d) => [d, { tasks: 0, departments: new Map<string, Decided>() }]));
    for (const row of await decidedDays(db, null, start, end)) {
      const day = fresh.get(row.closedDay);
      if (!day) continue;
      day.tasks += row.tasks;
      add(day.departments, row, calendar);
    }
    for (const [d, day] of fresh) rollup.days.set(d, day);
  }
  const total = new Map<string, Decided>();
  for (const d of days)
    for (const [code, e] of rollup.days.get(d)?.departments ?? []) {
      const t = total.get(code) ?? emptyDecided();
      total.set(code, t);
      for (const key of Object.keys(e) as (keyof Decided)[]) t[key] += e[key];
    }
  return total;
}

/**
 * Per department: the open work on `on` (open, due this week, overdue) and, of the tasks decided in
 * [from, to] (Shanghai days), how many on time, the working days they took and the statutory and promised
 * limits (working days) of their items in that department — what the department promised, against what it did.
 * The days before today come from the pre-aggregated sums (settledFigures), today's from the tasks. Cases ended
 * by 终止办理 in the period are counted on their own (`terminated`, on every call: they are few).
 */
export async function supervisionFigures(
  deps: Deps,
  scope: DepartmentScope,
  q: SupervisionFiguresQuery,
  now: Date = new Date(),
): Promise<SupervisionFigures> {
  const today = toShanghaiDate(now.getTime());
  const on = q.on ?? today;
  const yesterday = plusDays(today, -1);
  const settledTo = q.to < yesterday ? q.to : yesterday;
  const liveFrom = q.from > yesterday ? q.from : today;
  const [{ calendar }, open, codes, terminated] = await Promise.all([
    getCalendarInForce(deps, now),
    openWorkCounts(deps.db, scope, on, endOfWeek(on)),
    departmentsWithTasks(deps.db, scope),
    terminatedCounts(deps.db, scope, shanghaiMidnight(q.from), shanghaiMidnight(plusDays(q.to, 1))),
  ]);
  const perDepartment =
    q.from <= settledTo
      ? await settledFigures(deps.db, calendar, q.from, settledTo)
      : new Map<string, Decided>();
  if (scope)
    for (const code of [...perDepartment.keys()]) if (!scope.includes(code)) perDepartment.delete(code);
  if (liveFrom <= q.to) {
    const live = await decidedDays(
      deps.db,
      scope,
      shanghaiMidnight(liveFrom),
      shanghaiMidnight(plusDays(q.to, 1)),
    );
    for (const row of live) add(perDepartment, row, calendar);
  }
  const all = new Set([...codes, ...open.keys(), ...perDepartment.keys(), ...terminated.keys()]);
  const names = await departmentNames(deps.db, all);
  const departments: DepartmentFigures[] = [...all].sort().map((code) => {
    const o = open.get(code) ?? { open: 0, dueThisWeek: 0, overdue: 0 };
    const c = perDepartment.get(code) ?? emptyDecided();
    return {
      departmentCode: code,
      departmentName: names.get(code) ?? code,
      open: o.open,
      dueThisWeek: o.dueThisWeek,
      overdue: o.overdue,
      closed: c.closed,
      onTime: c.onTime,
      onTimeRate: c.closed === 0 ? null : Math.round((c.onTime / c.closed) * 1000) / 1000,
      terminated: terminated.get(code) ?? 0,
      avgWorkingDaysUsed: average(c.usedSum, c.closed),
      avgStatutoryLimit: average(c.statutorySum, c.statutoryCount),
      avgPromisedLimit: average(c.promisedSum, c.promisedCount),
    };
  });
  return { from: q.from, to: q.to, on, departments };
}
