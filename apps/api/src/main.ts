import { exitOnConfigError, loadConfigOrExit } from '@onewindow/config';
import { buildApiDeps } from './build-api-deps';
import { createApp } from './create-app';
import { createLogger } from './http/logger';
import { endTaskEventStreams } from './tasks/task-events';
import { loadSecurityConfig } from './security/security-config';
import { startSubmissionActivityWorker } from './submissions/submission-activity-worker';
import { startWorkflowStartSweep } from './cases/workflow-start-sweep';

const config = loadConfigOrExit();
// Checked here so a bad security variable ends start-up with one line, not a stack trace from buildApiDeps.
exitOnConfigError(() => loadSecurityConfig());
const logger = createLogger(config.LOG_LEVEL);
const deps = buildApiDeps(config, logger, config.TEMPORAL_ADDRESS ?? 'localhost:7233');
const server = createApp(deps).listen(config.PORT, () => {
  logger.info({ port: config.PORT }, `OneWindow API listening on http://localhost:${config.PORT}`);
});
// Deemed acceptance of online submissions (Art. 32) runs here, beside the window's acceptance (ADR 0013).
const submissionWorker = startSubmissionActivityWorker(deps).catch((error: Error) => {
  logger.error(
    { err: error },
    'submission activity worker not started: deemed acceptances wait until it runs',
  );
  return undefined;
});
// Acceptances recorded while Temporal was down get their workflow once it is back, retried by the client or not.
const workflowStartSweep = startWorkflowStartSweep(deps, { everyMs: 15_000, graceMs: 15_000 });
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${config.PORT} is already in use: stop the other process or set PORT to a free port.\n`,
    );
    process.exit(98);
  }
  throw error;
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  workflowStartSweep.stop();
  server.close(() => {
    void submissionWorker
      .then((w) => w?.stop())
      .finally(() => deps.db.$disconnect())
      .finally(() => process.exit(0));
  });
  endTaskEventStreams(); // live inboxes reconnect (EventSource retries) instead of holding the server open
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
