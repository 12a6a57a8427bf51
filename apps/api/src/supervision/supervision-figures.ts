import { toShanghaiDate, workingDaysBetween } from '@onewindow/calendar';
import type { DepartmentFigures, SupervisionFigures, SupervisionFiguresQuery } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import {
  closedTasks,
  departmentNames,
  departmentsWithTasks,
  openWorkCounts,
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

const average = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * Per department: the open work on `on` (open, due this week, overdue) and, of the tasks decided in
 * [from, to] (Shanghai days), how many on time, the working days they took and the statutory and promised
 * limits (working days) of their items in that department — what the department promised, against what it did.
 */
export async function supervisionFigures(
  deps: Deps,
  scope: DepartmentScope,
  q: SupervisionFiguresQuery,
  now: Date = new Date(),
): Promise<SupervisionFigures> {
  const { calendar } = await getCalendarInForce(deps, now);
  const on = q.on ?? toShanghaiDate(now.getTime());
  const [open, closed, codes] = await Promise.all([
    openWorkCounts(deps.db, scope, on, endOfWeek(on)),
    closedTasks(deps.db, scope, shanghaiMidnight(q.from), shanghaiMidnight(plusDays(q.to, 1))),
    departmentsWithTasks(deps.db, scope),
  ]);
  const perDepartment = new Map<
    string,
    { closed: number; onTime: number; used: number[]; statutory: number[]; promised: number[] }
  >();
  const entry = (code: string) => {
    const found = perDepartment.get(code) ?? { closed: 0, onTime: 0, used: [], statutory: [], promised: [] };
    perDepartment.set(code, found);
    return found;
  };
  for (const t of closed) {
    const e = entry(t.departmentCode);
    const closedOn = toShanghaiDate(t.closedAt.getTime());
    e.closed += 1;
    if (t.dueDate === null || closedOn <= t.dueDate) e.onTime += 1;
    e.used.push(Math.max(0, workingDaysBetween(calendar, toShanghaiDate(t.openedAt.getTime()), closedOn)));
    // The strictest of the case's items handled by this department (working-day limits only).
    const statutory = t.statutory === null ? undefined : Number(t.statutory);
    const promised = t.promised === null ? undefined : Number(t.promised);
    if (statutory !== undefined) e.statutory.push(statutory);
    if (promised !== undefined) e.promised.push(promised);
  }
  const all = new Set([...codes, ...open.keys(), ...perDepartment.keys()]);
  const names = await departmentNames(deps.db, all);
  const departments: DepartmentFigures[] = [...all].sort().map((code) => {
    const o = open.get(code) ?? { open: 0, dueThisWeek: 0, overdue: 0 };
    const c = perDepartment.get(code) ?? { closed: 0, onTime: 0, used: [], statutory: [], promised: [] };
    return {
      departmentCode: code,
      departmentName: names.get(code) ?? code,
      open: o.open,
      dueThisWeek: o.dueThisWeek,
      overdue: o.overdue,
      closed: c.closed,
      onTime: c.onTime,
      onTimeRate: c.closed === 0 ? null : Math.round((c.onTime / c.closed) * 1000) / 1000,
      avgWorkingDaysUsed: average(c.used),
      avgStatutoryLimit: average(c.statutory),
      avgPromisedLimit: average(c.promised),
    };
  });
  return { from: q.from, to: q.to, on, departments };
}
