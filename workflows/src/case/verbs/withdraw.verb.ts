import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { withdraw } from '../engine/case-closing';
import type { CaseView } from '../engine/case-state';
import { assertInReview } from '../handlers/case-validators';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, text } from './payload-fields';

export const withdrawCaseSchema = z.object({
  by: z.enum(['applicant', 'window']),
  actor,
  reason: text('reason'),
});
export type WithdrawCase = z.infer<typeof withdrawCaseSchema>;
/** 撤回 by the applicant or the window before the decision: cancels every open step. */
export const withdrawCase = defineUpdate<CaseView, [WithdrawCase]>('withdrawCase');

export const withdrawVerb = defineCaseVerb({
  verb: 'withdraw',
  update: withdrawCase,
  payload: withdrawCaseSchema,
  validate: ({ engine }) => assertInReview(engine.state),
  handle: ({ engine }, p) => withdraw(engine, p),
  toUpdateArgs: requestWithActor,
});
