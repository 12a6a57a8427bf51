import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadConfig, repoRoot } from '@onewindow/config';
import { buildApiDeps, createApp, createLogger } from '@onewindow/api';
import { createCaseWorker } from '@onewindow/worker';
import { cachedWorkflowBundle, createSqliteTestDatabase, startTemporalDevServer } from '@onewindow/testkit';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';

export interface RunningStack {
  baseUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  taskQueue: string;
  /** Stops the in-process worker (drains like SIGTERM); cases wait in Temporal meanwhile. */
  stopWorker(): Promise<void>;
  /** Starts a fresh worker on the same task queue (after stopWorker). */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole stack, for real: a Temporal dev server, a migrated SQLite file, the worker and the API
 * (serving apps/web/dist when built) — in this process except Temporal.
 */
export async function startStack(): Promise<RunningStack> {
  quietTemporalRuntime();
  const temporal = await startTemporalDevServer();
  const database = await createSqliteTestDatabase();
  const taskQueue = `stack-${process.pid}-${Date.now()}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger('silent');
  const connection = await NativeConnection.connect({ address: temporal.address });
  const workflowBundle = await cachedWorkflowBundle({ workflowsPath, preloadModules: sharedWorkflowModules });
  const workerOptions = { config, connection, activityDeps: { db: database.db, logger }, workflowBundle };
  let worker = await createCaseWorker(workerOptions);
  let workerRun: Promise<void> | undefined = worker.run();
  const stopWorker = async () => {
    if (!workerRun) return;
    worker.shutdown();
    await workerRun;
    workerRun = undefined;
  };
  const deps = buildApiDeps(config, logger, temporal.address);
  deps.webDist = path.join(repoRoot(), 'apps', 'web', 'dist');
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    temporalAddress: temporal.address,
    databaseUrl: database.url,
    taskQueue,
    stopWorker,
    async startWorker() {
      if (workerRun) return;
      worker = await createCaseWorker(workerOptions);
      workerRun = worker.run();
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopWorker();
      await connection.close();
      await deps.db.$disconnect();
      await deps.temporal.connection.close();
      await database.dispose();
      await temporal.stop();
    },
  };
}

/** Keeps test output readable: the SDK logs warnings and errors only. */
function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier stack in this process.
  }
}
