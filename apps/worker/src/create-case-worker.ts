import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowsPath } from '@onewindow/workflows';
import type { AppConfig } from '@onewindow/config';
import { createActivities, type ActivityDeps } from './activities/create-activities';

export interface CaseWorkerOptions {
  config: Pick<AppConfig, 'TEMPORAL_NAMESPACE' | 'TASK_QUEUE'>;
  connection: NativeConnection;
  activityDeps: ActivityDeps;
  /** Bounded cache: waiting cases are evicted and replayed on demand, so memory does not grow with open cases. */
  maxCachedWorkflows?: number;
}

export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    taskQueue: options.config.TASK_QUEUE,
    // Production workers load the pre-built bundle (nx build worker); dev and tests bundle from source.
    ...(process.env.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH } } : { workflowsPath }),
    activities: createActivities(options.activityDeps),
    maxCachedWorkflows: options.maxCachedWorkflows ?? 1000,
    maxConcurrentWorkflowTaskExecutions: 40,
    maxConcurrentActivityTaskExecutions: 40,
    shutdownGraceTime: '10s',
  });
}
