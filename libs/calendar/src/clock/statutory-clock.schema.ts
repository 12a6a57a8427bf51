import { z } from 'zod';
import { isoDateSchema } from '../data/calendar-data.schema';
import { suspensionReasonSchema } from './suspension-reason';

export const timeLimitSchema = z.object({
  value: z
    .number()
    .int('limit value must be a whole number of days')
    // 0 = 即办件 (decided on the spot): the clock is due on its start day.
    .min(0, 'limit value must be 0 (即办, due the same day) or more days'),
  unit: z.enum(['working_day', 'natural_day']),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** Warning when at most `warningDays` units remain, or at most `warningPercent` % of the (extended) limit. */
export const warningThresholdsSchema = z.object({
  warningDays: z.number().int().min(0).optional(),
  warningPercent: z.number().min(0).max(100).optional(),
});
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { warningDays: 3 };

export const clockEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('suspended'), at: isoDateSchema, reason: suspensionReasonSchema }),
  z.object({ type: z.literal('resumed'), at: isoDateSchema }),
  z.object({
    type: z.literal('extended'),
    days: z.number().int().min(1, 'an extension must add at least 1 day'),
    approvedBy: z.string().trim().min(1, 'an extension needs the approver'),
    reason: z.string().trim().min(1, 'an extension needs a reason (it must be given to the applicant)'),
    at: isoDateSchema.optional(),
  }),
]);
export type ClockEvent = z.infer<typeof clockEventSchema>;

export const startClockInputSchema = z.object({
  startDate: isoDateSchema,
  limit: timeLimitSchema,
  countStartDay: z.boolean().optional(),
  thresholds: warningThresholdsSchema.optional(),
});
export type StartClockInput = z.input<typeof startClockInputSchema>;

/** The serialised clock (what lives in Temporal workflow state); every field explicit so it round-trips exactly. */
export const statutoryClockSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  startDate: isoDateSchema,
  limit: timeLimitSchema,
  countStartDay: z.boolean(),
  thresholds: warningThresholdsSchema,
  history: z.array(clockEventSchema),
});
export type StatutoryClockSnapshot = z.infer<typeof statutoryClockSnapshotSchema>;
