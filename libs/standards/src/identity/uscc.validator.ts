import { failed, passed, type IdentityCheck } from './identity-check';

export type UsccRule = 'length' | 'charset' | 'region' | 'check-character';

/** GB 32100-2015 alphabet: digits and capitals without I, O, Z, S, V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character (position 18) of a unified social credit code, mod 31 (GB 32100-2015). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Unified social credit code: registering authority(1) + type(1) + division code(6) + organisation code(9) + check(1). */
export function validateUscc(value: string): IdentityCheck<UsccRule> {
  if (value.length !== 18)
    return failed('length', `unified social credit code must have 18 characters, got ${value.length}`);
  for (let i = 0; i < 18; i++) {
    if (USCC_ALPHABET.indexOf(value[i]) < 0)
      return failed(
        'charset',
        `character ${i + 1} '${value[i]}' is not allowed (digits and capitals except I, O, Z, S, V)`,
        i + 1,
      );
  }
  if (!/^\d{6}$/.test(value.slice(2, 8)))
    return failed('region', `characters 3–8 must be a 6-digit division code, got '${value.slice(2, 8)}'`, 3);
  const expected = usccCheckCharacter(value);
  if (value[17] !== expected)
    return failed(
      'check-character',
      `check character (character 18) is '${value[17]}', expected '${expected}' (GB 32100 mod 31)`,
      18,
    );
  return passed;
}
