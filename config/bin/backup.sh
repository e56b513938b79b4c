#!/usr/bin/env bash
# What `npm run backup` runs: a pg_dump of the engine's schema (PG_SCHEMA) in PostgreSQL's custom
# format, as the owner role (PG_MIGRATION_USER), to BACKUP_DIR (./backups) with the date and time in
# the file name; prints the file's path. Redis needs no backup: the engine rebuilds it from PostgreSQL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DATABASE=${PG_DATABASE:-test}
PG_SCHEMA=${PG_SCHEMA:-public}
PG_MIGRATION_USER=${PG_MIGRATION_USER:-tongket_owner}
BACKUP_DIR=${BACKUP_DIR:-backups}
export PGPASSWORD=${PG_MIGRATION_PASSWORD:-${PGPASSWORD:-}}

[[ $PG_SCHEMA =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "backup: PG_SCHEMA '$PG_SCHEMA' is not a plain schema name" >&2; exit 2; }
command -v pg_dump >/dev/null || { echo "backup: pg_dump is missing (Debian: apt-get install postgresql-client)" >&2; exit 2; }

mkdir -p "$BACKUP_DIR"
file="$BACKUP_DIR/tongket-$PG_SCHEMA-$(date -u +%Y%m%d-%H%M%S)Z.dump"
pg_dump -h "$PG_HOST" -p "$PG_PORT" -U "$PG_MIGRATION_USER" -d "$PG_DATABASE" --schema="$PG_SCHEMA" --format=custom --file="$file"
echo "$file"
