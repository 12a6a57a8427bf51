// Department inboxes over the Task projection, for GET /api/tasks (tasks.router.ts).
import type { InboxTask, ListTasksQuery, TaskPage, TimeStatus } from '@onewindow/contracts';
import {
  addWorkingDays,
  DEFAULT_WARNING_THRESHOLDS,
  toShanghaiDate,
  workingDaysBetween,
} from '@onewindow/calendar';
import { kindOfClient, type Db, type Prisma } from '@onewindow/db';
import type { Logger } from 'pino';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { ProblemError, ProblemType } from '../http/problem';
import { toProjectedTask } from '../cases/case-details';
import { stepNamesOf } from './step-names';

type TaskWhere = Prisma.TaskWhereInput;

/** The step clock of a task row as the inbox shows it (the projection keeps `clockState` and `clockReason`). */
const clockOf = (row: {
  state: string;
  clockState: string;
  clockReason: string | null;
}): InboxTask['clock'] =>
  row.state !== 'open' || row.clockState === 'running'
    ? { state: 'running', kind: null, reason: null }
    : {
        state: 'suspended',
        kind:
          row.clockState === 'supplement' || row.clockState === 'special_procedure' ? row.clockState : 'hold',
        reason: row.clockReason,
      };

/** Persons by their first character (张**), organisations by name: enough to recognise a row, not to copy it. */
export const maskedApplicantName = (kind: string, name: string): string =>
  kind === 'person' ? `${[...name][0] ?? ''}${'*'.repeat(Math.max(1, [...name].length - 1))}` : name;

/**
 * An applicant by part of the name, or by the ID number (resident ID, credit code) in full or masked as
 * lists show it (110105********002X: the visible head and tail match, the stars stand for the rest).
 */
function applicantWhere(text: string): Prisma.ApplicantWhereInput {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const masked = /^([0-9A-Z]*)\*+([0-9A-Z]*)$/.exec(compact);
  if (masked && masked[1].length + masked[2].length >= 4)
    return {
      idNumber: {
        ...(masked[1] ? { startsWith: masked[1] } : {}),
        ...(masked[2] ? { endsWith: masked[2] } : {}),
      },
    };
  if (/^(\d{15}|\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})$/.test(compact))
    return { idNumber: { in: [compact, compact.toLowerCase()] } };
  return { name: { contains: text } };
}

/** A range whose end is before its start finds nothing: say so instead (400, naming the field). */
function assertRanges(q: ListTasksQuery): void {
  const reversed = [
    ['arrivedFrom', 'arrivedTo', q.arrivedFrom, q.arrivedTo],
    ['dueFrom', 'dueTo', q.dueFrom, q.dueTo],
  ].filter(([, , from, to]) => from && to && from > to);
  if (reversed.length > 0)
    throw new ProblemError(
      400,
      ProblemType.validation,
      'Invalid request',
      `The query is invalid — ${reversed.map(([from, to]) => `${to} is before ${from}: swap the two days`).join('; ')}`,
      reversed.map(([from, to]) => ({
        path: to!,
        message: `${to} is before ${from}: swap the two days`,
      })),
    );
}

/** Ids per query when the filters are applied to a person's tasks by key (below the drivers' parameter limits). */
const IDS_PER_QUERY = 500;

type HeldTask = { id: string; dueDate: string | null; caseNo: string; stepId: string };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The inbox order: by due date, undated last, then case and step (as the department's page reads them). */
const inboxOrder = (a: HeldTask, b: HeldTask) =>
  (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0) ||
  compare(a.dueDate ?? '', b.dueDate ?? '') ||
  compare(a.caseNo, b.caseNo) ||
  compare(a.stepId, b.stepId);

/**
 * One page of the tasks a person holds in a department and state: their TaskHolder rows (userId index), each
 * task by key, the other filters applied to those ids, the order and the page taken here. A per-task holder
 * test (EXISTS) visited every task of the department; and SQLite, which has no statistics here (nothing runs
 * ANALYZE), starts any plan that names the department from the department's index — CROSS JOIN keeps the
 * person first. PostgreSQL plans the join itself.
 */
async function heldTaskPage(
  db: Db,
  userId: string,
  departmentCode: string,
  state: string,
  filters: TaskWhere[],
  skip: number,
  take: number,
): Promise<{ ids: string[]; total: number }> {
  let held =
    kindOfClient(db) === 'sqlite'
      ? await db.$queryRaw<HeldTask[]>`
          SELECT t."id", t."dueDate", t."caseNo", t."stepId" FROM "TaskHolder" h CROSS JOIN "Task" t ON t."id" = h."taskId"
          WHERE h."userId" = ${userId} AND t."departmentCode" = ${departmentCode} AND t."state" = ${state}`
      : await db.$queryRaw<HeldTask[]>`
          SELECT t."id", t."dueDate", t."caseNo", t."stepId" FROM "TaskHolder" h JOIN "Task" t ON t."id" = h."taskId"
          WHERE h."userId" = ${userId} AND t."departmentCode" = ${departmentCode} AND t."state" = ${state}`;
  if (filters.length > 0) {
    const kept = new Set<string>();
    for (let i = 0; i < held.length; i += IDS_PER_QUERY) {
      const ids = held.slice(i, i + IDS_PER_QUERY).map((t) => t.id);
      const rows = await db.task.findMany({
        where: { AND: [{ id: { in: ids } }, ...filters] },
        select: { id: true },
      });
      for (const row of rows) kept.add(row.id);
    }
    held = held.filter((t) => kept.has(t.id));
  }
  held.sort(inboxOrder);
  return { ids: held.slice(skip, skip + take).map((t) => t.id), total: held.length };
}

/** At most this many catalogue codes stand for an item-name search term. */
const SEARCH_ITEM_CODES = 500;

/** Free text: part of the case number, the applicant (as applicantWhere), or an item's name or code. */
async function searchWhere(db: Db, text: string): Promise<TaskWhere> {
  const items = await db.item.findMany({
    // Codes are upper case; PostgreSQL compares case-sensitively.
    where: {
      OR: [
        { name: { contains: text } },
        { implementationCode: { contains: text } },
        { implementationCode: { contains: text.toUpperCase() } },
      ],
    },
    select: { implementationCode: true },
    distinct: ['implementationCode'],
    take: SEARCH_ITEM_CODES,
  });
  const codes = items.map((i) => i.implementationCode);
  return {
    OR: [
      { caseNo: { contains: text.toUpperCase() } },
      { case: { applicant: applicantWhere(text) } },
      ...(codes.length > 0 ? [{ case: { items: { some: { implementationCode: { in: codes } } } } }] : []),
    ],
  };
}

/** Start of a Shanghai day (UTC+8, no daylight saving) as an instant. */
const shanghaiStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * One page of an inbox, the least remaining time first (the earliest due date; a stopped step clock, which
 * has no running due date, last). The time status and remaining working days count from today (Shanghai)
 * by the calendar in force; the time-status filter compares due dates with the same calendar's days. Every
 * filter narrows the department's rows, so the (departmentCode, state, dueDate / openedAt) indexes lead.
 */
export async function taskInboxPage(
  deps: { db: Db; logger: Logger },
  q: ListTasksQuery,
  me: { id: string; roles?: readonly string[] },
  now: Date = new Date(),
): Promise<TaskPage> {
  const { db } = deps;
  assertRanges(q);
  const { calendar } = await getCalendarInForce(deps, now);
  const today = toShanghaiDate(now.getTime());
  const warningUntil = addWorkingDays(calendar, today, DEFAULT_WARNING_THRESHOLDS.warningDays ?? 3);
  const holds = (userId: string): TaskWhere => ({
    OR: [{ assigneeUserId: userId }, { holders: { some: { userId } } }],
  });

  const where: TaskWhere[] = [{ departmentCode: q.department }];
  switch (q.view) {
    case 'to_claim':
      // Offered to my role group in this department (its seat is the holder `group:<department>/<role>`), or to a 转办 group naming me.
      where.push(
        { state: 'open', claimState: 'unclaimed' },
        {
          OR: [
            {
              holders: {
                some: { userId: { in: (me.roles ?? []).map((r) => `group:${q.department}/${r}`) } },
              },
            },
            holds(me.id),
          ],
        },
      );
      break;
    case 'mine':
    case 'done':
      break;
    case 'supplement':
    case 'special':
    case 'department':
      where.push({ state: 'open' });
      break;
    case undefined:
      if (!q.assignee) where.push({ state: q.state });
  }
  // mine, done, `assignee`: one person's tasks, found from their TaskHolder rows (heldPage below).
  const holder =
    q.view === 'mine' || q.view === 'done' ? me.id : q.view === undefined ? q.assignee : undefined;
  if (q.caseNo) where.push({ caseNo: { contains: q.caseNo } });
  if (q.item) where.push({ case: { items: { some: { implementationCode: q.item } } } });
  if (q.arrivedFrom) where.push({ openedAt: { gte: shanghaiStart(q.arrivedFrom) } });
  if (q.arrivedTo) where.push({ openedAt: { lt: shanghaiStart(nextDay(q.arrivedTo)) } });
  if (q.dueFrom) where.push({ dueDate: { gte: q.dueFrom } });
  if (q.dueTo) where.push({ dueDate: { lte: q.dueTo } });
  if (q.applicant) where.push({ case: { applicant: applicantWhere(q.applicant) } });
  if (q.search) where.push(await searchWhere(db, q.search));

  // The step clock is a column of the row (the projection writes it with the clock's events).
  if (q.view === 'supplement') where.push({ clockState: 'supplement' });
  if (q.view === 'special') where.push({ clockState: 'special_procedure' });
  // A stopped step clock has no time status.
  if (q.timeStatus) {
    const byStatus: Record<TimeStatus, TaskWhere> = {
      overdue: { dueDate: { lt: today } },
      warning: { dueDate: { gte: today, lte: warningUntil } },
      normal: { dueDate: { gt: warningUntil } },
    };
    where.push(byStatus[q.timeStatus], { clockState: 'running' });
  }

  // A stopped step clock (补正, at the window) has no due date: those tasks come after the dated ones, on
  // SQLite and PostgreSQL alike. Two reads in index order (dated by due date, then undated) instead of one
  // ORDER BY "dueDate IS NULL", which no index serves: it sorted every row of the department for each page.
  const include = { holders: true, case: { include: { applicant: true, items: true } } } as const;
  const datedWhere: TaskWhere = { AND: [...where, { dueDate: { not: null } }] };
  const undatedWhere: TaskWhere = { AND: [...where, { dueDate: null }] };
  const readPage = (
    w: TaskWhere,
    orderBy: Prisma.TaskOrderByWithRelationInput[],
    skip: number,
    take: number,
  ) => db.task.findMany({ where: w, include, orderBy, skip, take });
  // A grouped count is one plain COUNT over the (departmentCode, state, dueDate) index (count() wraps a subquery).
  const countOf = async (w: TaskWhere) =>
    (await db.task.groupBy({ by: ['departmentCode'], where: w, _count: { _all: true } })).reduce(
      (n, g) => n + g._count._all,
      0,
    );
  const skip = (q.page - 1) * q.pageSize;
  const departmentPage = async () => {
    const [datedRows, datedTotal, undatedTotal] = await Promise.all([
      readPage(datedWhere, [{ dueDate: 'asc' }, { caseNo: 'asc' }, { stepId: 'asc' }], skip, q.pageSize),
      countOf(datedWhere),
      countOf(undatedWhere),
    ]);
    const rest = q.pageSize - datedRows.length;
    const undatedRows =
      rest > 0 && undatedTotal > 0
        ? await readPage(
            undatedWhere,
            [{ caseNo: 'asc' }, { stepId: 'asc' }],
            Math.max(0, skip - datedTotal),
            rest,
          )
        : [];
    return { rows: [...datedRows, ...undatedRows], total: datedTotal + undatedTotal };
  };
  // where[0] is the department; for the holder views the switch added nothing else.
  const heldPage = async (userId: string) => {
    const state = q.view === 'mine' ? 'open' : q.view === 'done' ? 'done' : q.state;
    const page = await heldTaskPage(db, userId, q.department, state, where.slice(1), skip, q.pageSize);
    const found = await db.task.findMany({ where: { id: { in: page.ids } }, include });
    const byId = new Map(found.map((r) => [r.id, r]));
    return { rows: page.ids.flatMap((id) => byId.get(id) ?? []), total: page.total };
  };
  const { rows, total } = holder === undefined ? await departmentPage() : await heldPage(holder);

  const caseNos = [...new Set(rows.map((r) => r.caseNo))];
  const [itemNames, stepNames, reminders] = await Promise.all([
    itemNamesOf(
      db,
      rows.flatMap((r) => r.case.items.map((i) => i.implementationCode)),
    ),
    stepNamesOf(
      db,
      rows.map((r) => r.case.flowVersionId),
    ),
    db.clockEvent.groupBy({
      by: ['caseNo', 'clockId'],
      where: { caseNo: { in: caseNos }, kind: 'reminder' },
      _count: { _all: true },
    }),
  ]);
  const claimers = await db.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => (r.claimedBy ? [r.claimedBy] : [])))] } },
    select: { id: true, displayName: true },
  });
  const claimerName = new Map(claimers.map((u) => [u.id, u.displayName]));
  const reminderCount = new Map(reminders.map((r) => [`${r.caseNo}\u0000${r.clockId}`, r._count._all]));

  const items: InboxTask[] = rows.map((row) => {
    const clock = clockOf(row);
    const dated = clock.state === 'running' && row.dueDate !== null && row.state === 'open';
    const remaining = dated ? workingDaysBetween(calendar, today, row.dueDate!) : null;
    const timeStatus: TimeStatus | null = !dated
      ? null
      : row.dueDate! < today
        ? 'overdue'
        : row.dueDate! <= warningUntil
          ? 'warning'
          : 'normal';
    return {
      ...toProjectedTask(row),
      stepName: stepNames.get(`${row.case.flowVersionId}\u0000${row.stepId}`) ?? row.stepId,
      items: row.case.items.map((i) => ({
        implementationCode: i.implementationCode,
        name: itemNames.get(i.implementationCode) ?? i.implementationCode,
      })),
      applicant: {
        kind: row.case.applicant.kind,
        name: maskedApplicantName(row.case.applicant.kind, row.case.applicant.name),
      },
      remainingWorkingDays: remaining,
      timeStatus,
      clock,
      reminders: reminderCount.get(`${row.caseNo}\u0000step:${row.stepId}`) ?? 0,
      claim: {
        state: row.claimState === 'unclaimed' || row.claimState === 'claimed' ? row.claimState : null,
        by: row.claimedBy,
        byName: row.claimedBy ? (claimerName.get(row.claimedBy) ?? row.claimedBy) : null,
        at: row.claimedAt?.toISOString() ?? null,
      },
    };
  });
  return { items, page: q.page, pageSize: q.pageSize, total, today };
}

/** The catalogue name of each implementation code (its newest version). */
export async function itemNamesOf(db: Db, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.item.findMany({
    where: { implementationCode: { in: unique } },
    select: { implementationCode: true, name: true, version: true },
    orderBy: { version: 'asc' },
  });
  return new Map(rows.map((r) => [r.implementationCode, r.name]));
}
