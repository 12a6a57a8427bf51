import crypto from 'node:crypto';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
  type Connection,
} from '@temporalio/client';
import type { CalendarData } from '@onewindow/calendar';
import type { CalendarRefreshSummary } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { refreshCalendar, type CaseView } from '@onewindow/workflows';
import { isTemporalUnreachable } from '../cases/temporal-errors';

/** Case statuses whose workflow has ended (or never ran): no clock left to correct. */
export const CLOSED_CASE_STATUSES = ['issued', 'withdrawn', 'rejected_at_intake', 'terminated'];

export interface RefreshOpenCasesDeps {
  db: Db;
  temporal: { client: Client; connection: Connection; address: string };
}

export interface RefreshOpenCasesOptions {
  /** Who publishes the calendar (the administrator's user id); the workflow records it on `calendar_refreshed`. */
  actor: string;
  /** The merged calendar in force (loadCalendarData), sent whole: the workflow swaps it in. */
  calendar: CalendarData;
  /** Updates in flight at once (default 8). */
  concurrency?: number;
  /** Only these cases (still only the open ones among them). */
  caseNos?: string[];
  /** Per Update (default 10 s). */
  timeoutMs?: number;
  /** Told the number of open cases before the first is sent (a progress bar's length). */
  onStart?: (openCases: number) => void;
  /** Told each case's outcome as soon as it is known (a progress bar's step). */
  onCase?: (outcome: RefreshedCase) => void;
}

/** One case's outcome: its workflow moved a due date, or had nothing to move, or did not take the calendar. */
export type RefreshedCase =
  | { caseNo: string; outcome: 'refreshed' | 'unchanged' }
  | { caseNo: string; outcome: 'failed'; reason: string };

export type RefreshOpenCasesResult = Omit<CalendarRefreshSummary, 'year'>;

/** The same calendar data gives the same Update id: Temporal applies it to a run once and answers the first result again. */
export const calendarUpdateId = (calendar: CalendarData): string =>
  `calendar-refresh:${crypto.createHash('sha256').update(JSON.stringify(calendar)).digest('hex').slice(0, 32)}`;

/** Whether the workflow's `calendar_refreshed` entry (the newest) moved any due date. */
function movedAnything(view: CaseView): boolean {
  const entry = [...view.history].reverse().find((h) => h.action === 'calendar_refreshed');
  const details = entry?.details as
    { changes?: unknown[]; statutory?: { from?: unknown; to?: unknown } } | undefined;
  if (!details) return true;
  return (details.changes?.length ?? 0) > 0 || details.statutory?.from !== details.statutory?.to;
}

function reasonOf(error: unknown): string {
  if (error instanceof WorkflowUpdateFailedError) return error.cause?.message ?? error.message;
  if (error instanceof WorkflowNotFoundError)
    return 'no running workflow for this case (it ended, or was never started)';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends the `refreshCalendar` Update with the new calendar to every open case (Case.status not closed), at
 * most `concurrency` at a time, so their open due dates, reminders and escalations follow a published or
 * corrected year. One case failing (its workflow gone or already completed) does not stop the others; when
 * Temporal itself does not answer, the cases not yet sent are reported with that reason instead of waiting
 * on each. Safe to run again: a case that already has this calendar changes nothing.
 */
export async function refreshOpenCases(
  deps: RefreshOpenCasesDeps,
  options: RefreshOpenCasesOptions,
): Promise<RefreshOpenCasesResult> {
  const rows = await deps.db.case.findMany({
    where: {
      status: { notIn: CLOSED_CASE_STATUSES },
      ...(options.caseNos ? { caseNo: { in: options.caseNos } } : {}),
    },
    select: { caseNo: true },
    orderBy: { caseNo: 'asc' },
  });
  const payload = { actor: options.actor, calendar: options.calendar };
  const updateId = calendarUpdateId(options.calendar);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const result: RefreshOpenCasesResult = { openCases: rows.length, refreshed: 0, unchanged: 0, failed: [] };
  let unreachable: string | undefined;
  let next = 0;
  options.onStart?.(rows.length);

  const fail = (caseNo: string, reason: string) => {
    result.failed.push({ caseNo, reason });
    options.onCase?.({ caseNo, outcome: 'failed', reason });
  };

  async function refreshOne(caseNo: string): Promise<void> {
    if (unreachable) {
      fail(caseNo, unreachable);
      return;
    }
    try {
      const handle = deps.temporal.client.workflow.getHandle(caseNo);
      const view = await deps.temporal.connection.withDeadline(Date.now() + timeoutMs, () =>
        handle.executeUpdate(refreshCalendar, { args: [payload], updateId }),
      );
      const outcome = movedAnything(view) ? 'refreshed' : 'unchanged';
      result[outcome] += 1;
      options.onCase?.({ caseNo, outcome });
    } catch (error) {
      if (isTemporalUnreachable(error))
        unreachable ??= `not sent: Temporal at ${deps.temporal.address} did not answer`;
      fail(caseNo, isTemporalUnreachable(error) ? unreachable! : reasonOf(error));
    }
  }

  const lanes = Array.from(
    { length: Math.max(1, Math.min(options.concurrency ?? 8, rows.length)) },
    async () => {
      while (next < rows.length) await refreshOne(rows[next++].caseNo);
    },
  );
  await Promise.all(lanes);
  result.failed.sort((a, b) => a.caseNo.localeCompare(b.caseNo));
  return result;
}
