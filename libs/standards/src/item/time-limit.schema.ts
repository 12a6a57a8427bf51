import { z } from 'zod';
import { timeLimitUnitSchema } from '../codes/code-tables';

/** A time limit (法定/承诺办结时限); 0 means decided on the spot. */
export const itemTimeLimitSchema = z.object({
  value: z.number().int('time-limit value must be a whole number of days').min(0).max(999),
  unit: timeLimitUnitSchema,
});
export type ItemTimeLimit = z.infer<typeof itemTimeLimitSchema>;

/** A refusal in English (`message`) and in Chinese (`zh`). */
export type LimitComparison = { ok: true } | { ok: false; message: string; zh: string };

/**
 * Promised ≤ statutory. Same unit: compare values. Promised natural vs statutory working: N natural days
 * never end later than N working days, so values compare. Promised working vs statutory natural needs a calendar: refused.
 */
const UNIT_ZH = { working_day: '个工作日', natural_day: '日' } as const;

export function comparePromisedToStatutory(
  promised: ItemTimeLimit,
  statutory: ItemTimeLimit,
): LimitComparison {
  if (promised.unit === 'working_day' && statutory.unit === 'natural_day')
    return {
      ok: false,
      message:
        'promised limit in working days cannot be checked against a statutory limit in natural days; state the promised limit in natural days',
      zh: '法定时限以自然日计时，承诺时限不能以工作日计：请把承诺时限单位改为自然日',
    };
  if (promised.value > statutory.value)
    return {
      ok: false,
      message: `promised limit (${promised.value} ${promised.unit}) exceeds the statutory limit (${statutory.value} ${statutory.unit}); the promised limit must not be longer`,
      zh: `承诺办结时限（${promised.value} ${UNIT_ZH[promised.unit]}）超过法定办结时限（${statutory.value} ${UNIT_ZH[statutory.unit]}）：承诺时限不得长于法定时限`,
    };
  return { ok: true };
}
