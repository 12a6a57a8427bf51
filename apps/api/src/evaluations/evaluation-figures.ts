// 好差评 figures for supervisors (rates per department and item, the 差评 handling rate) and the records export
// in the fields provincial evaluation systems take. Raw statements (ADR 0007) over the Evaluation(createdAt) index.
import { toShanghaiDate } from '@onewindow/calendar';
import {
  evaluationGradeLabels,
  type EvaluationFigures,
  type EvaluationFiguresQuery,
  type EvaluationGrade,
} from '@onewindow/contracts';
import { Prisma, type Db } from '@onewindow/db';

type Scope = readonly string[] | null;

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const period = (q: { from: string; to: string }) => ({
  from: new Date(`${q.from}T00:00:00+08:00`),
  to: new Date(`${nextDay(q.to)}T00:00:00+08:00`),
});
const n = (v: unknown) => Number(v ?? 0);
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const inScope = (scope: Scope) =>
  scope ? Prisma.sql`AND i."departmentCode" IN (${Prisma.join([...scope, ''])})` : Prisma.empty;
const rated = (from: Date, to: Date, join: Prisma.Sql = Prisma.empty) =>
  Prisma.sql`"Evaluation" e ${join} JOIN "CaseItem" ci ON ci."caseNo" = e."caseNo"
    JOIN "Item" i ON i."implementationCode" = ci."implementationCode" AND i."version" = ci."itemVersion"
    WHERE e."createdAt" >= ${from} AND e."createdAt" < ${to}`;

/**
 * Per department of the rated cases' items and per item: ratings, 差评 and the 好评率 (grades 5–3); per department
 * also the rectification orders of those ratings, closed, overdue on `on` (default today: escalated), and the
 * handling rate (closed over all).
 */
export async function evaluationFigures(
  db: Db,
  scope: Scope,
  q: EvaluationFiguresQuery,
  now: Date = new Date(),
): Promise<EvaluationFigures> {
  const { from, to } = period(q);
  const today = q.on ?? toShanghaiDate(now.getTime());
  const orderScope = scope
    ? Prisma.sql`AND o."departmentCode" IN (${Prisma.join([...scope, ''])})`
    : Prisma.empty;
  const [items, departments, orders] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT ci."implementationCode" AS "code", MAX(i."name") AS "name", i."departmentCode" AS "dep",
        COUNT(DISTINCT e."id") AS "ratings", COUNT(DISTINCT CASE WHEN e."rating" <= 2 THEN e."id" END) AS "bad"
      FROM ${rated(from, to)} ${inScope(scope)}
      GROUP BY ci."implementationCode", i."departmentCode"
      ORDER BY COUNT(DISTINCT e."id") DESC, ci."implementationCode"`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT i."departmentCode" AS "dep", COUNT(DISTINCT e."id") AS "ratings",
        COUNT(DISTINCT CASE WHEN e."rating" <= 2 THEN e."id" END) AS "bad"
      FROM ${rated(from, to)} ${inScope(scope)}
      GROUP BY i."departmentCode"`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT o."departmentCode" AS "dep", COUNT(*) AS "orders",
        SUM(CASE WHEN o."state" = 'closed' THEN 1 ELSE 0 END) AS "closed",
        SUM(CASE WHEN o."state" <> 'closed' AND o."deadline" < ${today} THEN 1 ELSE 0 END) AS "overdue"
      FROM "RectificationOrder" o JOIN "Evaluation" e ON e."id" = o."evaluationId"
      WHERE e."createdAt" >= ${from} AND e."createdAt" < ${to} ${orderScope}
      GROUP BY o."departmentCode"`,
  ]);
  const byDepartment = new Map<
    string,
    { ratings: number; bad: number; orders: number; closed: number; overdue: number }
  >();
  const entry = (code: string) => {
    const found = byDepartment.get(code) ?? { ratings: 0, bad: 0, orders: 0, closed: 0, overdue: 0 };
    byDepartment.set(code, found);
    return found;
  };
  for (const d of departments) Object.assign(entry(String(d.dep)), { ratings: n(d.ratings), bad: n(d.bad) });
  for (const o of orders)
    Object.assign(entry(String(o.dep)), { orders: n(o.orders), closed: n(o.closed), overdue: n(o.overdue) });
  const names = new Map(
    (
      await db.department.findMany({
        where: { code: { in: [...new Set([...byDepartment.keys(), ...items.map((r) => String(r.dep))])] } },
        select: { code: true, name: true },
      })
    ).map((d) => [d.code, d.name]),
  );
  return {
    from: q.from,
    to: q.to,
    departments: [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, d]) => ({
        departmentCode: code,
        departmentName: names.get(code) ?? code,
        ratings: d.ratings,
        bad: d.bad,
        goodRate: rate(d.ratings - d.bad, d.ratings),
        orders: d.orders,
        closedOrders: d.closed,
        overdueOrders: d.overdue,
        handlingRate: rate(d.closed, d.orders),
      })),
    items: items.map((r) => ({
      implementationCode: String(r.code),
      name: String(r.name ?? r.code),
      departmentCode: String(r.dep),
      departmentName: names.get(String(r.dep)) ?? String(r.dep),
      ratings: n(r.ratings),
      bad: n(r.bad),
      goodRate: rate(n(r.ratings) - n(r.bad), n(r.ratings)),
    })),
  };
}

/**
 * The rating records of the period, one row per rated item, in the fields provincial evaluation systems take:
 * case number, item code, name and version, department code, channel, grade, time, the staff evaluated (the
 * window clerk who opened a counter rating; for an online rating the clerk who accepted the case).
 */
export async function evaluationRecords(db: Db, scope: Scope, q: EvaluationFiguresQuery) {
  const { from, to } = period(q);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT e."caseNo", ci."implementationCode", i."name", ci."itemVersion", i."departmentCode", e."channel",
      e."rating", e."round", e."createdAt", COALESCE(e."evaluatedBy", c."acceptedBy") AS "staff"
    FROM ${rated(from, to, Prisma.sql`JOIN "Case" c ON c."caseNo" = e."caseNo"`)} ${inScope(scope)}
    ORDER BY e."createdAt", e."caseNo", ci."implementationCode"`;
  const staffIds = [...new Set(rows.map((r) => r.staff).filter((s): s is string => typeof s === 'string'))];
  const users = new Map(
    (
      await db.user.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } })
    ).map((u) => [u.id, u.displayName]),
  );
  return rows.map((r) => {
    const grade = n(r.rating) as EvaluationGrade;
    const staff = typeof r.staff === 'string' ? r.staff : null;
    return {
      caseNo: String(r.caseNo),
      itemCode: String(r.implementationCode),
      itemName: String(r.name),
      itemVersion: n(r.itemVersion),
      departmentCode: String(r.departmentCode),
      channel: String(r.channel),
      grade,
      gradeLabel: evaluationGradeLabels[grade]?.zh ?? String(grade),
      round: n(r.round),
      at: new Date(r.createdAt as string | Date).toISOString(),
      staffId: staff,
      staffName: staff ? (users.get(staff) ?? staff) : null,
    };
  });
}
