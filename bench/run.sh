#!/usr/bin/env bash
# What `npm run bench [-- scenario...]` runs: dependencies, services, a build of the engine and of the
# bench, then the named scenarios (every scenario when none is named). See bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

echo "bench: building api, worker and the bench"
npx nest build api
npx nest build worker
rm -rf dist/bench
npx tsc -p bench/tsconfig.json

exec node dist/bench/bench/src/main.js "$@"
