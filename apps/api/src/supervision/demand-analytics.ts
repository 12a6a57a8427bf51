import { workingDaysBetween } from '@onewindow/calendar';
import type { DemandAnalytics, DemandQuery } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import {
  acceptancesByHour,
  handlingDays,
  itemLimits,
  requestedBundles,
  requestedItems,
  reuseByMonth,
  reuseByType,
} from './demand.repository';
import type { DepartmentScope } from './supervision.repository';

type Deps = Pick<ApiDeps, 'db' | 'logger'>;

const shanghaiMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Demand analytics of the cases accepted in [from, to]: the most-requested items and bundles, the materials saved
 * by certificate reuse (免提交), acceptances by weekday and hour, and per item the handling time against the
 * statutory and promised limits. Every figure is aggregated in the database (demand.repository.ts).
 */
export async function demandAnalytics(
  deps: Deps,
  scope: DepartmentScope,
  q: DemandQuery,
  now: Date = new Date(),
): Promise<DemandAnalytics> {
  const from = shanghaiMidnight(q.from);
  const to = shanghaiMidnight(nextDay(q.to));
  const { db } = deps;
  const [{ calendar }, items, bundles, byType, byMonth, acceptances, days] = await Promise.all([
    getCalendarInForce(deps, now),
    requestedItems(db, scope, from, to),
    requestedBundles(db, scope, from, to),
    reuseByType(db, scope, from, to),
    reuseByMonth(db, scope, from, to),
    acceptancesByHour(db, scope, from, to),
    handlingDays(db, scope, from, to),
  ]);
  // Working days from acceptance to decision: W(decided) − W(accepted), summed per item over the days' counts.
  const perItem = new Map<string, { decided: number; days: number }>();
  for (const d of days) {
    const e = perItem.get(d.implementationCode) ?? { decided: 0, days: 0 };
    perItem.set(d.implementationCode, e);
    const w = d.cases * workingDaysBetween(calendar, q.from, d.day);
    if (d.kind === 'decided') {
      e.decided += d.cases;
      e.days += w;
    } else e.days -= w;
  }
  const limits = await itemLimits(db, [...perItem.keys()]);
  const handling = [...perItem.entries()]
    .map(([code, e]) => {
      const item = limits.get(code);
      const statutory = item?.statutory ?? null;
      const promised = item?.promised ?? null;
      const avg = e.decided === 0 ? null : round(e.days / e.decided, 1);
      const compression = (days: number | null) =>
        statutory && days !== null ? round(1 - days / statutory, 3) : null;
      return {
        implementationCode: code,
        name: item?.name ?? code,
        decided: e.decided,
        statutoryLimit: statutory,
        promisedLimit: promised,
        avgWorkingDays: avg,
        promisedCompression: compression(promised),
        measuredCompression: compression(avg),
      };
    })
    .sort((a, b) => b.decided - a.decided || a.implementationCode.localeCompare(b.implementationCode));
  return {
    from: q.from,
    to: q.to,
    items,
    bundles,
    reuseByType: byType,
    reuseByMonth: byMonth,
    acceptances,
    handling,
  };
}
