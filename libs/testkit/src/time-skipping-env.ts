import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from './temporal-binaries';

/** A time-skipping Temporal test server started from the locally installed binary (no download). */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}

/** A real dev server (`temporal server start-dev`, in memory) started from the locally installed CLI. */
export function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  // Imported lazily so tests that only need time skipping never touch the CLI path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { temporalCliPath } = require('./temporal-binaries') as typeof import('./temporal-binaries');
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() }, ui: false },
  });
}
