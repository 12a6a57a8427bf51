import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import { isApiError } from '../api-error';

const NONE: ReadonlySet<string> = new Set();
const namePathOf = (path: string) =>
  path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * A refusal's field errors under the form's own fields: each error whose path (`otherGrants.0.departmentCode`)
 * names a field of the form is shown on that field, in the server's words. Returns those paths, for the alert
 * over the form to leave out (`ApiErrorAlert`'s `shownOnForm`); errors of other paths stay in the alert. Matched
 * after the form's fields have mounted (they register in their own effects, which run before this one).
 */
export function useFormFieldProblems(form: FormInstance, error: unknown): ReadonlySet<string> {
  const [shown, setShown] = useState(NONE);
  useEffect(() => {
    const errors = isApiError(error) ? (error.problem?.errors ?? []) : [];
    const fields = new Set(form.getFieldsError().map((f) => f.name.join('.')));
    const byPath = new Map<string, string[]>();
    for (const e of errors)
      if (fields.has(e.path)) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
    form.setFields([...byPath].map(([path, messages]) => ({ name: namePathOf(path), errors: messages })));
    setShown(byPath.size > 0 ? new Set(byPath.keys()) : NONE);
  }, [form, error]);
  return shown;
}
