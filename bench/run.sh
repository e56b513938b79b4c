#!/usr/bin/env bash
# What `npm run bench [-- scenario...]` runs: dependencies, services, a build of the engine and of the
# bench, then the named scenarios (every scenario when none is named). See bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

# BENCH_ENGINE_DIR: build and run the engine found there (an export of a commit, with node_modules
# linked) instead of this working tree; see bench/README.md.
engine_dir=${BENCH_ENGINE_DIR:-.}
echo "bench: building api and worker in $engine_dir, and the bench"
(cd "$engine_dir" && npx nest build api && npx nest build worker)
rm -rf dist/bench
npx tsc -p bench/tsconfig.json

exec node dist/bench/bench/src/main.js "$@"
