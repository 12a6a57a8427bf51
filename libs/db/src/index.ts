export { createPrismaClient, type Db } from './create-prisma-client';
export { inOneTransaction, kindOfClient } from './one-transaction';
export {
  insertOnce,
  insertOnceReturningIds,
  insertRows,
  isUniqueViolation,
  type KeyedRow,
  type KeyedTable,
} from './insert-once';
export {
  migrateDatabase,
  listMigrations,
  MigrationError,
  sqliteFilePath,
  type DatabaseKind,
} from './migrate-database';
export type * from './generated/sqlite/models';
export { Prisma } from './generated/sqlite/client';
export {
  createSqliteTestDatabase,
  createPostgresTestDatabase,
  bothTestDatabases,
  postgresAdminUrl,
  type TestDatabase,
} from './scratch-database';
export {
  loadCalendarData,
  saveCalendarYear,
  NATIONAL_CALENDAR_REGIONS,
  type LoadCalendarOptions,
} from './calendar-store';
export { applyCatalogue, loadActiveCatalogue, type CatalogueApplyResult } from './catalogue-store';
export { saveCertificates } from './certificate-store';
