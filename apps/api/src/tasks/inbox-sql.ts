// The inbox's statements as raw SQL (docs/decisions/0007: every page of every approver runs them): pages in
// index order, counts by index, and the rows of a page with their case, applicant, claimer and reminders.
import { kindOfClient, Prisma, type Db } from '@onewindow/db';

/** A task of a page with its inbox order (due date, undated last, then case and step). */
interface PagedTask {
  id: string;
  dueDate: string | null;
  caseNo: string;
  stepId: string;
}
export interface TaskIdPage {
  tasks: PagedTask[];
  total: number;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The inbox order: by due date, undated last, then case and step. */
const inboxOrder = (a: PagedTask, b: PagedTask): number =>
  (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0) ||
  compare(a.dueDate ?? '', b.dueDate ?? '') ||
  compare(a.caseNo, b.caseNo) ||
  compare(a.stepId, b.stepId);

const all = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');
const count = (n: bigint | number | null | undefined) => Number(n ?? 0);

interface ViewCount {
  version: number;
  total: number;
  dated: number;
}
/**
 * The counts of department-wide views (a count walks the whole view: 100,000 index entries for a department's
 * open tasks), per database client, kept until the department's TaskFeedVersion moves. Database triggers bump
 * it in the same transaction as every insert, update and delete of its Task rows and their holders, so the
 * same version means the same rows. Keyed by the count's statement and values.
 */
const viewCounts = new WeakMap<Db, Map<string, ViewCount>>();

async function countView(db: Db, departmentCode: string, where: Prisma.Sql): Promise<ViewCount> {
  const [feed] = await db.$queryRaw<{ version: number }[]>`
    SELECT "version" FROM "TaskFeedVersion" WHERE "departmentCode" = ${departmentCode}`;
  const version = Number(feed?.version ?? 0);
  const cache = viewCounts.get(db) ?? new Map<string, ViewCount>();
  viewCounts.set(db, cache);
  const key = JSON.stringify([where.sql, where.values]);
  const kept = cache.get(key);
  if (kept && kept.version === version) return kept;
  // Read after the version: the rows counted are at least as new as the version they are kept under.
  const [counted] = await db.$queryRaw<{ total: bigint; dated: bigint }[]>`
    SELECT COUNT(*) AS "total", COUNT(t."dueDate") AS "dated" FROM "Task" t WHERE ${where}`;
  const fresh = { version, total: count(counted?.total), dated: count(counted?.dated) };
  cache.set(key, fresh);
  return fresh;
}

/**
 * The tasks of one department matching `conditions` (on `"Task" t`) straight from an index that holds them in
 * inbox order — the conditions' equalities, then (dueDate, caseNo, stepId) — and counted on it (countView): the
 * dated ones by due date, then the undated ones (a step clock that stood when the task opened) by case. No
 * statement sorts the view's rows.
 */
export async function indexedPage(
  db: Db,
  departmentCode: string,
  conditions: Prisma.Sql[],
  skip: number,
  take: number,
): Promise<TaskIdPage> {
  const where = all([Prisma.sql`t."departmentCode" = ${departmentCode}`, ...conditions]);
  const [{ total, dated }, datedRows] = await Promise.all([
    countView(db, departmentCode, where),
    db.$queryRaw<PagedTask[]>`
      SELECT t."id", t."dueDate", t."caseNo", t."stepId" FROM "Task" t WHERE ${where} AND t."dueDate" IS NOT NULL
      ORDER BY t."dueDate", t."caseNo", t."stepId" LIMIT ${take} OFFSET ${skip}`,
  ]);
  const rest = take - datedRows.length;
  const undatedRows =
    rest > 0 && total > dated
      ? await db.$queryRaw<PagedTask[]>`
          SELECT t."id", t."dueDate", t."caseNo", t."stepId" FROM "Task" t WHERE ${where} AND t."dueDate" IS NULL
          ORDER BY t."caseNo", t."stepId" LIMIT ${rest} OFFSET ${Math.max(0, skip - dated)}`
      : [];
  return { tasks: [...datedRows, ...undatedRows], total };
}

/**
 * The tasks one person holds (TaskHolder, by its (userId, taskId) index) that match `conditions` on `"Task" t`,
 * sorted and counted in one statement: a person holds a few thousand rows at most, each looked up by key.
 * SQLite, which has no statistics here (nothing runs ANALYZE), would start from the department's index: CROSS
 * JOIN keeps the person first. PostgreSQL would hash-join a scan of the department's rows (48 ms against 15 ms
 * for 100,000 open tasks): the LATERAL subquery (OFFSET 0 keeps it one) looks each task up by key.
 */
export async function heldPage(
  db: Db,
  userId: string,
  conditions: Prisma.Sql[],
  skip: number,
  take: number,
): Promise<TaskIdPage> {
  const from =
    kindOfClient(db) === 'sqlite'
      ? Prisma.sql`"TaskHolder" h CROSS JOIN "Task" t ON t."id" = h."taskId"`
      : Prisma.sql`"TaskHolder" h CROSS JOIN LATERAL (SELECT * FROM "Task" x WHERE x."id" = h."taskId" OFFSET 0) t`;
  const where = all([Prisma.sql`h."userId" = ${userId}`, ...conditions]);
  const rows = await db.$queryRaw<(PagedTask & { total: bigint })[]>`
    SELECT t."id", t."dueDate", t."caseNo", t."stepId", COUNT(*) OVER () AS "total" FROM ${from} WHERE ${where}
    ORDER BY CASE WHEN t."dueDate" IS NULL THEN 1 ELSE 0 END, t."dueDate", t."caseNo", t."stepId"
    LIMIT ${take} OFFSET ${skip}`;
  if (rows.length > 0)
    return {
      tasks: rows.map(({ id, dueDate, caseNo, stepId }) => ({ id, dueDate, caseNo, stepId })),
      total: count(rows[0].total),
    };
  if (skip === 0) return { tasks: [], total: 0 };
  // Past the last page: the count alone.
  const [counted] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COUNT(*) AS "total" FROM ${from} WHERE ${where}`;
  return { tasks: [], total: count(counted?.total) };
}

/**
 * 待签收: the department's unclaimed open tasks offered to one of my role groups (the Task row's claimGroup, by
 * index, one group at a time) or to a 转办 group naming me (my holder rows, the tasks of none of my role groups,
 * so nothing is counted twice). Each part is read in inbox order up to the end of the page and merged.
 */
export async function toClaimPage(
  db: Db,
  departmentCode: string,
  me: string,
  groups: string[],
  conditions: Prisma.Sql[],
  skip: number,
  take: number,
): Promise<TaskIdPage> {
  const unclaimed = [Prisma.sql`t."claimState" = 'unclaimed'`, Prisma.sql`t."state" = 'open'`];
  const notMyGroups =
    groups.length > 0
      ? Prisma.sql`(t."claimGroup" IS NULL OR t."claimGroup" NOT IN (${Prisma.join(groups)}))`
      : Prisma.sql`1 = 1`;
  const parts = await Promise.all([
    ...groups.map((group) =>
      indexedPage(
        db,
        departmentCode,
        [...conditions, ...unclaimed, Prisma.sql`t."claimGroup" = ${group}`],
        0,
        skip + take,
      ),
    ),
    heldPage(
      db,
      me,
      [Prisma.sql`t."departmentCode" = ${departmentCode}`, ...conditions, ...unclaimed, notMyGroups],
      0,
      skip + take,
    ),
  ]);
  const tasks = parts
    .flatMap((p) => p.tasks)
    .sort(inboxOrder)
    .slice(skip, skip + take);
  return { tasks, total: parts.reduce((n, p) => n + p.total, 0) };
}

/** A task of a page with what its inbox row shows. */
interface InboxRow {
  id: string;
  caseNo: string;
  stepId: string;
  seq: number;
  departmentCode: string;
  role: string;
  assigneeUserId: string | null;
  state: string;
  outcome: string | null;
  openedAt: Date;
  dueDate: string | null;
  closedAt: Date | null;
  claimState: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  clockState: string;
  clockReason: string | null;
  flowVersionId: string | null;
  applicantKind: string;
  applicantName: string;
  claimerName: string | null;
  reminders: number;
  holders: string[];
  items: { implementationCode: string; name: string }[];
}

type RawRow = Omit<InboxRow, 'openedAt' | 'closedAt' | 'claimedAt' | 'reminders' | 'holders' | 'items'> & {
  openedAt: Date | string;
  closedAt: Date | string | null;
  claimedAt: Date | string | null;
  reminders: bigint | number;
};
const instant = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * The rows of a page, in the order of `ids`: three statements whatever the page size — the tasks with their case,
 * applicant, claimer and the reminders on their step clock; their holders; their items with the newest
 * catalogue name.
 */
export async function inboxRows(db: Db, ids: string[]): Promise<InboxRow[]> {
  if (ids.length === 0) return [];
  const idList = Prisma.join(ids);
  const [tasks, holders] = await Promise.all([
    // `e."kind" || ''`: SQLite, without statistics, would otherwise read every reminder by the (kind, at) index.
    db.$queryRaw<RawRow[]>`
      SELECT t."id", t."caseNo", t."stepId", t."seq", t."departmentCode", t."role", t."assigneeUserId", t."state",
        t."outcome", t."openedAt", t."dueDate", t."closedAt", t."claimState", t."claimedBy", t."claimedAt",
        t."clockState", t."clockReason", c."flowVersionId", a."kind" AS "applicantKind",
        a."name" AS "applicantName", u."displayName" AS "claimerName",
        (SELECT COUNT(*) FROM "ClockEvent" e WHERE e."caseNo" = t."caseNo" AND e."clockId" = 'step:' || t."stepId"
          AND e."kind" || '' = 'reminder') AS "reminders"
      FROM "Task" t JOIN "Case" c ON c."caseNo" = t."caseNo" JOIN "Applicant" a ON a."id" = c."applicantId"
        LEFT JOIN "User" u ON u."id" = t."claimedBy"
      WHERE t."id" IN (${idList})`,
    db.$queryRaw<{ taskId: string; userId: string }[]>`
      SELECT "taskId", "userId" FROM "TaskHolder" WHERE "taskId" IN (${idList})`,
  ]);
  const caseNos = [...new Set(tasks.map((t) => t.caseNo))];
  const items =
    caseNos.length === 0
      ? []
      : await db.$queryRaw<{ caseNo: string; implementationCode: string; name: string | null }[]>`
          SELECT ci."caseNo", ci."implementationCode",
            (SELECT i."name" FROM "Item" i WHERE i."implementationCode" = ci."implementationCode"
              ORDER BY i."version" DESC LIMIT 1) AS "name"
          FROM "CaseItem" ci WHERE ci."caseNo" IN (${Prisma.join(caseNos)})
          ORDER BY ci."caseNo", ci."implementationCode"`;
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const t = byId.get(id);
    if (!t) return [];
    return [
      {
        ...t,
        seq: Number(t.seq),
        openedAt: instant(t.openedAt),
        closedAt: t.closedAt === null ? null : instant(t.closedAt),
        claimedAt: t.claimedAt === null ? null : instant(t.claimedAt),
        reminders: count(t.reminders),
        holders: holders
          .filter((h) => h.taskId === id)
          .map((h) => h.userId)
          .sort(),
        items: items
          .filter((i) => i.caseNo === t.caseNo)
          .map((i) => ({ implementationCode: i.implementationCode, name: i.name ?? i.implementationCode })),
      },
    ];
  });
}
