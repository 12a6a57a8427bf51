import type { Notification } from '@onewindow/contracts';
import { kindOfClient, Prisma, type Db } from '@onewindow/db';

/** Whose notifications: the signed-in user, their department and roles. */
export interface Recipient {
  id: string;
  departmentCode: string;
  roles: readonly string[];
  /**
   * The other departments the user holds roles in (docs/decisions/0023), with their roles there: their group seats,
   * the reminders to those groups and a lead's notices are read for each of them too.
   */
  elsewhere?: readonly { departmentCode: string; roles: readonly string[] }[];
}

/** A notification before its read state is known. */
export type Entry = Omit<Notification, 'read' | 'actor' | 'stepName'> & { actorId: string | null };

/** How far back the centre looks, and how many rows each source reads at most. */
export const HORIZON_DAYS = 30;
const PER_SOURCE = 100;

const inbox = (caseNo: string) => `/approvals?case=${encodeURIComponent(caseNo)}`;
const SUPERVISION = '/supervision';
const EXTENSION_VERBS = ['extension_approved', 'extension_refused'];

const parse = (payload: string | null): Record<string, unknown> => {
  if (!payload) return {};
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** The role group seats the user belongs to (`group:<department>/<role>`, as the workflow names them). */
const groupsOf = (me: Recipient): string[] => me.roles.map((role) => `group:${me.departmentCode}/${role}`);

/**
 * My holder rows (TaskHolder, by its (userId, taskId) index) joined to their tasks by key: a FROM clause and the
 * start of its WHERE clause, which the caller continues with `AND …`. SQLite, which has no
 * statistics here, could start from a Task index instead: CROSS JOIN keeps the holder rows first. PostgreSQL
 * could hash-join a scan of the tasks: the LATERAL subquery (OFFSET 0 keeps it one) looks each task up by key.
 */
const myTasks = (db: Db, me: Recipient): Prisma.Sql =>
  kindOfClient(db) === 'sqlite'
    ? Prisma.sql`"TaskHolder" h CROSS JOIN "Task" t ON t."id" = h."taskId" WHERE h."userId" = ${me.id}`
    : Prisma.sql`"TaskHolder" h CROSS JOIN LATERAL (SELECT * FROM "Task" x WHERE x."id" = h."taskId" OFFSET 0) t
        WHERE h."userId" = ${me.id}`;

/** A task's row as the notification sources read it. */
interface TaskRow {
  id: string;
  caseNo: string;
  stepId: string;
  departmentCode: string;
  openedAt: Date | string;
}

/** A task given to me (`assigned:<id>`) or offered to my group (`group:<id>`), dated when it opened; the ids are the read state's keys. */
const openedTaskEntry = (kind: 'assigned' | 'group_assigned', t: TaskRow): Entry => ({
  id: `${kind === 'assigned' ? 'assigned' : 'group'}:${t.id}`,
  kind,
  caseNo: t.caseNo,
  stepId: t.stepId,
  departmentCode: t.departmentCode,
  at: instant(t.openedAt).toISOString(),
  actorId: null,
  detail: null,
  link: inbox(t.caseNo),
});

/** Tasks given to me since `since` (newest first), except those I claimed myself: one statement. */
async function assigned(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  const rows = await db.$queryRaw<TaskRow[]>`
    SELECT t."id", t."caseNo", t."stepId", t."departmentCode", t."openedAt" FROM ${myTasks(db, me)}
      AND t."openedAt" >= ${since} AND (t."claimedBy" IS NULL OR t."claimedBy" <> ${me.id})
    ORDER BY t."openedAt" DESC, t."id" LIMIT ${PER_SOURCE}`;
  return rows.map((t) => openedTaskEntry('assigned', t));
}

/**
 * My role groups' seats (待签收): each one offered to the group, and — once a colleague claimed it or a lead
 * assigned it to someone else — who took it (the task's next generation, joined by the (caseNo, stepId, seq)
 * key). One statement, by the index the 待签收 view pages with (department, claim state, state, claim group).
 */
async function groupSeats(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  const groups = groupsOf(me);
  if (groups.length === 0) return [];
  const offered = await db.$queryRaw<
    (TaskRow & {
      closedAt: Date | string | null;
      state: string;
      outcome: string | null;
      taker: string | null;
    })[]
  >`
    SELECT t."id", t."caseNo", t."stepId", t."departmentCode", t."openedAt", t."closedAt", t."state", t."outcome",
      COALESCE(n."claimedBy", n."assigneeUserId") AS "taker"
    FROM "Task" t LEFT JOIN "Task" n ON n."caseNo" = t."caseNo" AND n."stepId" = t."stepId" AND n."seq" = t."seq" + 1
    WHERE t."departmentCode" = ${me.departmentCode} AND t."claimState" = 'unclaimed'
      AND t."claimGroup" IN (${Prisma.join(groups)}) AND t."openedAt" >= ${since}
    ORDER BY t."openedAt" DESC, t."id" LIMIT ${PER_SOURCE}`;
  const entries: Entry[] = offered.map((t) => openedTaskEntry('group_assigned', t));
  for (const t of offered) {
    const taken =
      t.state === 'superseded' &&
      (t.outcome === 'claimed' || t.outcome === 'assigned') &&
      t.closedAt !== null;
    if (!taken || !t.taker || t.taker === me.id) continue;
    entries.push({
      id: `claimed:${t.id}`,
      kind: 'claimed_by_other',
      caseNo: t.caseNo,
      stepId: t.stepId,
      departmentCode: t.departmentCode,
      at: instant(t.closedAt!).toISOString(),
      actorId: t.taker,
      detail: null,
      link: inbox(t.caseNo),
    });
  }
  return entries;
}

/**
 * The steps I hold or held lately (open, or closed within the horizon) and my groups' open seats, as
 * (caseNo, stepId) pairs, each once: a subquery the event sources join to.
 */
function mySteps(db: Db, me: Recipient, since: Date): Prisma.Sql {
  const groups = groupsOf(me);
  const held = Prisma.sql`SELECT t."caseNo", t."stepId" FROM ${myTasks(db, me)}
    AND (t."state" = 'open' OR t."closedAt" >= ${since})`;
  if (groups.length === 0) return Prisma.sql`SELECT DISTINCT m."caseNo", m."stepId" FROM (${held}) m`;
  return Prisma.sql`${held} UNION SELECT t."caseNo", t."stepId" FROM "Task" t
    WHERE t."departmentCode" = ${me.departmentCode} AND t."claimState" = 'unclaimed' AND t."state" = 'open'
      AND t."claimGroup" IN (${Prisma.join(groups)})`;
}

/**
 * Reminders and 催办 that reached me (the workflow's reminders name their `recipients`; a 催办 names the seats
 * it went `to`, a group among them), and 补正 received and extensions decided on the steps I hold. One statement
 * each: my steps joined to ClockEvent and Decision by their (caseNo, eventSeq) keys. `e."kind" || ''`: SQLite,
 * without statistics, would otherwise walk every reminder of the period by the (kind, at) index.
 */
async function onMySteps(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  const steps = mySteps(db, me, since);
  // SQLite reads the tables of a CROSS JOIN in the order written (my steps first); PostgreSQL plans by its
  // statistics and has no CROSS JOIN … ON.
  const stepsFirst = Prisma.raw(kindOfClient(db) === 'sqlite' ? 'CROSS JOIN' : 'JOIN');
  const groups = new Set(groupsOf(me));
  const [reminders, decisions] = await Promise.all([
    db.$queryRaw<{ id: string; caseNo: string; stepId: string; at: Date | string; payload: string | null }[]>`
      SELECT e."id", e."caseNo", s."stepId", e."at", e."payload"
      FROM (${steps}) s ${stepsFirst} "ClockEvent" e ON e."caseNo" = s."caseNo" AND e."clockId" = 'step:' || s."stepId"
      WHERE e."at" >= ${since} AND e."kind" || '' = 'reminder'`,
    db.$queryRaw<
      {
        id: string;
        caseNo: string;
        stepId: string;
        verb: string;
        actorUserId: string | null;
        decidedAt: Date | string;
        payload: string | null;
      }[]
    >`
      SELECT d."id", d."caseNo", d."stepId", d."verb", d."actorUserId", d."decidedAt", d."payload"
      FROM (${steps}) s ${stepsFirst} "Decision" d ON d."caseNo" = s."caseNo" AND d."stepId" = s."stepId"
      WHERE d."decidedAt" >= ${since} AND d."verb" IN (${Prisma.join(['supplement_submitted', ...EXTENSION_VERBS])})`,
  ]);
  const entries: Entry[] = [];
  for (const r of reminders) {
    const p = parse(r.payload);
    const urge = p.urge === true;
    const reached = urge
      ? strings(p.to).some((to) => to === me.id || groups.has(to))
      : strings(p.recipients).includes(me.id);
    if (!reached) continue;
    entries.push({
      id: `reminder:${r.id}`,
      kind: urge ? 'urge' : 'reminder',
      caseNo: r.caseNo,
      stepId: r.stepId,
      departmentCode: text(p.departmentCode),
      at: instant(r.at).toISOString(),
      actorId: urge ? text(p.by) : null,
      detail: urge ? text(p.message) : text(p.dueDate),
      link: inbox(r.caseNo),
    });
  }
  for (const d of decisions) {
    const p = parse(d.payload);
    const supplement = d.verb === 'supplement_submitted';
    entries.push({
      id: `decision:${d.id}`,
      kind: supplement ? 'supplement_received' : 'extension_decided',
      caseNo: d.caseNo,
      stepId: d.stepId,
      departmentCode: null,
      at: instant(d.decidedAt).toISOString(),
      actorId: d.actorUserId,
      detail: supplement ? strings(p.materials).join('、') || null : text(p.reason),
      link: inbox(d.caseNo),
    });
  }
  return entries;
}

/**
 * For a department's leads: 超期督办 routed to the department (the escalation names it and its leads) and 差评
 * rectification orders opened for it. Escalations by the ClockEvent (kind, at) index, narrowed in the database
 * to payloads naming the department; orders by (departmentCode, state).
 */
async function forLeads(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  if (!me.roles.includes('dept_lead')) return [];
  const [escalations, orders] = await Promise.all([
    db.clockEvent.findMany({
      where: { kind: 'overdue', at: { gte: since }, payload: { contains: `"${me.departmentCode}"` } },
      select: { id: true, caseNo: true, clockId: true, at: true, payload: true },
      orderBy: { at: 'desc' },
      take: PER_SOURCE,
    }),
    db.rectificationOrder.findMany({
      where: { departmentCode: me.departmentCode, openedAt: { gte: since } },
      select: { id: true, caseNo: true, departmentCode: true, openedAt: true, deadline: true },
      orderBy: { openedAt: 'desc' },
      take: PER_SOURCE,
    }),
  ]);
  const entries: Entry[] = [];
  for (const e of escalations) {
    const p = parse(e.payload);
    if (p.departmentCode !== me.departmentCode && !strings(p.leads).includes(me.id)) continue;
    entries.push({
      id: `escalation:${e.id}`,
      kind: 'escalation',
      caseNo: e.caseNo,
      stepId: e.clockId.startsWith('step:') ? e.clockId.slice(5) : null,
      departmentCode: me.departmentCode,
      at: e.at.toISOString(),
      actorId: null,
      detail: text(p.dueDate),
      link: SUPERVISION,
    });
  }
  for (const o of orders)
    entries.push({
      id: `rectification:${o.id}`,
      kind: 'rectification_order',
      caseNo: o.caseNo,
      stepId: null,
      departmentCode: o.departmentCode,
      at: o.openedAt.toISOString(),
      actorId: null,
      detail: o.deadline,
      link: SUPERVISION,
    });
  return entries;
}

/** Every source's entries for the user since `since`, newest first. */
export async function notificationEntries(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  const lists = [
    await assigned(db, me, since),
    await groupSeats(db, me, since),
    await onMySteps(db, me, since),
    await forLeads(db, me, since),
  ];
  // Another department's sources read the user's own steps again (onMySteps): an entry already listed is kept once.
  for (const other of me.elsewhere ?? []) {
    const there: Recipient = { id: me.id, ...other };
    const seen = new Set(lists.flat().map((e) => e.id));
    const entries = [
      ...(await groupSeats(db, there, since)),
      ...(await onMySteps(db, there, since)),
      ...(await forLeads(db, there, since)),
    ];
    lists.push(entries.filter((e) => !seen.has(e.id)));
  }
  return lists.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)));
}
