#!/usr/bin/env bash
# Generates both Prisma clients (SQLite and PostgreSQL) offline with the JS engine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_HIDE_UPDATE_MESSAGE=1
node tools/db/derive-postgresql-schema.mjs >/dev/null
DATABASE_URL=file:./var/onewindow.db npx prisma generate --config libs/db/prisma.sqlite.config.ts >/dev/null
DATABASE_URL=postgresql://unused@127.0.0.1/unused npx prisma generate --config libs/db/prisma.postgresql.config.ts >/dev/null
