import { Prisma, type Db } from '@onewindow/db';

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

/** Open tasks on `on` per department: all, due in [weekStart, weekEnd] from `on`, and due before `on`. */
export async function openWorkCounts(
  db: Db,
  scope: DepartmentScope,
  on: string,
  weekEnd: string,
): Promise<Map<string, { open: number; dueThisWeek: number; overdue: number }>> {
  const where = { state: 'open', ...inScope(scope) };
  const [open, dueThisWeek, overdue] = await Promise.all([
    db.task.groupBy({ by: ['departmentCode'], where, _count: { _all: true } }),
    db.task.groupBy({
      by: ['departmentCode'],
      where: { ...where, dueDate: { gte: on, lte: weekEnd } },
      _count: { _all: true },
    }),
    db.task.groupBy({
      by: ['departmentCode'],
      where: { ...where, dueDate: { lt: on } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map<string, { open: number; dueThisWeek: number; overdue: number }>();
  const entry = (code: string) => {
    const found = counts.get(code) ?? { open: 0, dueThisWeek: 0, overdue: 0 };
    counts.set(code, found);
    return found;
  };
  for (const r of open) entry(r.departmentCode).open = r._count._all;
  for (const r of dueThisWeek) entry(r.departmentCode).dueThisWeek = r._count._all;
  for (const r of overdue) entry(r.departmentCode).overdue = r._count._all;
  return counts;
}

/**
 * Tasks decided (done) in [from, to), each with the strictest working-day statutory and promised limits of its
 * case's items handled by the task's department (null when none is in working days). One raw statement: the
 * figures read every task of the period (a year is tens of thousands), so no model objects and no second query.
 */
export function closedTasks(
  db: Db,
  scope: DepartmentScope,
  from: Date,
  to: Date,
): Promise<
  {
    departmentCode: string;
    openedAt: Date;
    closedAt: Date;
    dueDate: string | null;
    statutory: number | null;
    promised: number | null;
  }[]
> {
  const departments = scope
    ? scope.length > 0
      ? Prisma.sql`AND t."departmentCode" IN (${Prisma.join([...scope])})`
      : Prisma.sql`AND 1 = 0`
    : Prisma.empty;
  return db.$queryRaw`
    SELECT t."departmentCode", t."openedAt", t."closedAt", t."dueDate",
      MIN(CASE WHEN i."statutoryLimitUnit" = 'working_day' THEN i."statutoryLimitValue" END) AS "statutory",
      MIN(CASE WHEN i."promisedLimitUnit" = 'working_day' THEN i."promisedLimitValue" END) AS "promised"
    FROM "Task" t
      LEFT JOIN "CaseItem" ci ON ci."caseNo" = t."caseNo"
      LEFT JOIN "Item" i ON i."implementationCode" = ci."implementationCode" AND i."version" = ci."itemVersion"
        AND i."departmentCode" = t."departmentCode"
    WHERE t."state" = 'done' AND t."closedAt" >= ${from} AND t."closedAt" < ${to} ${departments}
    GROUP BY t."id", t."departmentCode", t."openedAt", t."closedAt", t."dueDate"`;
}

/** Departments that have any task in scope (the figures list every one, even with nothing in the period). */
export async function departmentsWithTasks(db: Db, scope: DepartmentScope): Promise<string[]> {
  if (scope) return [...scope];
  const rows = await db.task.groupBy({ by: ['departmentCode'] });
  return rows.map((r) => r.departmentCode);
}
