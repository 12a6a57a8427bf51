import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';
import {
  DEFAULT_WORKER_CACHED_CASES,
  DEFAULT_WORKER_WORKFLOW_THREADS,
  type AppConfig,
} from '@onewindow/config';
import { createActivities, type ActivityDeps } from './activities/create-activities';

export interface CaseWorkerOptions {
  config: Pick<AppConfig, 'TEMPORAL_NAMESPACE' | 'TASK_QUEUE'> &
    Partial<Pick<AppConfig, 'databaseKind' | 'WORKER_CACHED_CASES' | 'WORKER_WORKFLOW_THREADS'>>;
  connection: NativeConnection;
  activityDeps: ActivityDeps;
  /** Overrides config.WORKER_CACHED_CASES (tests). */
  maxCachedWorkflows?: number;
  /**
   * Parallel activity executions. An activity spends most of its time in Temporal round trips (poll,
   * complete), not in its one short SQLite write, so 8 slots left the projections queued behind each
   * other (seconds under load); SQLite still takes one writer at a time (BEGIN IMMEDIATE + busy_timeout).
   */
  maxConcurrentActivities?: number;
  /** A bundle of the workflow code made beforehand (tests share one); else as described below. */
  workflowBundle?: WorkflowBundleWithSourceMap;
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
    // Production workers load the pre-built bundle (nx build worker); dev bundles from source; tests pass theirs.
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : process.env.WORKFLOW_BUNDLE_PATH
        ? { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH } }
        : { workflowsPath, bundlerOptions: { preloadModules: [...sharedWorkflowModules] } }),
    activities: createActivities(options.activityDeps),
    maxCachedWorkflows:
      options.maxCachedWorkflows ?? options.config.WORKER_CACHED_CASES ?? DEFAULT_WORKER_CACHED_CASES,
    workflowThreadPoolSize: options.config.WORKER_WORKFLOW_THREADS ?? DEFAULT_WORKER_WORKFLOW_THREADS,
    maxConcurrentWorkflowTaskExecutions: 40,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? (sqlite ? 32 : 50),
    maxConcurrentLocalActivityExecutions: 20,
    // On SIGTERM: stop polling, let in-flight activities finish (each is idempotent, so one cut short is retried safely).
    shutdownGraceTime: '10s',
    shutdownForceTime: '30s',
  });
}
