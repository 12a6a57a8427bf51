import { servicePlanSchema } from '@onewindow/flow-model';
import { calendarDataSchema } from '@onewindow/calendar';
import { z } from 'zod';
import type { CalendarData } from '../clock/case-clock';
import type { CaseState } from './case-state';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A case limit; 0 = 即办件 (decided on the spot): the clock is due on the acceptance day. */
const caseLimitSchema = z.object({
  value: z.number().int().min(0),
  unit: z.enum(['working_day', 'natural_day']),
});

export const caseWorkflowInputSchema = z.object({
  caseNo: z.string().min(1),
  /** The plan version pinned at start; `planHash` must equal `hashPlan(plan)`. */
  plan: servicePlanSchema,
  planHash: z.string().min(1),
  /** Application data the FEEL conditions read. */
  applicationData: z.record(z.string(), z.unknown()).default({}),
  /** Shanghai date of acceptance (受理): the case clocks start here. */
  acceptedOn: isoDate,
  limits: z.object({
    statutory: caseLimitSchema,
    promised: caseLimitSchema.optional(),
    /**
     * The most working days that approved extensions may add to the statutory clock in all (行政许可法 Art. 42:
     * 10 on the general limit, 15 on the joint limit of ¶2). Absent (cases started before it): no cap.
     */
    maxExtensionDays: z.number().int().min(0).optional(),
  }),
  /**
   * 容缺受理: each tolerated material, by code, with the date the applicant promised to hand it in and the
   * catalogue's rule for a missed date (`wait`: keep waiting, the window reminded once; `terminate`: 终止办理).
   * No personal data. Empty: an ordinary acceptance.
   */
  toleratedGaps: z
    .array(
      z.object({
        materialCode: z.string().min(1),
        dueDate: isoDate,
        onOverdue: z.enum(['wait', 'terminate']).default('wait'),
      }),
    )
    .default([]),
  /**
   * Tell the applicant "ready for collection" (the case is decided) and "supplement needed" (补正) through the
   * sendApplicantMessage activity. Pinned at start (the API sets it): cases started before the channel existed
   * have no such field and send nothing, in every projections mode.
   */
  applicantMessages: z.boolean().optional(),
  /** Does the acceptance/opening day count as day 1? (UNCONFIRMED in law: configurable.) */
  countStartDay: z.boolean().optional(),
  /** Calendar data; when absent the workflow loads it through the loadCalendar activity. */
  calendar: calendarDataSchema.optional(),
  reminders: z
    .object({
      /** Remind the assignees when this many working days are left (start of that working day). */
      remainingWorkingDays: z.array(z.number().int().positive()).default([2]),
      /** Escalate to the department lead when the due day is over. */
      escalateOverdue: z.boolean().default(true),
    })
    .default({ remainingWorkingDays: [2], escalateOverdue: true }),
  /**
   * How projection writes run: regular `activity` tasks (the default, so cases started before local
   * projections existed replay unchanged), or local activities in the worker holding the workflow task
   * (no server round trip). `activity-serial`, what the API starts new cases with, sends them as regular
   * activities one batch at a time: only a committed workflow task schedules a write (docs/decisions/0016).
   * `local-serial` (one local batch at a time) and `local` (concurrent, which SDK 1.24 cannot always replay,
   * docs/decisions/0005) let a workflow task that timed out write before it was abandoned; they are kept only for
   * cases started with them. Carried by continue-as-new.
   */
  projections: z.enum(['activity', 'local', 'local-serial', 'activity-serial']).default('activity'),
  /** Continue-as-new once the history has this many events (Temporal also suggests it). */
  historyLimit: z.number().int().positive().default(10_000),
  /** Set by continueAsNew only. */
  continued: z.custom<ContinuedCase>().optional(),
});

export type CaseWorkflowInput = z.input<typeof caseWorkflowInputSchema>;
export type ParsedCaseInput = z.output<typeof caseWorkflowInputSchema>;

export interface ContinuedCase {
  state: CaseState;
  calendar: CalendarData;
}
