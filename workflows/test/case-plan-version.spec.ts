import { WorkflowFailedError } from '@temporalio/client';
import { hashPlan, planBuilder } from '@onewindow/flow-model';
import {
  calendarData,
  caseInput,
  fakeActivities,
  resultOf,
  shanghaiDay,
  startCase,
  startWorker,
  useTimeSkippingEnv,
} from './case-harness';

/** Version 1 and 2 of one published flow: version 2 gives the step 3 days instead of 5. */
const version = (limitWorkingDays: number) =>
  planBuilder('published-flow', { version: limitWorkingDays === 5 ? 1 : 2 })
    .accept()
    .department({ id: 'review', departmentCode: 'REVIEW', limitWorkingDays, assignees: ['review-1'] })
    .issue()
    .build();

describe('caseWorkflow: the plan a case is pinned to', () => {
  const env = useTimeSkippingEnv();

  it('a plan that does not hash to the pinned hash fails the case before anything opens (PlanHashMismatch, non-retryable)', async () => {
    const fake = fakeActivities();
    const { worker, taskQueue } = await startWorker(env(), fake.activities);
    await worker.runUntil(async () => {
      const v1 = version(5);
      const v2 = version(3);
      // Version 1's plan sent under version 2's hash: the input was put together from two versions.
      const h = await startCase(
        env(),
        taskQueue,
        caseInput(v1, {
          caseNo: 'HASH-1',
          acceptedOn: shanghaiDay(await env().currentTimeMs()),
          calendar: calendarData,
          planHash: hashPlan(v2),
        }),
      );
      const error = await resultOf(h).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toMatchObject({
        type: 'PlanHashMismatch',
        nonRetryable: true,
        message: `plan hash mismatch: input says ${hashPlan(v2)}, plan hashes to ${hashPlan(v1)}`,
      });
      expect(fake.calls).toEqual([]);
    });
  }, 60_000);
});
