import { z } from 'zod';
import { calendarYearSchema, isoDateSchema } from '@onewindow/calendar';

/**
 * GET /api/calendar — every year in force up to next year: official + uploaded, and for a year without a notice
 * the provisional statutory holidays of the 放假办法 (`provisional: true`, no 调休).
 */
export const calendarResponseSchema = z.object({
  years: z.array(calendarYearSchema),
});

/** PUT /api/calendar/years/:year — a new year's holiday notice (body) — `?replaceOfficial=true` confirms a correction. */
export const putCalendarYearRequestSchema = calendarYearSchema;
export const putCalendarYearQuerySchema = z.strictObject({
  replaceOfficial: z.enum(['true', 'false']).optional(),
});
/**
 * The answer to PUT /api/calendar/years/:year: the year is stored, then every open case gets the merged
 * calendar (refreshCalendar Update). openCases = refreshed + unchanged + failed.length. A failed case does not
 * fail the request: run `tools/calendar/refresh-open-cases.ts` again for it.
 */
export const calendarRefreshSummarySchema = z.object({
  year: z.number().int(),
  /** Cases not issued, withdrawn or rejected at intake when the year was stored. */
  openCases: z.number().int().min(0),
  /** Took the new calendar and at least one due date moved. */
  refreshed: z.number().int().min(0),
  /** Took the new calendar; no due date moved. */
  unchanged: z.number().int().min(0),
  failed: z.array(z.object({ caseNo: z.string(), reason: z.string() })),
});
export type CalendarRefreshSummary = z.infer<typeof calendarRefreshSummarySchema>;
export const putCalendarYearResponseSchema = calendarRefreshSummarySchema;

/** GET /api/calendar/deadline — the statutory due date for a period on the calendar in force (provisional past the last notice). */
export const deadlineQuerySchema = z.strictObject({
  from: isoDateSchema,
  days: z.coerce
    .number({ error: 'days must be a whole number' })
    .int('days must be a whole number')
    .min(0)
    .max(3650),
  unit: z.enum(['working_day', 'natural_day']).default('working_day'),
  countStartDay: z.enum(['true', 'false']).optional(),
});
export const deadlineResponseSchema = z.object({
  from: z.string(),
  days: z.number(),
  unit: z.enum(['working_day', 'natural_day']),
  due: z.string(),
  provisional: z.boolean(),
  /** Why the due date may still move, e.g. "no holiday notice for 2027 yet"; absent when not provisional. */
  provisionalReason: z.string().optional(),
  holidaysCrossed: z.array(
    z.object({
      name: z.string(),
      nameEn: z.string().optional(),
      start: z.string(),
      end: z.string(),
      daysInPeriod: z.number(),
    }),
  ),
});
export type DeadlineResponse = z.infer<typeof deadlineResponseSchema>;
