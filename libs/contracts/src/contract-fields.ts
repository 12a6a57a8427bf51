import { z } from 'zod';

/** Fields that several contracts share, with the same messages everywhere. */
export const requiredText = (what: string, max = 200) =>
  z.string().trim().min(1, `${what} is required`).max(max);

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
