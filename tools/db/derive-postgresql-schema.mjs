// Derives libs/db/prisma/postgresql/schema.prisma from the SQLite schema (one source of truth).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = path.join(root, 'libs/db/prisma/schema.prisma');
const target = path.join(root, 'libs/db/prisma/postgresql/schema.prisma');

export function derivePostgresqlSchema(text) {
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      'output          = "../src/generated/sqlite"',
      'output          = "../../src/generated/postgresql"',
    );
  if (out === text) throw new Error('derive-postgresql-schema: markers not found in schema.prisma');
  return `// GENERATED from ../schema.prisma by tools/db/derive-postgresql-schema.mjs — do not edit.\n${out}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, derivePostgresqlSchema(fs.readFileSync(source, 'utf8')));
  console.log(`wrote ${path.relative(root, target)}`);
}
