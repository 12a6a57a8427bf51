import { z } from 'zod';

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDateString(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const isoDateStringSchema = z
  .string()
  .refine(isIsoDateString, { message: 'expected a calendar date YYYY-MM-DD' });
