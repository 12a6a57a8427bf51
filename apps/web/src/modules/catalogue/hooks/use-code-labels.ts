import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type CodeTable =
  | 'itemType'
  | 'level'
  | 'handlingType'
  | 'handlingForm'
  | 'serviceObject'
  | 'unit'
  | 'materialForm'
  | 'materialNecessity'
  | 'materialSource'
  | 'materialKind'
  | 'resultKind';

/** Names for national code-table values in the user's language; an unknown code shows as itself. */
export function useCodeLabel(): (table: CodeTable, code: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (table: CodeTable, code: string) => t(`codes.${table}.${code}`, { defaultValue: code }),
    [t],
  );
}
