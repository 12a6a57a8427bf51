import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'prisma/postgresql/schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma/migrations/postgresql') },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
