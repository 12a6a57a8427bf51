#!/usr/bin/env bash
# Writes a new migration for SQLite and PostgreSQL: the diff from the committed migrations to schema.prisma.
# Needs a scratch PostgreSQL (TEST_POSTGRES_URL), which the pg adapter uses for diffing.
set -euo pipefail
cd "$(dirname "$0")/../.."
name=${1:?usage: tools/db/new-migration.sh <snake_case_name>}
stamp=$(date -u +%Y%m%d%H%M%S)
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
bash tools/db/generate-prisma-clients.sh
for kind in sqlite postgresql; do
  schema=libs/db/prisma/schema.prisma; [ $kind = postgresql ] && schema=libs/db/prisma/postgresql/schema.prisma
  url=file:./tmp/diff.db; [ $kind = postgresql ] && url=${TEST_POSTGRES_URL:?set TEST_POSTGRES_URL to a scratch PostgreSQL database}
  mkdir -p libs/db/prisma/migrations/$kind/${stamp}_$name
  DATABASE_URL=$url npx prisma migrate diff --config libs/db/prisma.$kind.config.ts \
    --from-migrations libs/db/prisma/migrations/$kind --to-schema-datamodel $schema --script \
    > libs/db/prisma/migrations/$kind/${stamp}_$name/migration.sql
done
