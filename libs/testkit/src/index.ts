export { temporalCliPath, temporalTestServerPath } from './temporal-binaries';
export { createTimeSkippingEnv, createLocalEnv } from './time-skipping-env';
export {
  createSqliteTestDatabase,
  createPostgresTestDatabase,
  postgresAdminUrl,
  type TestDatabase,
} from '@onewindow/db';
export { freePort, isPortFree } from './free-port';
export {
  startTemporalDevServer,
  waitForTemporal,
  type TemporalDevServer,
  type TemporalDevServerOptions,
} from './temporal-dev-server';
export { historyToJson, historyFromJson } from './history-json';
export { cachedWorkflowBundle, type WorkflowBundleSource } from './workflow-bundle-cache';
