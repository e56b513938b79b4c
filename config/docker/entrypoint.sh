#!/bin/sh
# The image's entrypoint: which part of the engine this container runs.
#   api          the HTTP API and the web app (PORT)
#   worker       a queue worker (run as many as you like: docker compose up --scale worker=N)
#   all          the API with the worker inside, for a small installation
#   migrate      applies pending migrations as PG_MIGRATION_USER, then exits
#   db-roles     once per installation, as PG_SUPERUSER: the owner and engine roles and the schema
#   admin …      create <username> | reset-password <username> (password on standard input)
# APP_DIR (default /app) is where the build is; the tests run this script on a checkout.
set -eu
cd "${APP_DIR:-/app}"
# A capped heap keeps V8 from growing garbage it could collect (docs/operations.md, Configuration).
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=192}"

command=${1:-api}
[ $# -gt 0 ] && shift
case "$command" in
  api) exec node dist/apps/api/apps/api/src/main.js "$@" ;;
  worker) exec node dist/apps/worker/apps/worker/src/main.js "$@" ;;
  all)
    export UV_THREADPOOL_SIZE="${UV_THREADPOOL_SIZE:-8}"
    exec node dist/apps/api/apps/api/src/main.js --with-worker "$@"
    ;;
  migrate | db-roles | admin) exec node dist/apps/api/apps/api/src/cli.js "$command" "$@" ;;
  *)
    echo "usage: tongket api | worker | all | migrate | db-roles | admin create|reset-password <username>" >&2
    exit 64
    ;;
esac
