import { z } from 'zod';

/** Fields that several contracts share, with the same messages everywhere. */
export const requiredText = (what: string, max = 200) =>
  z.string().trim().min(1, `${what} is required`).max(max);

/**
 * C0/C1 control characters (NUL, tab, line breaks …) and the marks that reorder text (U+202A–U+202E, U+2066–U+2069,
 * U+200E/U+200F, U+061C): invisible in a name, they make a printed or listed name read differently.
 */
const isInvisibleControl = (code: number) =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x200e ||
  code === 0x200f ||
  code === 0x061c ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

/** True when `text` has no control character nor bidirectional formatting mark. */
export const hasNoInvisibleControls = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (isInvisibleControl(text.charCodeAt(i))) return false;
  return true;
};

/** The message for a name that holds one of them, in the UI's language. */
export const invisibleControlsMessage = (what: string) =>
  `${what}含有不可见的控制字符或文字方向控制符（如 NUL、换行、U+202E 从右到左覆盖），请删除后重新填写`;

/** A person's or an organisation's name: required, bounded, with no invisible control character. */
export const personNameSchema = (what: string, label: string, max = 200) =>
  requiredText(what, max).refine(hasNoInvisibleControls, { message: invisibleControlsMessage(label) });

export const stepIdSchema = requiredText('stepId', 100);

/** A user by id (the `id` of /api/auth/me, e.g. `demo-approver.scjg`), as the workflow names its signers. */
export const userIdSchema = requiredText('a user id', 64);

const distinct = (list: string[]) => new Set(list).size === list.length;

/** One or more users, none twice. */
export const peopleSchema = (what: string, max = 20) =>
  z
    .array(userIdSchema)
    .min(1, `name at least one ${what}`)
    .max(max, `at most ${max} people`)
    .refine(distinct, { message: `a person is named twice in the ${what} list` });
