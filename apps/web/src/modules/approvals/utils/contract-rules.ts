import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { caseVerbDefinitions, type CaseVerb } from '@onewindow/contracts';

type Issue = z.core.$ZodIssue;

/** A string field's limits as the verb's contract states them (unwrapping optional fields and list items). */
export function textLimits(verb: CaseVerb, field: string): { max?: number } {
  const shape = (caseVerbDefinitions[verb].request as unknown as { shape: Record<string, unknown> }).shape;
  let schema = shape[field] as
    { unwrap?: () => unknown; element?: unknown; maxLength?: number | null } | undefined;
  while (schema?.unwrap) schema = schema.unwrap() as typeof schema;
  if (schema?.element) schema = schema.element as typeof schema;
  return schema?.maxLength ? { max: schema.maxLength } : {};
}

/** The contract's issue in the user's language, naming the field and the limit. */
export function issueMessage(t: TFunction, issue: Issue, fieldLabel: string): string {
  const what = fieldLabel;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array')
        return t('approvals.validation.minItems', { what, n: Number(issue.minimum) });
      if (issue.origin === 'string') return t('approvals.validation.required', { what });
      return t('approvals.validation.min', { what, n: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array')
        return t('approvals.validation.maxItems', { what, n: Number(issue.maximum) });
      if (issue.origin === 'string')
        return t('approvals.validation.maxLength', { what, n: Number(issue.maximum) });
      return t('approvals.validation.max', { what, n: Number(issue.maximum) });
    case 'invalid_value':
    case 'invalid_union':
      return t('approvals.validation.choose', { what });
    case 'invalid_type':
      return t('approvals.validation.required', { what });
    case 'custom':
      return issue.path.includes('groupName')
        ? t('approvals.validation.groupNeedsTwo')
        : t('approvals.validation.duplicatePerson', { what });
    default:
      return t('approvals.validation.invalid', { what });
  }
}

/**
 * Checks a request body with the verb's contract: issues grouped by form field (`fieldOf` maps an issue
 * path to the field that shows it), each in the user's language. Empty when the body is valid.
 */
export function contractErrors(
  t: TFunction,
  verb: CaseVerb,
  body: unknown,
  fieldOf: (path: PropertyKey[]) => string,
  labelOf: (field: string) => string,
): Map<string, string[]> {
  const result = caseVerbDefinitions[verb].request.safeParse(body);
  const errors = new Map<string, string[]>();
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    errors.set(field, [...(errors.get(field) ?? []), issueMessage(t, issue, labelOf(field))]);
  }
  return errors;
}
