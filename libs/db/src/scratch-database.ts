import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { Client } from 'pg';
import { createPrismaClient, type Db } from './create-prisma-client';
import { migrateDatabase } from './migrate-database';

export interface TestDatabase {
  url: string;
  db: Db;
  dispose(): Promise<void>;
}

/** A fresh, migrated SQLite file in the OS temp dir (tests, benchmarks, scratch work). */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-db-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    async dispose() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL server the test command starts (TEST_POSTGRES_URL points at a database we may create others beside). */
export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url)
    throw new Error('TEST_POSTGRES_URL is not set: run the tests with "npm test", which starts PostgreSQL');
  return url;
}

/** A fresh, migrated PostgreSQL database (created beside TEST_POSTGRES_URL, dropped on dispose). */
export async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const admin = postgresAdminUrl();
  const name = `ow_test_${crypto.randomBytes(6).toString('hex')}`;
  const adminClient = new Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  await adminClient.end();
  const url = admin.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  await migrateDatabase(url);
  const db = createPrismaClient(url);
  return {
    url,
    db,
    async dispose() {
      await db.$disconnect();
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Both databases a test runs on: `describe.each(bothTestDatabases)('… on %s', (_name, createDatabase) => …)`. */
export const bothTestDatabases = [
  ['SQLite', createSqliteTestDatabase],
  ['PostgreSQL', createPostgresTestDatabase],
] as const;
