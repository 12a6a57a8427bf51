import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../api-error';

const NONE: ReadonlySet<string> = new Set();
const samePath = (path: string) => path;
const namePathOf = (path: string) =>
  path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * A refusal's field errors under the form's own fields: each error whose path (`otherGrants.0.departmentCode`)
 * names a field of the form is shown on that field, in the server's words. Returns those paths, for the alert
 * over the form to leave out (`ApiErrorAlert`'s `shownOnForm`); errors of other paths stay in the alert. Matched
 * after the form's fields have mounted (they register in their own effects, which run before this one).
 * `fieldOf` names the form's field of a request path where the two differ (`applicant.idNumber` → `idNumber`);
 * pass a function defined once (at module level), not a new one each render.
 */
export function useFormFieldProblems(
  form: FormInstance,
  error: unknown,
  fieldOf: (path: string) => string = samePath,
): ReadonlySet<string> {
  const [shown, setShown] = useState(NONE);
  useEffect(() => {
    const errors = isApiError(error) ? (error.problem?.errors ?? []) : [];
    const fields = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const byPath = new Map<string, string[]>();
    const shownPaths = new Set<string>();
    for (const e of errors) {
      const field = fieldOf(e.path);
      if (!fields.has(field)) continue;
      byPath.set(field, [...(byPath.get(field) ?? []), e.message]);
      shownPaths.add(e.path);
    }
    form.setFields([...byPath].map(([field, messages]) => ({ name: namePathOf(field), errors: messages })));
    setShown(shownPaths.size > 0 ? shownPaths : NONE);
  }, [form, error, fieldOf]);
  return shown;
}
