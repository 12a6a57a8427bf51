import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { PrismaClient as PostgresqlPrismaClient } from './generated/postgresql/client';
import { sqliteFilePath } from './migrate-database';

/** Both generated clients share one model API; we type against the SQLite one. */
export type Db = SqlitePrismaClient;

/** A Prisma client over the driver adapter that DATABASE_URL names (file: → SQLite, postgresql: → pg). */
export function createPrismaClient(url: string): Db {
  if (url.startsWith('file:')) {
    const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}` });
    return new SqlitePrismaClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: url });
  return new PostgresqlPrismaClient({ adapter }) as unknown as Db;
}
