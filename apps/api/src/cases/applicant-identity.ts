// Interim check-digit validation until @onewindow/standards exports its identity validators (its
// src/index.ts has not landed yet): then this file becomes validateResidentId / validateUscc from there.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function residentIdProblem(value: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(value)) return 'a resident ID has 17 digits and a check digit or X';
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (Number(value.slice(6, 10)) < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return `birth date '${value.slice(6, 14)}' (characters 7–14) is not a valid date`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  const expected = '10X98765432'[sum % 11];
  return value[17] === expected ? undefined : `check digit (character 18) is '${value[17]}', expected '${expected}' (ISO 7064 MOD 11-2)`;
}

function usccProblem(value: string): string | undefined {
  if (value.length !== 18 || [...value].some((c) => !USCC_ALPHABET.includes(c))) return 'a unified social credit code has 18 characters (digits and capitals except I, O, Z, S, V)';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(value[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  const expected = USCC_ALPHABET[c === 31 ? 0 : c];
  return value[17] === expected ? undefined : `check character (character 18) is '${value[17]}', expected '${expected}' (GB 32100 mod 31)`;
}

/** Resident ID for a person, USCC for an organisation; undefined when the number checks out. */
export const checkApplicantId = (kind: 'person' | 'organisation', idNumber: string): string | undefined =>
  kind === 'person' ? residentIdProblem(idNumber) : usccProblem(idNumber);
