#!/usr/bin/env bash
# What `npm run restore FILE` runs: loads a backup made by `npm run backup` into the schema PG_SCHEMA,
# whatever schema it was taken from, as the owner role (PG_MIGRATION_USER), in one transaction. The
# target schema must not exist or be empty. Then `cli.js migrate` applies any migration newer than the
# backup and grants the engine's role (PG_USER) its rights. Start (or restart) a worker afterwards:
# its reconciler queues again, from PostgreSQL, everything pending (docs/operations.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

file=${1:-}
[[ -n $file && -f $file ]] || { echo "usage: npm run restore -- FILE (a file made by npm run backup)" >&2; exit 2; }
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DATABASE=${PG_DATABASE:-test}
PG_SCHEMA=${PG_SCHEMA:-public}
PG_MIGRATION_USER=${PG_MIGRATION_USER:-tongket_owner}
export PGPASSWORD=${PG_MIGRATION_PASSWORD:-${PGPASSWORD:-}}
[[ $PG_SCHEMA =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore: PG_SCHEMA '$PG_SCHEMA' is not a plain schema name" >&2; exit 2; }

psql_owner() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_MIGRATION_USER" -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -qtA "$@"; }

tables=$(psql_owner -c "select count(*) from pg_tables where schemaname = '$PG_SCHEMA'")
if [[ $tables != 0 ]]; then
  echo "restore: schema $PG_SCHEMA already holds $tables tables; restore into an empty or new schema (set PG_SCHEMA)" >&2
  exit 1
fi
# The schema the backup was taken from: its TOC names it.
from=$(pg_restore --list "$file" | awk '$4 == "SCHEMA" && $5 == "-" && !seen { print $6; seen = 1 }')
[[ -n $from ]] || { echo "restore: $file holds no schema (not a backup of npm run backup?)" >&2; exit 1; }

echo "restore: loading $file (schema $from) into schema $PG_SCHEMA" >&2
psql_owner -c "drop schema if exists \"$PG_SCHEMA\"" >/dev/null
pg_restore --no-owner --no-privileges --file=- "$file" \
  | node config/bin/rename-schema.js "$from" "$PG_SCHEMA" \
  | psql_owner --single-transaction -f - >/dev/null

echo "restore: applying newer migrations and the engine's rights" >&2
bash config/bin/cli.sh migrate >&2
echo "restore: schema $PG_SCHEMA restored from $file; start or restart a worker to rebuild the queues" >&2
