import { failed, passed, type IdentityCheck } from './identity-check';
import { isProvinceCode } from './province-codes.data';

export type ResidentIdRule = 'length' | 'format' | 'region' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID (GB 11643). */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

export interface ResidentIdOptions {
  /** ISO date (YYYY-MM-DD); when given, a birth date after it fails. Never read from the clock. */
  asOf?: string;
}

/** 18-character resident identity number (GB 11643-1999): region(6) + birth date(8) + sequence(3) + check. */
export function validateResidentId(
  value: string,
  options: ResidentIdOptions = {},
): IdentityCheck<ResidentIdRule> {
  if (value.length !== 18)
    return failed('length', `resident ID must have 18 characters, got ${value.length}`);
  for (let i = 0; i < 17; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57)
      return failed('format', `character ${i + 1} must be a digit, got '${value[i]}'`, i + 1);
  }
  if (!/[0-9X]/.test(value[17]))
    return failed('format', `character 18 must be a digit or 'X', got '${value[17]}'`, 18);
  if (!isProvinceCode(value.slice(0, 2)))
    return failed(
      'region',
      `region prefix '${value.slice(0, 6)}' does not start with a province code (characters 1–2 '${value.slice(0, 2)}')`,
      1,
    );
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isValidDate(y, m, d))
    return failed(
      'birth-date',
      `birth date '${value.slice(6, 14)}' (characters 7–14) is not a valid date from 1900 on`,
      7,
    );
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (options.asOf && birth > options.asOf)
    return failed('birth-date', `birth date ${birth} (characters 7–14) is after ${options.asOf}`, 7);
  const expected = residentIdCheckDigit(value);
  if (value[17] !== expected)
    return failed(
      'check-digit',
      `check digit (character 18) is '${value[17]}', expected '${expected}' (ISO 7064 MOD 11-2)`,
      18,
    );
  return passed;
}

/** Birth date encoded in a resident ID (assumes the ID already validated). */
export const residentIdBirthDate = (id: string): string =>
  `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
