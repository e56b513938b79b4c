#!/usr/bin/env bash
# What `npm run demo` runs: dependencies, services, a build, a clean demo schema and queue prefix,
# then the demo driver (apps/demo), which starts the API and the worker itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# The demo never touches the default schema or queues: it owns these, and resets them every run.
export DEMO_PG_SCHEMA=${DEMO_PG_SCHEMA:-tongket_demo}
export DEMO_QUEUE_PREFIX=${DEMO_QUEUE_PREFIX:-'{tongket-demo}'}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_SUPERUSER=${PG_SUPERUSER:-postgres}
PG_DATABASE=${PG_DATABASE:-test}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
export PGPASSWORD=${PG_SUPERUSER_PASSWORD:-${PGPASSWORD:-}}
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE per dropped table

[[ $DEMO_PG_SCHEMA =~ ^[a-z_][a-z0-9_]*$ && $DEMO_PG_SCHEMA != public ]] || { echo "demo: refusing schema '$DEMO_PG_SCHEMA'" >&2; exit 1; }

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

echo "demo: building api, worker, demo and the web app"
npx nest build api
npx nest build worker
npx nest build demo
# The API serves the web app (dist/web) at / while the demo runs.
npm run --silent build:web >/dev/null

compose() { if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi; }
sql() {
  if command -v psql >/dev/null; then psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_SUPERUSER" -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -qtA -c "$1"
  else compose exec -T postgres psql -U "$PG_SUPERUSER" -d "$PG_DATABASE" -v ON_ERROR_STOP=1 -qtA -c "$1"; fi
}
redis() {
  if command -v redis-cli >/dev/null; then redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"
  else compose exec -T redis redis-cli "$@"; fi
}

echo "demo: resetting schema $DEMO_PG_SCHEMA and queue keys $DEMO_QUEUE_PREFIX*"
sql "drop schema if exists \"$DEMO_PG_SCHEMA\" cascade;" >/dev/null
# The engine's two roles and the schema, owned by the one that runs the migrations (see docs/operations.md).
PG_SCHEMA=$DEMO_PG_SCHEMA node dist/apps/api/apps/api/src/cli.js db-roles
# Lua scan-and-delete in one call: works the same through redis-cli here or inside the container.
redis --no-auth-warning eval "
  local cursor, n = '0', 0
  repeat
    local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
    cursor = page[1]
    for _, key in ipairs(page[2]) do redis.call('DEL', key); n = n + 1 end
  until cursor == '0'
  return n" 0 "$DEMO_QUEUE_PREFIX*" >/dev/null

status=0
node dist/apps/demo/apps/demo/src/main.js || status=$?
echo "demo: $( ((status == 0)) && echo passed || echo FAILED ) in ${SECONDS} s including the dependency check and the build"
exit "$status"
