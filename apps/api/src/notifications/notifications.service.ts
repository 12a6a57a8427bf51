import type { Notification, NotificationList } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { stepNamesOf } from '../tasks/step-names';
import { HORIZON_DAYS, notificationEntries, type Recipient } from './notification-sources';

const DAY_MS = 24 * 3600_000;

/** The newest notifications (at most `limit`), each read or not, and how many are unread. */
export async function listNotifications(
  db: Db,
  me: Recipient,
  limit: number,
  now: Date = new Date(),
): Promise<NotificationList> {
  const since = new Date(now.getTime() - HORIZON_DAYS * DAY_MS);
  const [entries, cursor] = await Promise.all([
    notificationEntries(db, me, since),
    db.notificationCursor.findUnique({ where: { userId: me.id } }),
  ]);
  const readAll = cursor?.readAllAt.toISOString();
  // My single marks by their key (userId first), not by the list's ids: a mark is never older than its
  // event, so the marks made within the horizon cover every event in it.
  const marked = entries.some((e) => !readAll || e.at > readAll)
    ? await db.notificationRead.findMany({
        where: { userId: me.id, readAt: { gte: since } },
        select: { notificationId: true },
      })
    : [];
  const readIds = new Set(marked.map((m) => m.notificationId));
  const isRead = (id: string, at: string) => (readAll !== undefined && at <= readAll) || readIds.has(id);
  const shown = entries.slice(0, limit);
  const actors = [...new Set(shown.map((e) => e.actorId).filter((a): a is string => a !== null))];
  const names = actors.length
    ? new Map(
        (
          await db.user.findMany({ where: { id: { in: actors } }, select: { id: true, displayName: true } })
        ).map((u) => [u.id, u.displayName]),
      )
    : new Map<string, string>();
  // The step names of the flow versions the shown cases run (each version's plan read once per process).
  const cases = [...new Set(shown.map((e) => e.caseNo))];
  const versions = cases.length
    ? await db.case.findMany({
        where: { caseNo: { in: cases } },
        select: { caseNo: true, flowVersionId: true },
      })
    : [];
  const versionOf = new Map(versions.map((c) => [c.caseNo, c.flowVersionId]));
  const stepNames = await stepNamesOf(db, [...versionOf.values()]);
  const items: Notification[] = shown.map(({ actorId, ...e }) => ({
    ...e,
    stepName: e.stepId ? (stepNames.get(`${versionOf.get(e.caseNo)}\u0000${e.stepId}`) ?? null) : null,
    read: isRead(e.id, e.at),
    actor: actorId ? (names.get(actorId) ?? actorId) : null,
  }));
  return {
    items,
    unread: entries.filter((e) => !isRead(e.id, e.at)).length,
    horizonDays: HORIZON_DAYS,
  };
}

/** Marks notifications read (one by one: opened, or ticked). Marking one twice changes nothing. */
export async function markRead(db: Db, userId: string, ids: string[], now: Date = new Date()): Promise<void> {
  for (const notificationId of new Set(ids))
    await db.notificationRead.upsert({
      where: { userId_notificationId: { userId, notificationId } },
      create: { userId, notificationId, readAt: now },
      update: {},
    });
}

/** 全部已读: everything up to now is read; the marks of single ones are no longer needed. */
export async function markAllRead(db: Db, userId: string, now: Date = new Date()): Promise<void> {
  await db.$transaction([
    db.notificationCursor.upsert({
      where: { userId },
      create: { userId, readAllAt: now },
      update: { readAllAt: now },
    }),
    db.notificationRead.deleteMany({ where: { userId } }),
  ]);
}
