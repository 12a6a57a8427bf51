import { failed, passed, type IdentityCheck } from './identity-check';

export type MobileRule = 'length' | 'format' | 'prefix';

/** Mainland mobile number: 11 digits, '1' then 3–9 (an optional +86 / 86 prefix is accepted). */
export function validateMobile(value: string): IdentityCheck<MobileRule> {
  const number = value.startsWith('+86')
    ? value.slice(3)
    : value.length === 13 && value.startsWith('86')
      ? value.slice(2)
      : value;
  const offset = value.length - number.length;
  if (number.length !== 11)
    return failed('length', `mobile number must have 11 digits, got ${number.length}`);
  for (let i = 0; i < 11; i++) {
    const c = number.charCodeAt(i);
    if (c < 48 || c > 57)
      return failed(
        'format',
        `character ${offset + i + 1} must be a digit, got '${number[i]}'`,
        offset + i + 1,
      );
  }
  if (number[0] !== '1' || number[1] < '3')
    return failed('prefix', `mobile number must start with 13–19, got '${number.slice(0, 2)}'`, offset + 1);
  return passed;
}
