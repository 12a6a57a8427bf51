/** Outcome of an identity/code check: on failure, which rule failed and at which 1-based character position. */
export type IdentityCheck<Rule extends string = string> =
  { ok: true } | { ok: false; rule: Rule; position?: number; message: string };

export const passed = { ok: true } as const;

export function failed<Rule extends string>(
  rule: Rule,
  message: string,
  position?: number,
): IdentityCheck<Rule> {
  return position === undefined ? { ok: false, rule, message } : { ok: false, rule, position, message };
}
