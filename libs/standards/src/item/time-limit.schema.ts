import { z } from 'zod';
import { timeLimitUnitSchema } from '../codes/code-tables';

/** A time limit (法定/承诺办结时限); 0 means decided on the spot. */
export const itemTimeLimitSchema = z.object({
  value: z.number().int('time-limit value must be a whole number of days').min(0).max(999),
  unit: timeLimitUnitSchema,
});
export type ItemTimeLimit = z.infer<typeof itemTimeLimitSchema>;

export type LimitComparison = { ok: true } | { ok: false; message: string };

/**
 * Promised ≤ statutory. Same unit: compare values. Promised natural vs statutory working: N natural days
 * never end later than N working days, so values compare. Promised working vs statutory natural needs a calendar: refused.
 */
export function comparePromisedToStatutory(
  promised: ItemTimeLimit,
  statutory: ItemTimeLimit,
): LimitComparison {
  if (promised.unit === 'working_day' && statutory.unit === 'natural_day')
    return {
      ok: false,
      message:
        'promised limit in working days cannot be checked against a statutory limit in natural days; state the promised limit in natural days',
    };
  if (promised.value > statutory.value)
    return {
      ok: false,
      message: `promised limit (${promised.value} ${promised.unit}) exceeds the statutory limit (${statutory.value} ${statutory.unit}); the promised limit must not be longer`,
    };
  return { ok: true };
}
