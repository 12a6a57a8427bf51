import { kindOfClient, Prisma, type Db } from '@onewindow/db';

/** `null`: every department (the centre supervisor without a filter). */
export type DepartmentScope = readonly string[] | null;

const inScope = (scope: DepartmentScope) => (scope ? { departmentCode: { in: [...scope] } } : {});

/** Open tasks with a due date on or before `lastDue`, earliest first, with their holders and case dates. */
export function openTasksDueBy(db: Db, scope: DepartmentScope, lastDue: string, take: number) {
  return db.task.findMany({
    where: { state: 'open', dueDate: { not: null, lte: lastDue }, ...inScope(scope) },
    orderBy: [{ dueDate: 'asc' }, { caseNo: 'asc' }, { stepId: 'asc' }],
    take,
    include: {
      holders: { select: { userId: true } },
      case: { select: { statutoryDueDate: true, flowVersionId: true } },
    },
  });
}

/** Reminders (the workflow's and 催办) per case and step clock. */
export async function reminderCounts(db: Db, caseNos: string[]): Promise<Map<string, number>> {
  if (caseNos.length === 0) return new Map();
  const rows = await db.clockEvent.groupBy({
    by: ['caseNo', 'clockId'],
    where: { caseNo: { in: caseNos }, kind: 'reminder' },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [`${r.caseNo}\u0000${r.clockId}`, r._count._all]));
}

/** Overdue escalations recorded since `since` (ClockEvent kind `overdue`), newest first. */
export function escalationEvents(db: Db, since: Date, take: number) {
  return db.clockEvent.findMany({
    where: { kind: 'overdue', at: { gte: since } },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take,
    select: { caseNo: true, clockId: true, at: true, payload: true },
  });
}

/** The task rows of the given steps (all generations), to tell their department and whether they are open. */
export function tasksOfSteps(db: Db, steps: { caseNo: string; stepId: string }[]) {
  if (steps.length === 0) return Promise.resolve([]);
  return db.task.findMany({
    where: { OR: steps.map((s) => ({ caseNo: s.caseNo, stepId: s.stepId })) },
    select: { caseNo: true, stepId: true, seq: true, state: true, departmentCode: true },
  });
}

/**
 * Extension requests and approvals (Decision rows) of the cases with an open task in scope, in event order: a
 * request not followed by an approval of the same step is waiting.
 */
export function extensionDecisions(db: Db, scope: DepartmentScope) {
  return db.decision.findMany({
    where: {
      verb: { in: ['extension_requested', 'extension_approved'] },
      case: { tasks: { some: { state: 'open', ...inScope(scope) } } },
    },
    orderBy: [{ caseNo: 'asc' }, { eventSeq: 'asc' }],
    select: {
      caseNo: true,
      eventSeq: true,
      stepId: true,
      verb: true,
      actorUserId: true,
      payload: true,
      decidedAt: true,
      case: { select: { statutoryDueDate: true, flowVersionId: true } },
    },
  });
}

/** The open task of a step (its latest generation), or null. */
export function openTaskOfStep(db: Db, caseNo: string, stepId: string) {
  return db.task.findFirst({
    where: { caseNo, stepId, state: 'open' },
    orderBy: { seq: 'desc' },
    include: { holders: { select: { userId: true } } },
  });
}

/** The department of a step: its latest task row's. */
export async function departmentOfStep(db: Db, caseNo: string, stepId: string): Promise<string | undefined> {
  const row = await db.task.findFirst({
    where: { caseNo, stepId },
    orderBy: { seq: 'desc' },
    select: { departmentCode: true },
  });
  return row?.departmentCode;
}

export async function departmentNames(db: Db, codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(codes)];
  if (list.length === 0) return new Map();
  const rows = await db.department.findMany({
    where: { code: { in: list } },
    select: { code: true, name: true },
  });
  return new Map(rows.map((d) => [d.code, d.name]));
}

export async function userNames(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = await db.user.findMany({
    where: { id: { in: list } },
    select: { id: true, displayName: true },
  });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/**
 * 催办: a `reminder` ClockEvent on the step's clock, so the holders' inbox counts it like the workflow's
 * reminders (and the live feed's trigger tells them). People's reminders are not workflow events: they take
 * negative event numbers (-1, -2, … per case), which no workflow event uses; a concurrent one retries.
 */
export async function recordUrge(
  db: Db,
  row: { caseNo: string; stepId: string; at: Date; by: string; to: string[]; message: string },
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const lowest = await db.clockEvent.aggregate({
      where: { caseNo: row.caseNo, eventSeq: { lt: 0 } },
      _min: { eventSeq: true },
    });
    const seq = Math.min(0, lowest._min.eventSeq ?? 0) - 1;
    try {
      await db.clockEvent.create({
        data: {
          id: `${row.caseNo}:urge${seq}`,
          caseNo: row.caseNo,
          eventSeq: seq,
          clockId: `step:${row.stepId}`,
          kind: 'reminder',
          at: row.at,
          reason: row.message,
          payload: JSON.stringify({ urge: true, by: row.by, to: row.to, message: row.message }),
        },
      });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

const inDepartments = (column: Prisma.Sql, scope: DepartmentScope): Prisma.Sql =>
  scope
    ? scope.length > 0
      ? Prisma.sql`AND ${column} IN (${Prisma.join([...scope])})`
      : Prisma.sql`AND 1 = 0`
    : Prisma.empty;

/**
 * The Asia/Shanghai day (YYYY-MM-DD) of a DateTime column, in the database: Prisma keeps DateTimes as ISO text
 * with an offset on SQLite and as UTC timestamps on PostgreSQL. Shanghai has kept UTC+8 without daylight saving
 * since 1991, so eight hours are added on both.
 */
export const shanghaiDay = (db: Db, column: Prisma.Sql): Prisma.Sql =>
  kindOfClient(db) === 'postgresql'
    ? Prisma.sql`to_char(${column} + interval '8 hours', 'YYYY-MM-DD')`
    : Prisma.sql`date(${column}, '+8 hours')`;

const count = (value: bigint | number | null): number => (value === null ? 0 : Number(value));

/**
 * Open tasks on `on` per department: all, due in [on, weekEnd], and due before `on` — one raw statement (ADR
 * 0007) reading the (departmentCode, state, dueDate, …) index.
 */
export function openWorkStatement(scope: DepartmentScope, on: string, weekEnd: string): Prisma.Sql {
  return Prisma.sql`
    SELECT t."departmentCode" AS "departmentCode", COUNT(*) AS "open",
      SUM(CASE WHEN t."dueDate" >= ${on} AND t."dueDate" <= ${weekEnd} THEN 1 ELSE 0 END) AS "dueThisWeek",
      SUM(CASE WHEN t."dueDate" < ${on} THEN 1 ELSE 0 END) AS "overdue"
    FROM "Task" t
    WHERE t."state" = 'open' ${inDepartments(Prisma.sql`t."departmentCode"`, scope)}
    GROUP BY t."departmentCode"`;
}

export async function openWorkCounts(
  db: Db,
  scope: DepartmentScope,
  on: string,
  weekEnd: string,
): Promise<Map<string, { open: number; dueThisWeek: number; overdue: number }>> {
  const rows = await db.$queryRaw<
    { departmentCode: string; open: bigint; dueThisWeek: bigint | null; overdue: bigint | null }[]
  >(openWorkStatement(scope, on, weekEnd));
  return new Map(
    rows.map((r) => [
      r.departmentCode,
      { open: count(r.open), dueThisWeek: count(r.dueThisWeek), overdue: count(r.overdue) },
    ]),
  );
}

/** The tasks of a department decided on one day and opened on one day (Shanghai days), with their sums. */
export interface DecidedDayRow {
  departmentCode: string;
  closedDay: string;
  openedDay: string;
  tasks: number;
  /** Closed on or before their due day (or without one). */
  onTime: number;
  statutorySum: number;
  statutoryCount: number;
  promisedSum: number;
  promisedCount: number;
}

const decidedIn = (scope: DepartmentScope, from: Date, to: Date) =>
  Prisma.sql`t."state" = 'done' AND t."closedAt" >= ${from} AND t."closedAt" < ${to}
    ${inDepartments(Prisma.sql`t."departmentCode"`, scope)}`;

/**
 * The tasks decided (done) in [from, to), aggregated in the database per department, day closed and day opened:
 * how many, how many on time (closed on or before their due day) and the sums of the strictest working-day
 * statutory and promised limits of their case's items in the task's department. One raw statement (ADR 0007)
 * over the (state, closedAt, departmentCode) index.
 */
export function decidedDaysStatement(db: Db, scope: DepartmentScope, from: Date, to: Date): Prisma.Sql {
  const closed = shanghaiDay(db, Prisma.sql`t."closedAt"`);
  // The inner query gives one row per task (its limits once: the items joined and grouped by the task), the
  // outer one sums them per department and days.
  return Prisma.sql`
    SELECT d."dep" AS "departmentCode", d."closedDay", d."openedDay", COUNT(*) AS "tasks",
      SUM(d."onTime") AS "onTime",
      SUM(d."statutory") AS "statutorySum", COUNT(d."statutory") AS "statutoryCount",
      SUM(d."promised") AS "promisedSum", COUNT(d."promised") AS "promisedCount"
    FROM (
      SELECT t."departmentCode" AS "dep", ${closed} AS "closedDay",
        ${shanghaiDay(db, Prisma.sql`t."openedAt"`)} AS "openedDay",
        CASE WHEN t."dueDate" IS NULL OR ${closed} <= t."dueDate" THEN 1 ELSE 0 END AS "onTime",
        MIN(CASE WHEN i."statutoryLimitUnit" = 'working_day' THEN i."statutoryLimitValue" END) AS "statutory",
        MIN(CASE WHEN i."promisedLimitUnit" = 'working_day' THEN i."promisedLimitValue" END) AS "promised"
      FROM "Task" t
        LEFT JOIN "CaseItem" ci ON ci."caseNo" = t."caseNo"
        LEFT JOIN "Item" i ON i."implementationCode" = ci."implementationCode" AND i."version" = ci."itemVersion"
          AND i."departmentCode" = t."departmentCode"
      WHERE ${decidedIn(scope, from, to)}
      GROUP BY t."id", t."departmentCode", t."closedAt", t."openedAt", t."dueDate"
    ) d
    GROUP BY d."dep", d."closedDay", d."openedDay"`;
}

export async function decidedDays(
  db: Db,
  scope: DepartmentScope,
  from: Date,
  to: Date,
): Promise<DecidedDayRow[]> {
  const rows = await db.$queryRaw<Record<keyof DecidedDayRow, string | number | bigint | null>[]>(
    decidedDaysStatement(db, scope, from, to),
  );
  return rows.map((r) => ({
    departmentCode: String(r.departmentCode),
    closedDay: String(r.closedDay),
    openedDay: String(r.openedDay),
    tasks: count(r.tasks as bigint),
    onTime: Number(r.onTime ?? 0),
    statutorySum: Number(r.statutorySum ?? 0),
    statutoryCount: Number(r.statutoryCount ?? 0),
    promisedSum: Number(r.promisedSum ?? 0),
    promisedCount: Number(r.promisedCount ?? 0),
  }));
}

/**
 * Per department: its cases ended by 终止办理 in [from, to) — status `terminated`, by the time of their
 * `terminate` decision — each counted once per department that had a task on it. The few terminated cases are
 * read first, by the Case(status, …) index, their decisions and tasks by case: CROSS JOIN keeps that order on
 * SQLite (no statistics: scoped to a department it would start from the department's tasks), and `|| ''` keeps
 * it from looking a case's tasks up by the department's index; PostgreSQL reads it as an inner join and plans it
 * by its statistics.
 */
function terminatedStatement(scope: DepartmentScope, from: Date, to: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT t."departmentCode" AS "departmentCode", COUNT(DISTINCT c."caseNo") AS "terminated"
    FROM "Case" c CROSS JOIN "Decision" d CROSS JOIN "Task" t
    WHERE c."status" = 'terminated' AND d."caseNo" = c."caseNo" AND d."verb" = 'terminate'
      AND d."decidedAt" >= ${from} AND d."decidedAt" < ${to} AND t."caseNo" = c."caseNo"
      ${inDepartments(Prisma.sql`t."departmentCode" || ''`, scope)}
    GROUP BY t."departmentCode"`;
}

export async function terminatedCounts(
  db: Db,
  scope: DepartmentScope,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ departmentCode: string; terminated: bigint | number }[]>(
    terminatedStatement(scope, from, to),
  );
  return new Map(rows.map((r) => [r.departmentCode, count(r.terminated)]));
}

/** How many tasks of every department were decided in [from, to): a count read from the index alone. */
export const decidedCountStatement = (from: Date, to: Date): Prisma.Sql =>
  Prisma.sql`SELECT COUNT(*) AS "tasks" FROM "Task" t WHERE ${decidedIn(null, from, to)}`;

export async function decidedCount(db: Db, from: Date, to: Date): Promise<number> {
  const rows = await db.$queryRaw<{ tasks: bigint | number }[]>(decidedCountStatement(from, to));
  return Number(rows[0]?.tasks ?? 0);
}

/** The departments of the directory with a task, each found by one seek into the (departmentCode, …) index. */
export const departmentsStatement = (): Prisma.Sql => Prisma.sql`
  SELECT d."code" FROM "Department" d WHERE EXISTS (SELECT 1 FROM "Task" t WHERE t."departmentCode" = d."code")`;

/** Departments that have any task in scope (the figures list every one, even with nothing in the period). */
export async function departmentsWithTasks(db: Db, scope: DepartmentScope): Promise<string[]> {
  if (scope) return [...scope];
  const rows = await db.$queryRaw<{ code: string }[]>(departmentsStatement());
  return rows.map((r) => r.code);
}
