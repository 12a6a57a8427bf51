import { z } from 'zod';

/**
 * 常用语 (standard phrases): texts an approver inserts into an opinion or a reason. The department's list
 * is kept by its lead (or an administrator); each user keeps their own.
 */
export const phraseScopes = ['department', 'user'] as const;

/** A phrase is at most as long as the opinions and reasons it goes into (the verb contracts' limit). */
export const PHRASE_MAX_LENGTH = 2000;
/** At most this many phrases per list (the department's, or one user's). */
export const PHRASES_PER_LIST = 100;

export const standardPhraseSchema = z.object({
  id: z.string(),
  scope: z.enum(phraseScopes),
  text: z.string(),
  sortOrder: z.number().int(),
});
export type StandardPhrase = z.infer<typeof standardPhraseSchema>;

/** GET /api/phrases — the signed-in user's phrases and their department's, each in its order. */
export const phraseListsSchema = z.object({
  mine: z.array(standardPhraseSchema),
  department: z.object({
    code: z.string(),
    items: z.array(standardPhraseSchema),
    /** Whether this user may keep the department's list (phrase.manage). */
    canManage: z.boolean(),
  }),
});
export type PhraseLists = z.infer<typeof phraseListsSchema>;

/** GET /api/phrases/departments/:code — one department's list (phrase.manage). */
export const phraseListSchema = z.object({ items: z.array(standardPhraseSchema) });
export type PhraseList = z.infer<typeof phraseListSchema>;

/** POST …/phrases/mine, …/departments/:code and PUT …/:id — the text, trimmed; blank or too long is refused. */
export const phraseRequestSchema = z.strictObject({
  text: z
    .string({ error: 'text is required (the phrase)' })
    .trim()
    .min(1, 'text is empty: write the phrase')
    .max(PHRASE_MAX_LENGTH, `text is longer than ${PHRASE_MAX_LENGTH} characters: shorten it`),
});
export type PhraseRequest = z.infer<typeof phraseRequestSchema>;

/** PUT …/order — every phrase of the list, by id, once each, in the new order. */
export const phraseOrderRequestSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(64))
    .min(1, 'ids lists the phrases in their new order')
    .max(PHRASES_PER_LIST)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'a phrase is listed twice' }),
});
export type PhraseOrderRequest = z.infer<typeof phraseOrderRequestSchema>;

/** Codes of the API's refusals (problem `errors[].code`), for the web to say them in the user's language. */
export const phraseProblemCodes = ['phrase.duplicate', 'phrase.tooMany', 'phrase.orderMismatch'] as const;
