import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** What the clerk did with an online submission in pre-review (预审). */
export type ClerkOutcome = 'accepted' | 'correction_notified' | 'refused';

/** How the submission was settled: by a clerk, or deemed accepted when the notice period ran out (Art. 32). */
export type SubmissionSettlement =
  | { by: 'clerk'; outcome: ClerkOutcome; actor: string }
  | { by: 'system'; outcome: 'deemed_accepted'; caseNo?: string };

export interface SubmissionWorkflowInput {
  submissionNo: string;
  /** The day it was received (YYYY-MM-DD, Asia/Shanghai): deemed acceptance counts from it. */
  receivedOn: string;
  /** The last working day on which a one-time notice may be sent (5 working days after receipt). */
  deadline: string;
  /** Epoch ms at which the period ends: the end of `deadline` in Asia/Shanghai. */
  deemedAtMs: number;
  /** The task queue of the service that accepts applications (the API hosts `deemSubmissionAccepted`). */
  intakeTaskQueue: string;
}

/** The activity the workflow calls when the period ran out with no clerk action. */
export interface SubmissionActivities {
  /** Accepts the submission from its receipt time; a submission already settled is left as it is. */
  deemSubmissionAccepted(input: { submissionNo: string }): Promise<{ caseNo?: string; deemed: boolean }>;
}

/**
 * The clerk's action, sent before the API records it: the workflow refuses it once the submission was deemed
 * accepted (the validator's message is the API's 409 answer). The same outcome sent twice is accepted again.
 */
export const settleSubmission = defineUpdate<
  SubmissionSettlement,
  [{ outcome: ClerkOutcome; actor: string }]
>('settleSubmission');

export const submissionStateQuery = defineQuery<SubmissionSettlement | undefined>('submissionState');
