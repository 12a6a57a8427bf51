// Department inboxes over the Task projection, for GET /api/tasks (tasks.router.ts).
import type { InboxTask, ListTasksQuery, TaskPage, TimeStatus } from '@onewindow/contracts';
import {
  addWorkingDays,
  DEFAULT_WARNING_THRESHOLDS,
  toShanghaiDate,
  workingDaysBetween,
} from '@onewindow/calendar';
import { Prisma, type Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { ProblemError, ProblemType } from '../http/problem';
import { stepNamesOf } from './step-names';
import { heldPage, inboxRows, indexedPage, toClaimPage, type TaskIdPage } from './inbox-sql';

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

/**
 * One page of the tasks a person holds in a department and state, with filters that need the case (item,
 * applicant, free text) or Prisma's text and instant comparisons (case number, arrival dates): their holder rows,
 * then the filters applied to those ids, the order and the page taken here.
 */
async function filteredHeldPage(
  db: Db,
  userId: string,
  conditions: Prisma.Sql[],
  filters: TaskWhere[],
  skip: number,
  take: number,
): Promise<TaskIdPage> {
  const all = (await heldPage(db, userId, conditions, 0, 1_000_000_000)).tasks;
  const kept = new Set<string>();
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) {
    const ids = all.slice(i, i + IDS_PER_QUERY).map((t) => t.id);
    const rows = await db.task.findMany({
      where: { AND: [{ id: { in: ids } }, ...filters] },
      select: { id: true },
    });
    for (const row of rows) kept.add(row.id);
  }
  const held = all.filter((t) => kept.has(t.id));
  return { tasks: held.slice(skip, skip + take), total: held.length };
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
 * by the calendar in force; the time-status filter compares due dates with the same calendar's days. Each view
 * is read by index in that order (inbox-sql.ts: the department's views from the Task indexes, a person's from
 * their holder rows, 待签收 from the role group seat on the row), counted by index, and its page's rows are read
 * in three statements. Filters that need the case or Prisma's comparisons (case number, arrival dates, item,
 * applicant, free text) go through Prisma's where instead.
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
  const groups = [...new Set((me.roles ?? []).map((r) => `group:${q.department}/${r}`))];
  // mine, done, `assignee`: one person's tasks, found from their TaskHolder rows.
  const holder =
    q.view === 'mine' || q.view === 'done' ? me.id : q.view === undefined ? q.assignee : undefined;
  const state = q.view === 'done' ? 'done' : q.view === undefined ? q.state : 'open';

  // The view and the filters the indexes serve, as SQL on "Task" t: the state, the step clock, due dates (a stopped
  // step clock has no time status). The department leads every statement (added below, or by inbox-sql.ts).
  const conditions: Prisma.Sql[] = [];
  if (q.view !== 'to_claim') conditions.push(Prisma.sql`t."state" = ${state}`);
  if (q.view === 'supplement') conditions.push(Prisma.sql`t."clockState" = 'supplement'`);
  if (q.view === 'special') conditions.push(Prisma.sql`t."clockState" = 'special_procedure'`);
  if (q.dueFrom) conditions.push(Prisma.sql`t."dueDate" >= ${q.dueFrom}`);
  if (q.dueTo) conditions.push(Prisma.sql`t."dueDate" <= ${q.dueTo}`);
  if (q.timeStatus) {
    conditions.push(Prisma.sql`t."clockState" = 'running'`);
    if (q.timeStatus === 'overdue') conditions.push(Prisma.sql`t."dueDate" < ${today}`);
    if (q.timeStatus === 'warning')
      conditions.push(Prisma.sql`t."dueDate" >= ${today}`, Prisma.sql`t."dueDate" <= ${warningUntil}`);
    if (q.timeStatus === 'normal') conditions.push(Prisma.sql`t."dueDate" > ${warningUntil}`);
  }
  // The filters that need the case (item, applicant, free text), or Prisma's text and instant comparisons.
  const filters: TaskWhere[] = [];
  if (q.caseNo) filters.push({ caseNo: { contains: q.caseNo } });
  if (q.item) filters.push({ case: { items: { some: { implementationCode: q.item } } } });
  if (q.arrivedFrom) filters.push({ openedAt: { gte: shanghaiStart(q.arrivedFrom) } });
  if (q.arrivedTo) filters.push({ openedAt: { lt: shanghaiStart(nextDay(q.arrivedTo)) } });
  if (q.applicant) filters.push({ case: { applicant: applicantWhere(q.applicant) } });
  if (q.search) filters.push(await searchWhere(db, q.search));

  const skip = (q.page - 1) * q.pageSize;
  const page = async (): Promise<TaskIdPage> => {
    const department = Prisma.sql`t."departmentCode" = ${q.department}`;
    if (filters.length === 0) {
      if (holder !== undefined) return heldPage(db, holder, [department, ...conditions], skip, q.pageSize);
      if (q.view === 'to_claim')
        return toClaimPage(db, q.department, me.id, groups, conditions, skip, q.pageSize);
      return indexedPage(db, q.department, conditions, skip, q.pageSize);
    }
    if (holder !== undefined)
      return filteredHeldPage(db, holder, [department, ...conditions], filters, skip, q.pageSize);
    return filteredPage(filters);
  };
  // With filters on a department-wide view: the same conditions as Prisma's where, in the same two reads.
  const filteredPage = async (extra: TaskWhere[]): Promise<TaskIdPage> => {
    const where: TaskWhere[] = [{ departmentCode: q.department }, ...extra];
    if (q.view === 'to_claim')
      where.push(
        { state: 'open', claimState: 'unclaimed' },
        { OR: [{ holders: { some: { userId: { in: groups } } } }, holds(me.id)] },
      );
    else where.push({ state });
    if (q.view === 'supplement') where.push({ clockState: 'supplement' });
    if (q.view === 'special') where.push({ clockState: 'special_procedure' });
    if (q.dueFrom) where.push({ dueDate: { gte: q.dueFrom } });
    if (q.dueTo) where.push({ dueDate: { lte: q.dueTo } });
    if (q.timeStatus) {
      const byStatus: Record<TimeStatus, TaskWhere> = {
        overdue: { dueDate: { lt: today } },
        warning: { dueDate: { gte: today, lte: warningUntil } },
        normal: { dueDate: { gt: warningUntil } },
      };
      where.push(byStatus[q.timeStatus], { clockState: 'running' });
    }
    const select = { id: true, dueDate: true, caseNo: true, stepId: true } as const;
    const datedWhere: TaskWhere = { AND: [...where, { dueDate: { not: null } }] };
    const undatedWhere: TaskWhere = { AND: [...where, { dueDate: null }] };
    const [dated, datedTotal, undatedTotal] = await Promise.all([
      db.task.findMany({
        where: datedWhere,
        select,
        orderBy: [{ dueDate: 'asc' }, { caseNo: 'asc' }, { stepId: 'asc' }],
        skip,
        take: q.pageSize,
      }),
      db.task.count({ where: datedWhere }),
      db.task.count({ where: undatedWhere }),
    ]);
    const rest = q.pageSize - dated.length;
    const undated =
      rest > 0 && undatedTotal > 0
        ? await db.task.findMany({
            where: undatedWhere,
            select,
            orderBy: [{ caseNo: 'asc' }, { stepId: 'asc' }],
            skip: Math.max(0, skip - datedTotal),
            take: rest,
          })
        : [];
    return { tasks: [...dated, ...undated], total: datedTotal + undatedTotal };
  };
  const { tasks, total } = await page();

  const rows = await inboxRows(
    db,
    tasks.map((t) => t.id),
  );
  const stepNames = await stepNamesOf(
    db,
    rows.map((r) => r.flowVersionId),
  );
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
      id: row.id,
      caseNo: row.caseNo,
      stepId: row.stepId,
      generation: row.seq,
      departmentCode: row.departmentCode,
      role: row.role,
      assigneeUserId: row.assigneeUserId,
      holders: row.holders,
      state: row.state as InboxTask['state'],
      outcome: row.outcome,
      openedAt: row.openedAt.toISOString(),
      dueDate: row.dueDate,
      closedAt: row.closedAt?.toISOString() ?? null,
      stepName: stepNames.get(`${row.flowVersionId}\u0000${row.stepId}`) ?? row.stepId,
      items: row.items,
      applicant: {
        kind: row.applicantKind,
        name: maskedApplicantName(row.applicantKind, row.applicantName),
      },
      remainingWorkingDays: remaining,
      timeStatus,
      clock,
      reminders: row.reminders,
      claim: {
        state: row.claimState === 'unclaimed' || row.claimState === 'claimed' ? row.claimState : null,
        by: row.claimedBy,
        byName: row.claimedBy ? (row.claimerName ?? row.claimedBy) : null,
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
