#!/usr/bin/env bash
# What `npm start` runs: the engine for real, in one process: the API, the worker and the web app on
# PORT (3000), against the PostgreSQL and Redis the environment names (docs/operations.md). It builds
# first when the build is missing or older than the sources; pending migrations are applied at start
# (or, with MIGRATIONS=manual, the process refuses to start and says to run `npm run migrate`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-build.sh
# argon2 and the document threads share libuv's pool with the API's own work in this one process;
# the heap cap keeps V8 from growing garbage it could collect (docs/operations.md, Configuration).
export UV_THREADPOOL_SIZE=${UV_THREADPOOL_SIZE:-8}
export NODE_OPTIONS=${NODE_OPTIONS:---max-old-space-size=256}
exec node dist/apps/api/apps/api/src/main.js --with-worker
