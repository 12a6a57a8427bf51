import { validateResidentId, validateUscc } from '@onewindow/standards';

/**
 * Resident ID (GB 11643) for a person, USCC (GB 32100) for an organisation; undefined when the number
 * checks out, else the validator's sentence naming the rule and character. A birth date after the
 * acceptance day is refused as well.
 */
export function checkApplicantId(
  kind: 'person' | 'organisation',
  idNumber: string,
  asOf?: string,
): string | undefined {
  const result =
    kind === 'person' ? validateResidentId(idNumber, asOf ? { asOf } : {}) : validateUscc(idNumber);
  return result.ok ? undefined : result.message;
}
