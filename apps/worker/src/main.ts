import { NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfigOrExit } from '@onewindow/config';
import { createPrismaClient } from '@onewindow/db';
import { createCaseWorker } from './create-case-worker';
import { applicantMessengerFor } from './messaging/applicant-messenger';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'onewindow-worker' } });
  // SIGINT/SIGTERM make the worker stop polling and drain in-flight tasks before exit.
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const address = config.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const connection = await NativeConnection.connect({ address }).catch((error: Error) => {
    process.stderr.write(
      `Cannot reach Temporal at ${address} (${error.message}): start it or fix TEMPORAL_ADDRESS.\n`,
    );
    process.exit(69);
  });
  const db = createPrismaClient(config.DATABASE_URL);
  const messenger = applicantMessengerFor(config, logger);
  const worker = await createCaseWorker({
    config,
    connection,
    activityDeps: { db, logger, messenger, centreName: config.CENTRE_NAME },
  });
  logger.info({ taskQueue: config.TASK_QUEUE, address }, 'OneWindow worker running');
  await worker.run();
  await connection.close();
  await db.$disconnect();
  logger.info('worker stopped');
}

main().catch((error) => {
  process.stderr.write(`Worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
