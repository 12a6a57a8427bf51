// A case worker in a process of its own whose applicant messages go to a local SMTP server: the test that starts
// it (apps/worker/test/messaging/applicant-messages-restart.spec.ts) kills it (SIGKILL) in the middle of a send and
// starts another. Prints `ready` once polling.
//
// Run: node --import tsx apps/worker/test/messaging/support/messaging-worker.ts (DATABASE_URL, TEMPORAL_ADDRESS,
// TASK_QUEUE, SMTP_PORT).
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createPrismaClient } from '@onewindow/db';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';
import { createActivities } from '../../../src/activities/create-activities';
import { smtpMessenger } from '../../../src/messaging/applicant-messenger';

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
  const messenger = smtpMessenger({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: Number(env('SMTP_PORT')),
    SMTP_FROM: '政务服务中心 <noreply@zwfw.example.gov.cn>',
  });
  const activities = createActivities({
    db,
    logger: pino({ level: 'silent' }),
    messenger,
    centreName: '某某区政务服务中心',
  });
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: env('TASK_QUEUE'),
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

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
