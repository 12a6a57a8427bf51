import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import {
  settleSubmission,
  submissionWorkflow,
  type ClerkOutcome,
  type SubmissionSettlement,
  type SubmissionWorkflowInput,
} from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { ProblemError, ProblemType } from '../http/problem';
import { isTemporalUnreachable, temporalDown } from '../cases/temporal-errors';

/** The workflow id of a submission's notice period. */
const submissionWorkflowId = (submissionNo: string): string => `submission:${submissionNo}`;

/** The task queue on which the API serves `deemSubmissionAccepted` (submission-activity-worker.ts). */
export const intakeTaskQueue = (deps: Pick<ApiDeps, 'temporal'>): string =>
  `${deps.temporal.taskQueue}.intake`;

/** Starts the submission's timer; one already started counts as started. */
export async function startSubmissionWorkflow(
  deps: Pick<ApiDeps, 'temporal'>,
  input: SubmissionWorkflowInput,
): Promise<void> {
  try {
    await deps.temporal.connection.withDeadline(Date.now() + 10_000, () =>
      deps.temporal.client.workflow.start(submissionWorkflow, {
        taskQueue: deps.temporal.taskQueue,
        workflowId: submissionWorkflowId(input.submissionNo),
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    );
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    if (isTemporalUnreachable(error)) throw temporalDown(deps.temporal.address);
    throw error;
  }
}

/**
 * Tells the submission's workflow what the clerk does, before it is recorded: the workflow is the one place that
 * decides between the clerk and the deadline. Refused (409) once the submission was deemed accepted. If the
 * workflow already ended on this clerk outcome (an earlier attempt whose recording failed), that counts.
 */
export async function claimForClerk(
  deps: Pick<ApiDeps, 'temporal'>,
  submissionNo: string,
  outcome: ClerkOutcome,
  actor: string,
): Promise<void> {
  const handle = deps.temporal.client.workflow.getHandle(submissionWorkflowId(submissionNo));
  try {
    await deps.temporal.connection.withDeadline(Date.now() + 30_000, () =>
      handle.executeUpdate(settleSubmission, { args: [{ outcome, actor }] }),
    );
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError)
      throw new ProblemError(
        409,
        ProblemType.refused,
        'Action refused',
        error.cause?.message ?? error.message,
      );
    if (error instanceof WorkflowNotFoundError || (await isClosed(handle))) {
      const settled = (await handle.result().catch(() => undefined)) as SubmissionSettlement | undefined;
      if (settled?.by === 'clerk' && settled.outcome === outcome) return;
      throw new ProblemError(
        409,
        ProblemType.refused,
        'Action refused',
        settled?.by === 'system'
          ? `网上申报 ${submissionNo} 已依法视为受理（办件编号 ${settled.caseNo ?? '生成中'}），不能再作处理`
          : `网上申报 ${submissionNo} 已处理完毕，请刷新预审列表`,
      );
    }
    if (isTemporalUnreachable(error)) throw temporalDown(deps.temporal.address);
    throw error;
  }
}

/** Whether the submission's workflow has already ended (an Update to it then fails with a not-found error). */
const isClosed = (handle: { describe(): Promise<{ status: { name: string } }> }): Promise<boolean> =>
  handle.describe().then(
    (d) => d.status.name !== 'RUNNING',
    () => false,
  );
