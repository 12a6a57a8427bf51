#!/usr/bin/env bash
# Helps write a migration after editing libs/db/prisma/schema.prisma.
# Prisma's `migrate diff --from-migrations` needs a shadow database, which the JS schema engine cannot create
# here; so this prints the full target DDL for both databases (from empty) into tmp/, and you write the delta
# as <stamp>_<name>/migration.sql for sqlite and postgresql (see 20261122072000_item_key for an example).
# `npx jest -c libs/db/jest.config.cjs` then proves both apply on a new database.
set -euo pipefail
cd "$(dirname "$0")/../.."
name=${1:?usage: tools/db/new-migration.sh <snake_case_name>}
stamp=$(date -u +%Y%m%d%H%M%S)
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
bash tools/db/generate-prisma-clients.sh
mkdir -p tmp
DATABASE_URL=file:./tmp/unused.db npx prisma migrate diff --config libs/db/prisma.sqlite.config.ts \
  --from-empty --to-schema-datamodel libs/db/prisma/schema.prisma --script > tmp/target-sqlite.sql
DATABASE_URL=${TEST_POSTGRES_URL:?set TEST_POSTGRES_URL to a scratch PostgreSQL database} npx prisma migrate diff \
  --config libs/db/prisma.postgresql.config.ts --from-empty --to-schema-datamodel libs/db/prisma/postgresql/schema.prisma \
  --script > tmp/target-postgresql.sql
mkdir -p libs/db/prisma/migrations/{sqlite,postgresql}/${stamp}_$name
echo "Target DDL in tmp/target-{sqlite,postgresql}.sql; write the delta into libs/db/prisma/migrations/*/${stamp}_$name/migration.sql"
