import { failed, passed, type IdentityCheck } from '../identity/identity-check';
import { isProvinceCode } from '../identity/province-codes.data';
import { validateUscc } from '../identity/uscc.validator';

export type ItemCodeRule =
  | 'length'
  | 'format'
  | 'basic-code-region'
  | 'basic-code-type'
  | 'implementing-body-uscc'
  | 'exercise-level'
  | 'handling-item-sequence';

/**
 * 基本编码 (12): RR TT MMMMM SSS. The segmentation is inferred from real codes and
 * UNCONFIRMED against GB/T 39554.1 (docs/domain.md §1.2); positions are reported relative to `offset`.
 */
export function validateBasicCode(value: string, offset = 0): IdentityCheck<ItemCodeRule> {
  if (value.length !== 12)
    return failed('length', `basic code (基本编码) must have 12 characters, got ${value.length}`);
  const bad = value.search(/\D/);
  if (bad >= 0)
    return failed(
      'format',
      `basic code character ${bad + 1} must be a digit, got '${value[bad]}'`,
      offset + bad + 1,
    );
  const rr = value.slice(0, 2);
  if (rr !== '00' && !isProvinceCode(rr))
    return failed(
      'basic-code-region',
      `basic code characters 1–2 '${rr}' must be 00 (national) or a province code (segmentation inferred, UNCONFIRMED)`,
      offset + 1,
    );
  const tt = value.slice(2, 4);
  if (Number(tt) > 29)
    return failed(
      'basic-code-type',
      `basic code characters 3–4 '${tt}' must be an item type code 00–29 (GB/T 39046 A.1; segmentation inferred)`,
      offset + 3,
    );
  return passed;
}

/** 实施编码 (31) = implementing body USCC(18) + exercise level(1) + basic code(12); level meaning inferred, UNCONFIRMED. */
export function validateImplementationCode(value: string, offset = 0): IdentityCheck<ItemCodeRule> {
  if (value.length !== 31)
    return failed(
      'length',
      `implementation code (实施编码) must have 31 characters (USCC 18 + level 1 + basic code 12), got ${value.length}`,
    );
  const uscc = validateUscc(value.slice(0, 18));
  if (!uscc.ok)
    return failed(
      'implementing-body-uscc',
      `implementing-body USCC (characters 1–18): ${uscc.message}`,
      offset + (uscc.position ?? 1),
    );
  if (!/^[1-7]$/.test(value[18]))
    return failed(
      'exercise-level',
      `character 19 (exercise level 行使层级) must be 1–7, got '${value[18]}'`,
      offset + 19,
    );
  return validateBasicCode(value.slice(19), offset + 19);
}

/** 业务办理项编码 (33) = implementation code(31) + sequence 01–99. */
export function validateHandlingItemCode(value: string): IdentityCheck<ItemCodeRule> {
  if (value.length !== 33)
    return failed(
      'length',
      `handling item code (业务办理项编码) must have 33 characters (implementation code 31 + sequence 2), got ${value.length}`,
    );
  const impl = validateImplementationCode(value.slice(0, 31));
  if (!impl.ok) return impl;
  const seq = value.slice(31);
  if (!/^\d\d$/.test(seq) || seq === '00')
    return failed(
      'handling-item-sequence',
      `characters 32–33 (handling item sequence) must be 01–99, got '${seq}'`,
      32,
    );
  return passed;
}

export interface ImplementationCodeParts {
  implementingBodyUscc: string;
  level: string;
  basicCode: string;
}

/** Splits a 31-char implementation code (call after validating). */
export const splitImplementationCode = (code: string): ImplementationCodeParts => ({
  implementingBodyUscc: code.slice(0, 18),
  level: code.slice(18, 19),
  basicCode: code.slice(19, 31),
});

export const buildImplementationCode = (parts: ImplementationCodeParts): string =>
  parts.implementingBodyUscc + parts.level + parts.basicCode;
