import { failed, passed, type IdentityCheck } from '../identity/identity-check';
import { validateUscc } from '../identity/uscc.validator';

/**
 * 电子证照标识: ROOT . type(21) . issuer USCC(18) . serial . version(3) . check.
 * Format from a provincial guide [P], UNCONFIRMED against GB/T 36904 (docs/domain.md §4.2).
 */
export const LICENCE_ROOT_OID = '1.2.156.3005.2';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 check character over type+issuer+serial+version (no dots); reproduces the example of docs/domain.md §4.2. */
export function licenceCheckCharacter(body: string): string {
  let p = 36;
  for (const ch of body) {
    let t = (p + ALPHABET.indexOf(ch)) % 36;
    if (t === 0) t = 36;
    p = (t * 2) % 37;
  }
  return ALPHABET[(37 - p) % 36];
}

export interface LicenceIdentifierParts {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: string;
}

export function buildLicenceIdentifier(parts: LicenceIdentifierParts): string {
  const check = licenceCheckCharacter(parts.typeCode + parts.issuerCode + parts.serial + parts.version);
  return [LICENCE_ROOT_OID, parts.typeCode, parts.issuerCode, parts.serial, parts.version, check].join('.');
}

export type LicenceIdentifierRule =
  'root' | 'structure' | 'type-code' | 'issuer-code' | 'serial' | 'version' | 'check-character';

export function parseLicenceIdentifier(
  value: string,
): (LicenceIdentifierParts & { check: string }) | undefined {
  if (!value.startsWith(LICENCE_ROOT_OID + '.')) return undefined;
  const rest = value.slice(LICENCE_ROOT_OID.length + 1).split('.');
  if (rest.length !== 5) return undefined;
  const [typeCode, issuerCode, serial, version, check] = rest;
  return { typeCode, issuerCode, serial, version, check };
}

export function validateLicenceIdentifier(value: string): IdentityCheck<LicenceIdentifierRule> {
  if (!value.startsWith(LICENCE_ROOT_OID + '.'))
    return failed('root', `licence identifier must start with the root OID ${LICENCE_ROOT_OID}.`, 1);
  const parts = parseLicenceIdentifier(value);
  if (!parts)
    return failed(
      'structure',
      'licence identifier must have 5 dot-separated parts after the root: type.issuer.serial.version.check',
    );
  let pos = LICENCE_ROOT_OID.length + 2;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/.test(parts.typeCode))
    return failed(
      'type-code',
      `certificate type code '${parts.typeCode}' must be a USCC (18) + 3 digits`,
      pos,
    );
  pos += parts.typeCode.length + 1;
  const issuer = validateUscc(parts.issuerCode);
  if (!issuer.ok)
    return failed('issuer-code', `issuer code: ${issuer.message}`, pos + (issuer.position ?? 1) - 1);
  pos += parts.issuerCode.length + 1;
  if (!/^[0-9A-Z]{1,32}$/.test(parts.serial))
    return failed('serial', 'serial must be 1–32 digits or capitals', pos);
  pos += parts.serial.length + 1;
  if (!/^\d{3}$/.test(parts.version))
    return failed('version', `version must be 3 digits, got '${parts.version}'`, pos);
  pos += 4;
  const expected = licenceCheckCharacter(parts.typeCode + parts.issuerCode + parts.serial + parts.version);
  if (parts.check !== expected)
    return failed(
      'check-character',
      `check character is '${parts.check}', expected '${expected}' (ISO 7064 MOD 37,36; UNCONFIRMED)`,
      pos,
    );
  return passed;
}
