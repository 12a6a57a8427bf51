import { NativeConnection, Worker } from '@temporalio/worker';
import type { SubmissionActivities } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { deemSubmissionAccepted } from './submissions.service';
import { intakeTaskQueue } from './submission-workflow';

/** The activities the API serves to the submission workflows (acceptance lives here, beside the window's). */
const submissionActivities = (deps: ApiDeps): SubmissionActivities => ({
  deemSubmissionAccepted: (input) => deemSubmissionAccepted(deps, input),
});

/**
 * An activity-only worker in the API process on `<TASK_QUEUE>.intake` (docs/decisions/0013): the submission
 * workflow runs on the case worker; when a notice period ends it calls `deemSubmissionAccepted` here, which
 * accepts through the same path as the window. Temporal keeps the call until an API process is up.
 */
export async function startSubmissionActivityWorker(deps: ApiDeps): Promise<{ stop(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: deps.config.TEMPORAL_NAMESPACE,
    taskQueue: intakeTaskQueue(deps),
    activities: submissionActivities(deps),
    maxConcurrentActivityTaskExecutions: 4,
  });
  const running = worker.run();
  return {
    async stop() {
      // SIGINT/SIGTERM may have begun the shutdown already (the SDK's runtime listens for them).
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
