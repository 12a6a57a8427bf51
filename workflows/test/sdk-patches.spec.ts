import { bareCaseWorkflow, bareDecide } from '../src/index';
import { startWorker, fakeActivities, useTimeSkippingEnv } from './case-harness';

// patches/@temporalio+worker+1.24.0.patch (docs/decisions/0008): the SDK's per-promise stack capture is off unless
// TEMPORAL_WORKFLOW_STACK_TRACES=on. This fails if npm's postinstall did not apply the patch (the hook would run,
// costing ~30 % of every replay's CPU, and the stack-trace query would answer).
describe('patched Temporal SDK', () => {
  const env = useTimeSkippingEnv();

  it('collects no workflow stack traces: the __stack_trace query is refused, workflows run as before', async () => {
    expect(process.env.TEMPORAL_WORKFLOW_STACK_TRACES).toBeUndefined();
    const { worker, taskQueue } = await startWorker(env(), fakeActivities().activities, 'sdk-patch');
    await worker.runUntil(async () => {
      const handle = await env().client.workflow.start(bareCaseWorkflow, {
        taskQueue,
        workflowId: 'sdk-patch-1',
      });
      const answer = await handle.executeUpdate(bareDecide, {
        args: [{ department: 'D1', actor: 'tester' }],
      });
      expect(answer).toEqual({ department: 'D1', decided: 1 });
      await expect(handle.query('__stack_trace')).rejects.toThrow(
        'Workflow stack traces are not enabled on this worker',
      );
      await handle.terminate('test over');
    });
  }, 60_000);
});
