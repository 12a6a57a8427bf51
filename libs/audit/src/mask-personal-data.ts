/**
 * Masking of personal data for lists, logs and error messages. Full values stay in the case file;
 * everything that leaves it for display or diagnostics goes through these functions.
 */

const residentId18 = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const residentId15 = /(?<![0-9A-Za-z])(\d{6})\d{6}(\d{3})(?![0-9A-Za-z])/g;
// 统一社会信用代码: 18 characters of digits and capitals without I, O, Z, S, V.
const uscc =
  /(?<![0-9A-Za-z])([0-9A-HJ-NPQRTUWXY]{2}\d{6})[0-9A-HJ-NPQRTUWXY]{8}([0-9A-HJ-NPQRTUWXY]{2})(?![0-9A-Za-z])/g;
// Like the identity numbers, not inside a run of letters and digits: the hex of an id (a UUID's last group
// `a13912345678`) is not a phone number, and masking it would break the id in the audit's target.
const mobile = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;
// An e-mail address, zhangsan@example.com → z***@example.com: the first character and the domain stay readable
// (which provider, not who); a masked one is not matched again.
const email =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![A-Za-z0-9-])/g;

/** 11010519491231002X → 110105********002X (15-digit IDs: first 6 and last 3 kept). */
export function maskResidentId(id: string): string {
  const value = id.trim();
  if (/^\d{17}[\dXx]$/.test(value)) return `${value.slice(0, 6)}********${value.slice(14)}`;
  if (/^\d{15}$/.test(value)) return `${value.slice(0, 6)}******${value.slice(12)}`;
  return maskUnknown(value);
}

/** 13812345678 → 138****5678; other numbers keep their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****';
}

/** 91350100M000100Y43 → 91350100********43 (registration authority and region stay readable). */
export function maskUscc(code: string): string {
  const value = code.trim().toUpperCase();
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return `${value.slice(0, 8)}********${value.slice(16)}`;
  return maskUnknown(value);
}

function maskUnknown(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}

/**
 * Masks every e-mail address, resident ID, credit code and mobile number found inside free text (e-mail
 * addresses first: a mobile number as an address's local part is masked with it).
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(email, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(residentId18, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(residentId15, (_m, head: string, tail: string) => `${head}******${tail}`)
    .replace(uscc, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(mobile, (_m, head: string, tail: string) => `${head}****${tail}`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** Masks strings inside plain objects and arrays (class instances such as requests are left alone). */
export function maskDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return maskPersonalData(value) as T;
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1)) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)])) as T;
  }
  return value;
}
