import { evaluate, parseExpression } from 'feelin';

export class ConditionError extends Error {
  constructor(
    message: string,
    readonly expression: string,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

/** A FEEL syntax error in `expression`, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  try {
    const tree = parseExpression(expression, {}, undefined);
    let error: number | undefined;
    tree.iterate({
      enter: (node) => {
        if (node.type.isError && error === undefined) error = node.from;
      },
    });
    return error === undefined ? undefined : `FEEL syntax error at position ${error} in "${expression}"`;
  } catch (e) {
    return `FEEL syntax error in "${expression}": ${(e as Error).message}`;
  }
}

/**
 * Evaluates a FEEL condition over the application data (feelin, no eval). Only `true` holds:
 * null (e.g. a missing field) and false do not; a non-boolean result is an error in the plan.
 */
export function evaluateCondition(expression: string, data: Record<string, unknown>): boolean {
  let value: unknown;
  try {
    value = evaluate(expression, data).value;
  } catch (e) {
    throw new ConditionError(`condition "${expression}" failed: ${(e as Error).message}`, expression);
  }
  if (value === null || value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new ConditionError(
      `condition "${expression}" gave ${JSON.stringify(value)}, not a boolean`,
      expression,
    );
  }
  return value;
}
