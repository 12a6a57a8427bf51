import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cachedWorkflowBundle, createTimeSkippingEnv } from '@onewindow/testkit';
import {
  demoCaseWorkflow,
  completeDemoCase,
  demoCaseStatus,
  sharedWorkflowModules,
  workflowsPath,
} from '../index';

describe('demoCaseWorkflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(() => env?.teardown());

  it('waits for the completion update, refuses a blank name, then completes', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'demo',
      workflowBundle: await cachedWorkflowBundle({ workflowsPath, preloadModules: sharedWorkflowModules }),
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(demoCaseWorkflow, {
        taskQueue: 'demo',
        workflowId: 'DEMO-1',
      });
      expect(await handle.query(demoCaseStatus)).toBe('waiting');
      const refused = await handle
        .executeUpdate(completeDemoCase, { args: [{ completedBy: ' ' }] })
        .catch((e) => e);
      expect(refused.cause?.message).toMatch(/completedBy is required/);
      expect(await handle.query(demoCaseStatus)).toBe('waiting');
      await handle.executeUpdate(completeDemoCase, { args: [{ completedBy: 'clerk-1' }] });
      expect(await handle.result()).toEqual({ caseNo: 'DEMO-1', completedBy: 'clerk-1' });
    });
  }, 60_000);
});
