// The bare baseline's worker (a child process of run-load): the same workflow bundle as the case worker,
// no activities, on its own task queue. Tuned like the case worker (cache, workflow task slots).
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';
import { loadConfigOrExit } from '@onewindow/config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const connection = await NativeConnection.connect({
    address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: process.env.TASK_QUEUE ?? 'load-bare',
    workflowsPath,
    bundlerOptions: { preloadModules: [...sharedWorkflowModules] },
    // As the case worker (WORKER_CACHED_CASES, WORKER_WORKFLOW_THREADS, from the same environment). With a cache of
    // 2,000 (2026-12-01 run, before ADR 0006) this process reached 2.7 GB RSS of per-workflow module copies during
    // the 10,000-timer phase, creating a workflow timed out (vm script > 5 s) and the timers fired minutes late.
    maxCachedWorkflows: config.WORKER_CACHED_CASES,
    workflowThreadPoolSize: config.WORKER_WORKFLOW_THREADS,
    maxConcurrentWorkflowTaskExecutions: 40,
    shutdownGraceTime: '5s',
  });
  await worker.run();
  await connection.close();
}

main().catch((error) => {
  process.stderr.write(`bare worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
