import type { EscalateOverdueInput, RecordClockEventInput, SendReminderInput } from '@onewindow/workflows';
import { inOneTransaction, insertOnce, Prisma, type Db } from '@onewindow/db';
import { clockId, eventSeq } from './event-key.util';
import { refreshStepClock } from './step-clock-projection';
import { setOpenTaskDueDate } from './task-projection';

const KIND: Record<RecordClockEventInput['event'], string> = {
  started: 'start',
  suspended: 'suspend',
  resumed: 'resume',
  extended: 'extend',
  stopped: 'stop',
};

/** Statuses no clock event may move a case out of. */
export const TERMINAL_CASE_STATUSES = ['issued', 'withdrawn', 'rejected_at_intake', 'terminated'];

interface ClockEventRow {
  caseNo: string;
  seq: number;
  clockId: string;
  kind: string;
  at: string;
  reason?: string | null;
  approvedBy?: string | null;
  payload: Record<string, unknown>;
}

async function writeClockEvent(db: Db, row: ClockEventRow): Promise<void> {
  await insertOnce(db, 'clockEvent', {
    id: `${row.caseNo}:${row.seq}`,
    caseNo: row.caseNo,
    eventSeq: row.seq,
    clockId: row.clockId,
    kind: row.kind,
    at: new Date(row.at),
    reason: row.reason ?? null,
    approvedBy: row.approvedBy ?? null,
    payload: JSON.stringify(row.payload),
  });
}

const dueDateOf = (payload: string | null): string | undefined => {
  const due = payload ? (JSON.parse(payload) as { dueDate?: unknown }).dueDate : undefined;
  return typeof due === 'string' ? due : undefined;
};

/**
 * Derives the Case row's due dates and status from all its clock events in sequence order, so events
 * applied out of order or twice always leave the same row.
 */
export async function refreshCaseFromClocks(db: Db, caseNo: string): Promise<void> {
  // Raw statements: this runs on every case-clock event (docs/decisions/0007). Calendar refreshes are Decision rows.
  const rows = await db.$queryRaw<
    {
      source: 'clock' | 'refresh';
      eventSeq: number;
      clockId: string | null;
      kind: string | null;
      payload: string | null;
      reason: string | null;
    }[]
  >`
    SELECT 'clock' AS "source", "eventSeq", "clockId", "kind", "payload", "reason" FROM "ClockEvent"
      WHERE "caseNo" = ${caseNo} AND "clockId" IN ('case', 'promised', 'issuance')
    UNION ALL SELECT 'refresh', "eventSeq", NULL, NULL, "payload", NULL FROM "Decision" WHERE "caseNo" = ${caseNo} AND "verb" = 'calendar_refreshed'
    ORDER BY "eventSeq"`;
  const events = rows.filter((r) => r.source === 'clock');
  const refreshes = rows.filter((r) => r.source === 'refresh');
  const latestDue = (clock: string) =>
    events
      .filter((e) => e.clockId === clock)
      .map((e) => dueDateOf(e.payload))
      .filter((d) => d !== undefined)
      .pop();
  const lastHold = events
    .filter((e) => e.clockId === 'case' && (e.kind === 'suspend' || e.kind === 'resume'))
    .pop();
  const decided = events.some((e) => e.clockId === 'issuance' && e.kind === 'start');
  // Stopped for 补正 (the step that first held the case clocks asked for materials): the applicant must act.
  const status = decided
    ? 'decided'
    : lastHold?.kind === 'suspend'
      ? lastHold.reason?.startsWith('补正')
        ? 'awaiting_supplement'
        : 'special_procedure'
      : 'in_review';
  // A calendar refresh (a year published or corrected) moves the statutory due date without a clock event.
  const statutoryDues = [
    ...events
      .filter((e) => e.clockId === 'case')
      .map((e) => ({ seq: e.eventSeq, due: dueDateOf(e.payload) })),
    ...refreshes.map((d) => ({ seq: d.eventSeq, due: refreshedStatutoryDue(d.payload) })),
  ];
  const statutoryDueDate =
    statutoryDues
      .filter((d) => d.due !== undefined)
      .sort((a, b) => a.seq - b.seq)
      .pop()?.due ?? null;
  const promisedDueDate = latestDue('promised') ?? null;
  // A due date no event names stays as it is (COALESCE); updatedAt is Prisma's @updatedAt, so set here.
  await db.$executeRaw`
    UPDATE "Case" SET "status" = ${status}, "statutoryDueDate" = COALESCE(${statutoryDueDate}, "statutoryDueDate"),
      "promisedDueDate" = COALESCE(${promisedDueDate}, "promisedDueDate"), "updatedAt" = ${new Date()}
    WHERE "caseNo" = ${caseNo} AND "status" NOT IN (${Prisma.join(TERMINAL_CASE_STATUSES)})`;
}

const refreshedStatutoryDue = (payload: string | null): string | undefined => {
  const to = payload ? (JSON.parse(payload) as { statutory?: { to?: unknown } }).statutory?.to : undefined;
  return typeof to === 'string' ? to : undefined;
};

/**
 * 日历更新 (recordDecision `calendar_refreshed`): the workflow recomputed its open due dates on new calendar
 * data; the open tasks of the changed steps and the Case row follow.
 */
export async function applyCalendarRefresh(
  db: Db,
  caseNo: string,
  details: Record<string, unknown>,
): Promise<void> {
  const changes = Array.isArray(details.changes)
    ? (details.changes as { stepId?: unknown; to?: unknown }[])
    : [];
  for (const change of changes) {
    if (typeof change?.stepId === 'string' && typeof change.to === 'string')
      await setOpenTaskDueDate(db, caseNo, change.stepId, change.to);
  }
  await refreshCaseFromClocks(db, caseNo);
}

export async function recordClockEvent(db: Db, input: RecordClockEventInput): Promise<void> {
  // A step clock stopping or running again writes its open task's clockState (the 待补正 and 特别程序中
  // views) in the same transaction as the event.
  const stepClock = input.stepId && (input.event === 'suspended' || input.event === 'resumed');
  const write = async (tx: Db) => {
    await writeClockEvent(tx, {
      caseNo: input.caseNo,
      seq: eventSeq(input.idempotencyKey, input.caseNo),
      clockId: clockId(input.clock, input.stepId),
      kind: KIND[input.event],
      at: input.at,
      reason: input.reason,
      approvedBy: input.approvedBy,
      payload: {
        clock: input.clock,
        event: input.event,
        ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      },
    });
    if (input.stepId) {
      if (input.dueDate) await setOpenTaskDueDate(tx, input.caseNo, input.stepId, input.dueDate);
      if (stepClock) await refreshStepClock(tx, input.caseNo, input.stepId);
    } else {
      await refreshCaseFromClocks(tx, input.caseNo);
    }
  };
  await (stepClock ? inOneTransaction(db, write) : write(db));
}

/** A role group seat as the workflow names it: `group:<departmentCode>/<role>`. */
const ROLE_GROUP = /^group:([^/]+)\/(.+)$/;

/**
 * The people a reminder reaches: each person holding the step, and for a role group seat nobody has claimed
 * yet (`group:<departmentCode>/<role>`) the active users with that role in that department — a group is no
 * one's phone. Sorted, each once.
 */
export async function reminderRecipients(db: Db, holders: string[]): Promise<string[]> {
  const people = new Set<string>();
  for (const holder of holders) {
    const group = ROLE_GROUP.exec(holder);
    if (!group) {
      people.add(holder);
      continue;
    }
    const members = await db.user.findMany({
      where: { departmentCode: group[1], disabled: false, roles: { some: { role: group[2] } } },
      select: { id: true },
    });
    for (const m of members) people.add(m.id);
  }
  return [...people].sort();
}

/**
 * 催办: recorded on the step's clock with the seats it went to (`assignees`) and the people they are
 * (`recipients`); the notification channel (SMS, inbox badge) reads these rows.
 */
export async function recordReminder(db: Db, input: SendReminderInput, recipients: string[]): Promise<void> {
  await writeClockEvent(db, {
    caseNo: input.caseNo,
    seq: eventSeq(input.idempotencyKey, input.caseNo),
    clockId: clockId('step', input.stepId),
    kind: 'reminder',
    at: input.at,
    reason: `${input.remainingWorkingDays} working day(s) left, due ${input.dueDate}`,
    payload: {
      departmentCode: input.departmentCode,
      assignees: input.assignees,
      recipients,
      dueDate: input.dueDate,
      remainingWorkingDays: input.remainingWorkingDays,
      on: input.on,
    },
  });
}

/** Where an escalation goes: the department, its leads (dept_lead) and the window that accepted the case. */
export interface EscalationRoute {
  departmentCode: string | null;
  role: 'dept_lead';
  leads: string[];
  windowDepartmentCode: string | null;
}

/** Cases started before the routing was fixed named the window `WINDOW` (no such department). */
const LEGACY_WINDOW = 'WINDOW';

/**
 * Resolves an escalation's addressees: the overdue step's department (or, for the window's issuance, the
 * department of the clerk who accepted the case), the active users holding dept_lead there, and the window.
 */
export async function escalationRoute(db: Db, input: EscalateOverdueInput): Promise<EscalationRoute> {
  const accepted = await db.case.findUnique({
    where: { caseNo: input.caseNo },
    select: { acceptedBy: true, windowDepartmentCode: true },
  });
  const clerk = accepted?.acceptedBy
    ? await db.user.findUnique({ where: { id: accepted.acceptedBy }, select: { departmentCode: true } })
    : null;
  // A case deemed accepted (acceptedBy `system`) names its window; otherwise the accepting clerk's department is.
  const windowDepartmentCode = accepted?.windowDepartmentCode ?? clerk?.departmentCode ?? null;
  const toWindow = input.to === 'window' || !input.departmentCode || input.departmentCode === LEGACY_WINDOW;
  const departmentCode = toWindow ? windowDepartmentCode : (input.departmentCode ?? null);
  const leads = departmentCode
    ? await db.user.findMany({
        where: { departmentCode, disabled: false, roles: { some: { role: 'dept_lead' } } },
        select: { id: true },
        orderBy: { id: 'asc' },
      })
    : [];
  return { departmentCode, role: 'dept_lead', leads: leads.map((l) => l.id), windowDepartmentCode };
}

/** 超期督办: escalated to the leads of the step's department (or of the window), the window told too. */
export async function recordEscalation(
  db: Db,
  input: EscalateOverdueInput,
  route: EscalationRoute,
): Promise<void> {
  await writeClockEvent(db, {
    caseNo: input.caseNo,
    seq: eventSeq(input.idempotencyKey, input.caseNo),
    clockId: clockId('step', input.stepId),
    kind: 'overdue',
    at: input.at,
    reason: `overdue since ${input.dueDate}: escalated to the dept_lead of ${route.departmentCode ?? 'an unknown department'}`,
    payload: { ...route, dueDate: input.dueDate, on: input.on },
  });
}
