import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  settleSubmission,
  submissionStateQuery,
  type SubmissionActivities,
  type SubmissionSettlement,
  type SubmissionWorkflowInput,
} from './submission.messages';

/**
 * One online submission in pre-review (预审), workflow id `submission:<submissionNo>`. 行政许可法 Art. 32 ¶1 (4):
 * the applicant must be told everything that is missing within 5 working days, or the application counts as
 * accepted from the day it was received. The workflow waits until the end of the deadline day for a clerk's
 * action (`settleSubmission`: accepted, one-time notice or refusal) and ends with it; if none came, it settles
 * the submission as deemed accepted and calls `deemSubmissionAccepted` (retried until it succeeds), which
 * accepts it with the receipt time as the acceptance time.
 */
export async function submissionWorkflow(input: SubmissionWorkflowInput): Promise<SubmissionSettlement> {
  let settlement: SubmissionSettlement | undefined;
  setHandler(submissionStateQuery, () => settlement);
  setHandler(
    settleSubmission,
    (action) => {
      settlement ??= { by: 'clerk', outcome: action.outcome, actor: action.actor };
      return settlement;
    },
    {
      validator: (action) => {
        if (settlement?.by === 'system')
          throw new Error(
            `网上申报 ${input.submissionNo} 在 ${input.deadline} 前未收到补正告知，已依法视为自 ${input.receivedOn} 起受理，不能再作处理`,
          );
        if (settlement && settlement.outcome !== action.outcome)
          throw new Error(`网上申报 ${input.submissionNo} 已由 ${settlement.actor} 处理，请刷新后查看`);
      },
    },
  );

  const wait = input.deemedAtMs - Date.now();
  if (wait > 0) await condition(() => settlement !== undefined, wait);
  if (settlement) return settlement;

  settlement = { by: 'system', outcome: 'deemed_accepted' };
  const { deemSubmissionAccepted } = proxyActivities<SubmissionActivities>({
    taskQueue: input.intakeTaskQueue,
    startToCloseTimeout: '2 minutes',
    // The application must be accepted: retried (backing off to an hour) until the API's intake answers.
    retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
  });
  const accepted = await deemSubmissionAccepted({ submissionNo: input.submissionNo });
  settlement = { ...settlement, ...(accepted.caseNo ? { caseNo: accepted.caseNo } : {}) };
  return settlement;
}
