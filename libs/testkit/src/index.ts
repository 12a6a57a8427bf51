export { temporalCliPath, temporalTestServerPath } from './temporal-binaries';
export { createTimeSkippingEnv, createLocalEnv } from './time-skipping-env';
export { createSqliteTestDatabase, createPostgresTestDatabase, postgresAdminUrl, type TestDatabase } from './test-database';
