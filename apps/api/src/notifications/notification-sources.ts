import type { Notification } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';

/** Whose notifications: the signed-in user, their department and roles. */
export interface Recipient {
  id: string;
  departmentCode: string;
  roles: readonly string[];
}

/** A notification before its read state is known. */
export type Entry = Omit<Notification, 'read' | 'actor' | 'stepName'> & { actorId: string | null };

/** How far back the centre looks, and how many rows each source reads at most. */
export const HORIZON_DAYS = 30;
export const PER_SOURCE = 100;

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

/** Splits a list into chunks (IN lists stay well below the databases' parameter limits). */
const chunks = <T>(list: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The role group seats the user belongs to (`group:<department>/<role>`, as the workflow names them). */
export const groupsOf = (me: Recipient): string[] =>
  me.roles.map((role) => `group:${me.departmentCode}/${role}`);

/** A task row as the sources read it. */
interface HeldTask {
  id: string;
  caseNo: string;
  stepId: string;
  departmentCode: string;
  state: string;
  openedAt: Date;
  closedAt: Date | null;
  claimedBy: string | null;
}

/**
 * The tasks I hold or held that concern the horizon (open, or opened or closed since): my holder rows by their
 * index (TaskHolder userId, taskId), then those task rows by key, a chunk at a time. (As one statement with a
 * relation filter the database would scan every task row.)
 */
async function heldTasks(db: Db, me: Recipient, since: Date): Promise<HeldTask[]> {
  const rows = await db.taskHolder.findMany({ where: { userId: me.id }, select: { taskId: true } });
  const found: HeldTask[] = [];
  for (const ids of chunks(rows.map((r) => r.taskId)))
    found.push(
      ...(await db.task.findMany({
        where: {
          id: { in: ids },
          OR: [{ state: 'open' }, { openedAt: { gte: since } }, { closedAt: { gte: since } }],
        },
        select: {
          id: true,
          caseNo: true,
          stepId: true,
          departmentCode: true,
          state: true,
          openedAt: true,
          closedAt: true,
          claimedBy: true,
        },
      })),
    );
  return found;
}

/** Tasks given to me since `since` (newest first), except those I claimed myself. */
function assigned(held: HeldTask[], me: Recipient, since: Date): Entry[] {
  return held
    .filter((t) => t.openedAt >= since && t.claimedBy !== me.id)
    .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime())
    .slice(0, PER_SOURCE)
    .map((t) => ({
      id: `assigned:${t.id}`,
      kind: 'assigned',
      caseNo: t.caseNo,
      stepId: t.stepId,
      departmentCode: t.departmentCode,
      at: t.openedAt.toISOString(),
      actorId: null,
      detail: null,
      link: inbox(t.caseNo),
    }));
}

/**
 * My role groups' seats (待签收): each one offered to the group, and — once a colleague claimed it or a lead
 * assigned it to someone else — who took it. Read by the index the 待签收 view pages with (department, claim
 * state, state, claim group).
 */
async function groupSeats(db: Db, me: Recipient, since: Date): Promise<Entry[]> {
  const groups = groupsOf(me);
  if (groups.length === 0) return [];
  const offered = await db.task.findMany({
    where: {
      departmentCode: me.departmentCode,
      claimState: 'unclaimed',
      claimGroup: { in: groups },
      openedAt: { gte: since },
    },
    select: {
      id: true,
      caseNo: true,
      stepId: true,
      seq: true,
      departmentCode: true,
      openedAt: true,
      closedAt: true,
      state: true,
      outcome: true,
    },
    orderBy: { openedAt: 'desc' },
    take: PER_SOURCE,
  });
  const taken = offered.filter(
    (t) => t.state === 'superseded' && (t.outcome === 'claimed' || t.outcome === 'assigned') && t.closedAt,
  );
  const next =
    taken.length === 0
      ? []
      : await db.task.findMany({
          where: { OR: taken.map((t) => ({ caseNo: t.caseNo, stepId: t.stepId, seq: t.seq + 1 })) },
          select: { caseNo: true, stepId: true, seq: true, claimedBy: true, assigneeUserId: true },
        });
  const takerOf = new Map(
    next.map((n) => [`${n.caseNo}\0${n.stepId}\0${n.seq}`, n.claimedBy ?? n.assigneeUserId]),
  );
  const entries: Entry[] = offered.map((t) => ({
    id: `group:${t.id}`,
    kind: 'group_assigned',
    caseNo: t.caseNo,
    stepId: t.stepId,
    departmentCode: t.departmentCode,
    at: t.openedAt.toISOString(),
    actorId: null,
    detail: null,
    link: inbox(t.caseNo),
  }));
  for (const t of taken) {
    const taker = takerOf.get(`${t.caseNo}\0${t.stepId}\0${t.seq + 1}`);
    if (!taker || taker === me.id) continue;
    entries.push({
      id: `claimed:${t.id}`,
      kind: 'claimed_by_other',
      caseNo: t.caseNo,
      stepId: t.stepId,
      departmentCode: t.departmentCode,
      at: t.closedAt!.toISOString(),
      actorId: taker,
      detail: null,
      link: inbox(t.caseNo),
    });
  }
  return entries;
}

/** The steps I hold or held lately (open, or closed within the horizon), and my groups' open seats: case → steps. */
async function mySteps(
  db: Db,
  me: Recipient,
  held: HeldTask[],
  since: Date,
): Promise<Map<string, Set<string>>> {
  const seats =
    groupsOf(me).length === 0
      ? []
      : await db.task.findMany({
          where: {
            departmentCode: me.departmentCode,
            claimState: 'unclaimed',
            state: 'open',
            claimGroup: { in: groupsOf(me) },
          },
          select: { caseNo: true, stepId: true },
        });
  const recent = held.filter((t) => t.state === 'open' || (t.closedAt !== null && t.closedAt >= since));
  const steps = new Map<string, Set<string>>();
  for (const t of [...recent, ...seats]) {
    const set = steps.get(t.caseNo) ?? new Set<string>();
    set.add(t.stepId);
    steps.set(t.caseNo, set);
  }
  return steps;
}

/**
 * Reminders and 催办 that reached me (the workflow's reminders name their `recipients`; a 催办 names the seats
 * it went `to`, a group among them), and 补正 received and extensions decided on the steps I hold. Read per
 * case through the (caseNo, eventSeq) keys of ClockEvent and Decision.
 */
async function onMySteps(db: Db, me: Recipient, held: HeldTask[], since: Date): Promise<Entry[]> {
  const steps = await mySteps(db, me, held, since);
  const cases = [...steps.keys()];
  if (cases.length === 0) return [];
  const groups = new Set(groupsOf(me));
  const mine = (caseNo: string, stepId: string | null) => stepId !== null && !!steps.get(caseNo)?.has(stepId);
  const entries: Entry[] = [];
  for (const part of chunks(cases)) {
    const [reminders, decisions] = await Promise.all([
      db.clockEvent.findMany({
        // By case only (the key's index): with `kind` in the filter SQLite may walk every reminder of the period.
        where: { caseNo: { in: part }, at: { gte: since } },
        select: { id: true, caseNo: true, clockId: true, kind: true, at: true, payload: true },
      }),
      db.decision.findMany({
        where: {
          caseNo: { in: part },
          verb: { in: ['supplement_submitted', ...EXTENSION_VERBS] },
          decidedAt: { gte: since },
        },
        select: {
          id: true,
          caseNo: true,
          stepId: true,
          verb: true,
          actorUserId: true,
          decidedAt: true,
          payload: true,
        },
      }),
    ]);
    for (const r of reminders) {
      if (r.kind !== 'reminder') continue;
      const stepId = r.clockId.startsWith('step:') ? r.clockId.slice(5) : null;
      const p = parse(r.payload);
      const urge = p.urge === true;
      const reached = urge
        ? strings(p.to).some((to) => to === me.id || groups.has(to))
        : strings(p.recipients).includes(me.id);
      if (!reached || !mine(r.caseNo, stepId)) continue;
      entries.push({
        id: `reminder:${r.id}`,
        kind: urge ? 'urge' : 'reminder',
        caseNo: r.caseNo,
        stepId,
        departmentCode: text(p.departmentCode),
        at: r.at.toISOString(),
        actorId: urge ? text(p.by) : null,
        detail: urge ? text(p.message) : text(p.dueDate),
        link: inbox(r.caseNo),
      });
    }
    for (const d of decisions) {
      if (!mine(d.caseNo, d.stepId)) continue;
      const p = parse(d.payload);
      const supplement = d.verb === 'supplement_submitted';
      entries.push({
        id: `decision:${d.id}`,
        kind: supplement ? 'supplement_received' : 'extension_decided',
        caseNo: d.caseNo,
        stepId: d.stepId,
        departmentCode: null,
        at: d.decidedAt.toISOString(),
        actorId: d.actorUserId,
        detail: supplement ? strings(p.materials).join('、') || null : text(p.reason),
        link: inbox(d.caseNo),
      });
    }
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
  const held = await heldTasks(db, me, since);
  const lists = [
    assigned(held, me, since),
    await groupSeats(db, me, since),
    await onMySteps(db, me, held, since),
    await forLeads(db, me, since),
  ];
  return lists.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)));
}
