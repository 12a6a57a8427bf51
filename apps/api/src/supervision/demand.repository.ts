import { kindOfClient, Prisma, type Db } from '@onewindow/db';
import { shanghaiDay, type DepartmentScope } from './supervision.repository';

/**
 * The demand analytics' raw statements (ADR 0007): each reads the period's cases by the Case(acceptedAt) index and
 * aggregates in the database. A department's view keeps the cases with an item of the department.
 */
const itemOf = Prisma.sql`"Item" i ON i."implementationCode" = ci."implementationCode" AND i."version" = ci."itemVersion"`;

function accepted(scope: DepartmentScope, from: Date, to: Date): Prisma.Sql {
  const base = Prisma.sql`c."acceptedAt" >= ${from} AND c."acceptedAt" < ${to}`;
  if (!scope) return base;
  if (scope.length === 0) return Prisma.sql`1 = 0`;
  return Prisma.sql`${base} AND EXISTS (SELECT 1 FROM "CaseItem" ci JOIN ${itemOf}
    WHERE ci."caseNo" = c."caseNo" AND i."departmentCode" IN (${Prisma.join([...scope])}))`;
}

const n = (v: unknown): number => Number(v ?? 0);

export async function requestedItems(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const inScope = scope
    ? Prisma.sql`AND i."departmentCode" IN (${Prisma.join([...scope, ''])})`
    : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ci."implementationCode" AS "code", MAX(i."name") AS "name", MAX(i."departmentCode") AS "dep",
      COUNT(*) AS "cases"
    FROM "Case" c JOIN "CaseItem" ci ON ci."caseNo" = c."caseNo" JOIN ${itemOf}
    WHERE ${accepted(null, from, to)} ${inScope}
    GROUP BY ci."implementationCode" ORDER BY COUNT(*) DESC, ci."implementationCode" LIMIT 20`;
  return rows.map((r) => ({
    implementationCode: String(r.code),
    name: String(r.name ?? r.code),
    departmentCode: String(r.dep ?? ''),
    cases: n(r.cases),
  }));
}

export async function requestedBundles(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT c."bundleCode" AS "code", COUNT(*) AS "cases",
      (SELECT b."name" FROM "Bundle" b WHERE b."code" = c."bundleCode" ORDER BY b."version" DESC LIMIT 1) AS "name"
    FROM "Case" c
    WHERE ${accepted(scope, from, to)} AND c."bundleCode" IS NOT NULL
    GROUP BY c."bundleCode" ORDER BY COUNT(*) DESC, c."bundleCode" LIMIT 20`;
  return rows.map((r) => ({ bundleCode: String(r.code), name: String(r.name ?? r.code), cases: n(r.cases) }));
}

export async function reuseByType(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT cert."typeCode" AS "code", MAX(ct."name") AS "name", COUNT(*) AS "reused"
    FROM "Case" c JOIN "CaseMaterial" m ON m."caseNo" = c."caseNo"
      JOIN "Certificate" cert ON cert."id" = m."certificateId"
      LEFT JOIN "CertificateType" ct ON ct."code" = cert."typeCode"
    WHERE ${accepted(scope, from, to)} AND m."provenance" = 'reused_certificate'
    GROUP BY cert."typeCode" ORDER BY COUNT(*) DESC, cert."typeCode"`;
  return rows.map((r) => ({
    typeCode: String(r.code),
    typeName: String(r.name ?? r.code),
    reused: n(r.reused),
  }));
}

export async function reuseByMonth(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const month = Prisma.sql`substr(${shanghaiDay(db, Prisma.sql`c."acceptedAt"`)}, 1, 7)`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${month} AS "month", SUM(CASE WHEN m."provenance" = 'reused_certificate' THEN 1 ELSE 0 END) AS "reused",
      COUNT(*) AS "materials"
    FROM "Case" c JOIN "CaseMaterial" m ON m."caseNo" = c."caseNo"
    WHERE ${accepted(scope, from, to)}
    GROUP BY ${month} ORDER BY ${month}`;
  return rows.map((r) => ({ month: String(r.month), reused: n(r.reused), materials: n(r.materials) }));
}

/** Acceptances per ISO weekday (1 Monday … 7 Sunday) and hour, in Asia/Shanghai (UTC+8). */
export async function acceptancesByHour(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const [weekday, hour] =
    kindOfClient(db) === 'postgresql'
      ? [
          Prisma.sql`EXTRACT(ISODOW FROM c."acceptedAt" + interval '8 hours')`,
          Prisma.sql`EXTRACT(HOUR FROM c."acceptedAt" + interval '8 hours')`,
        ]
      : [
          Prisma.sql`strftime('%w', c."acceptedAt", '+8 hours')`,
          Prisma.sql`strftime('%H', c."acceptedAt", '+8 hours')`,
        ];
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${weekday} AS "weekday", ${hour} AS "hour", COUNT(*) AS "cases"
    FROM "Case" c WHERE ${accepted(scope, from, to)}
    GROUP BY ${weekday}, ${hour}`;
  return rows
    .map((r) => ({ weekday: n(r.weekday) === 0 ? 7 : n(r.weekday), hour: n(r.hour), cases: n(r.cases) }))
    .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}

/**
 * Per item and day: the decided cases accepted in the period (decided or issued; decided when its last task closed), how
 * many were accepted and how many decided that day — the caller sums the working days as W(decided) − W(accepted).
 */
export async function handlingDays(db: Db, scope: DepartmentScope, from: Date, to: Date) {
  const acceptedDay = shanghaiDay(db, Prisma.sql`c."acceptedAt"`);
  const decidedDay = shanghaiDay(db, Prisma.sql`d."decidedAt"`);
  const inScope = scope
    ? Prisma.sql`AND i."departmentCode" IN (${Prisma.join([...scope, ''])})`
    : Prisma.empty;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH "decided" AS (
      SELECT c."caseNo", c."acceptedAt", MAX(t."closedAt") AS "decidedAt"
      FROM "Case" c JOIN "Task" t ON t."caseNo" = c."caseNo"
      WHERE ${accepted(null, from, to)} AND c."status" IN ('decided', 'issued')
      GROUP BY c."caseNo", c."acceptedAt"
    )
    SELECT ci."implementationCode" AS "code", 'accepted' AS "kind", ${acceptedDay} AS "day", COUNT(*) AS "cases"
    FROM "decided" c JOIN "CaseItem" ci ON ci."caseNo" = c."caseNo" JOIN ${itemOf}
    WHERE 1 = 1 ${inScope}
    GROUP BY ci."implementationCode", ${acceptedDay}
    UNION ALL
    SELECT ci."implementationCode", 'decided', ${decidedDay}, COUNT(*)
    FROM "decided" d JOIN "CaseItem" ci ON ci."caseNo" = d."caseNo" JOIN ${itemOf}
    WHERE 1 = 1 ${inScope}
    GROUP BY ci."implementationCode", ${decidedDay}`;
  return rows.map((r) => ({
    implementationCode: String(r.code),
    kind: r.kind === 'decided' ? ('decided' as const) : ('accepted' as const),
    day: String(r.day),
    cases: n(r.cases),
  }));
}

/** The items' names and limits (their latest version). */
export async function itemLimits(db: Db, codes: string[]) {
  if (codes.length === 0)
    return new Map<string, { name: string; statutory: number | null; promised: number | null }>();
  const rows = await db.item.findMany({
    where: { implementationCode: { in: codes } },
    orderBy: { version: 'asc' },
    select: {
      implementationCode: true,
      name: true,
      statutoryLimitValue: true,
      statutoryLimitUnit: true,
      promisedLimitValue: true,
      promisedLimitUnit: true,
    },
  });
  return new Map(
    rows.map((i) => [
      i.implementationCode,
      {
        name: i.name,
        statutory: i.statutoryLimitUnit === 'working_day' ? i.statutoryLimitValue : null,
        promised: i.promisedLimitUnit === 'working_day' ? i.promisedLimitValue : null,
      },
    ]),
  );
}
