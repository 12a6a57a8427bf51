import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowsPath } from '@onewindow/workflows';
import type { AppConfig } from '@onewindow/config';
import { createActivities, type ActivityDeps } from './activities/create-activities';

export interface CaseWorkerOptions {
  config: Pick<AppConfig, 'TEMPORAL_NAMESPACE' | 'TASK_QUEUE'> & Partial<Pick<AppConfig, 'databaseKind'>>;
  connection: NativeConnection;
  activityDeps: ActivityDeps;
  /** Bounded cache: waiting cases are evicted and replayed on demand, so memory does not grow with open cases. */
  maxCachedWorkflows?: number;
  /** Parallel activity executions; SQLite takes one writer at a time, so more only queue on its lock. */
  maxConcurrentActivities?: number;
}

/**
 * A case worker. Cases wait for people for days: a cached workflow costs memory but saves a replay on
 * each decision, so the cache holds the active working set and the rest replays when touched.
 */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const sqlite = options.config.databaseKind !== 'postgresql';
  return Worker.create({
    connection: options.connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    taskQueue: options.config.TASK_QUEUE,
    // Production workers load the pre-built bundle (nx build worker); dev and tests bundle from source.
    ...(process.env.WORKFLOW_BUNDLE_PATH ? { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH } } : { workflowsPath }),
    activities: createActivities(options.activityDeps),
    maxCachedWorkflows: options.maxCachedWorkflows ?? 2000,
    maxConcurrentWorkflowTaskExecutions: 40,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? (sqlite ? 8 : 50),
    maxConcurrentLocalActivityExecutions: 20,
    // On SIGTERM: stop polling, let in-flight activities finish (each is idempotent, so one cut short is retried safely).
    shutdownGraceTime: '10s',
    shutdownForceTime: '30s',
  });
}
