import type { z } from 'zod';
import { zodProblem } from './problem';

/** Parses a boundary value with its zod schema; failures become a 400 problem naming every bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw zodProblem(result.error, where);
  return result.data;
}
