import { validateResidentId, validateUscc } from '@onewindow/standards';
import type { TFunction } from 'i18next';

/**
 * The applicant's identity number checked as it is typed: a resident ID (GB 11643) for a person, a unified
 * social credit code (GB 32100) for an organisation; the message says which rule failed and where.
 */
export function identityProblem(
  t: TFunction,
  kind: 'person' | 'organisation',
  value: string,
): string | undefined {
  const id = value.trim().toUpperCase();
  if (!id) return t('window.applicant.idRequired');
  const check = kind === 'person' ? validateResidentId(id) : validateUscc(id);
  if (check.ok) return undefined;
  return t(`window.applicant.idRules.${kind}.${check.rule}`, {
    position: check.position ?? '',
    defaultValue: check.message,
  });
}
