import { z } from 'zod';

/**
 * Fields the Update payloads share. The payloads are recorded in workflow histories: a change here changes
 * what running cases accept, so change a field only behind a patch.
 */
export const actor = z.string().trim().min(1, 'actor is required: who acts');
export const stepId = z.string().min(1, 'stepId is required');
export const text = (what: string) => z.string().trim().min(1, `${what} is required`);
/** One or more people. */
export const people = (what: string) => z.array(text(what)).min(1, `name at least one ${what}`);
