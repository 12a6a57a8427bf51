import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// Prisma 6.19 with the JS schema engine: nothing native is downloaded (see shared/docs/setup-facts.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma/schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma/migrations/sqlite') },
  adapter: async () =>
    new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? 'file:./var/onewindow.db' }),
});
