import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { calendarDataSchema } from '@onewindow/calendar';
import { z } from 'zod';
import type { CaseView, IssueSummary } from '../engine/case-state';
import { actor } from '../verbs/payload-fields';

/**
 * The case workflow's messages that are not approver verbs (each verb's Update and payload schema are in
 * its file under `verbs/`), and `parsePayload`. Handlers: `case-handlers.ts`.
 */
export type { WithdrawCase } from '../verbs/withdraw.verb';
/** 容缺补齐 at the window (not an approver verb). */
export { supplyToleratedMaterial } from '../verbs/supply-tolerated-material.update';

export const issueResultsSchema = z.object({
  actor,
  delivery: z.object({
    method: z.enum(['window', 'post', 'electronic']),
    address: z.string().optional(),
    trackingNo: z.string().optional(),
  }),
});

export const refreshCalendarSchema = z.object({ actor, calendar: calendarDataSchema });

export type IssueResults = z.infer<typeof issueResultsSchema>;
export type RefreshCalendar = z.input<typeof refreshCalendarSchema>;

/** Unified issuance at the window (统一出件): records certificates and delivery, completes the case. */
export const issueResults = defineUpdate<IssueSummary, [IssueResults]>('issueResults');

/** New calendar data (a year published, a correction): open due dates, reminders and escalations are recomputed. */
export const refreshCalendar = defineUpdate<CaseView, [RefreshCalendar]>('refreshCalendar');

/** The full case state for the UI: steps, clocks, history. */
export const caseStateQuery = defineQuery<CaseView>('caseState');

/** Parses a payload, turning zod issues into one readable sentence. */
export function parsePayload<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(
    parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; '),
  );
}
