// A case worker in a process of its own that freezes itself (SIGSTOP, as `kill -STOP` does) right after the first
// projection write that closes an approved task, before that write's activity returns. The test that starts it
// (apps/e2e/src/cases/projection-repair.spec.ts) sends SIGCONT once the fault has had its effect: the workflow
// task timed out (a local write belonged to an attempt that did not commit) or the write's regular activity is
// in flight (scheduled by a committed workflow task). Prints `ready` once polling, `frozen` just before it stops.
//
// Run: node --import tsx apps/worker/test/support/freezing-worker.ts (DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE).
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createPrismaClient } from '@onewindow/db';
import { sharedWorkflowModules, workflowsPath, type ProjectionBatch } from '@onewindow/workflows';
import { createActivities } from '../../src/activities/create-activities';

async function main(): Promise<void> {
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
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const db = createPrismaClient(env('DATABASE_URL'));
  const activities = createActivities({ db, logger: pino({ level: 'silent' }) });
  let frozen = false;
  const freezeAfterClose = async (batch: ProjectionBatch): Promise<unknown[]> => {
    const results = await activities.writeProjections(batch);
    const closes = batch.writes.some((w) => w.name === 'closeTask' && w.input.status === 'approved');
    if (closes && !frozen) {
      frozen = true;
      process.stdout.write('frozen\n');
      process.kill(process.pid, 'SIGSTOP');
    }
    return results;
  };
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: env('TASK_QUEUE'),
    workflowsPath,
    bundlerOptions: { preloadModules: [...sharedWorkflowModules] },
    activities: { ...activities, writeProjections: freezeAfterClose },
    maxCachedWorkflows: 10,
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => worker.shutdown());
  await running;
  await connection.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
