// What the worker processes the tests start (and kill, freeze or stop) share: a case worker on the real workflows
// in a process of its own, with the activities the launcher makes. Reads DATABASE_URL, TEMPORAL_ADDRESS and
// TASK_QUEUE; prints `ready` once polling; shuts down on SIGTERM; Temporal's own log only for errors (stderr).
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createPrismaClient, type Db } from '@onewindow/db';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';

/** An environment variable the process cannot run without. */
export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** Runs the worker with `activitiesOf(db)` until SIGTERM; a failure is printed and ends the process with 1. */
export function runWorkerProcess(activitiesOf: (db: Db) => object): void {
  main(activitiesOf).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

async function main(activitiesOf: (db: Db) => object): Promise<void> {
  Runtime.install({
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (m) => process.stderr.write(`${m}\n`),
    },
  });
  const db = createPrismaClient(requiredEnv('DATABASE_URL'));
  const activities = activitiesOf(db);
  const connection = await NativeConnection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: requiredEnv('TASK_QUEUE'),
    workflowsPath,
    bundlerOptions: { preloadModules: [...sharedWorkflowModules] },
    activities,
    maxCachedWorkflows: 10,
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => worker.shutdown());
  await running;
  await connection.close();
  await db.$disconnect();
}
