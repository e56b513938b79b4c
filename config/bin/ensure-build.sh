#!/usr/bin/env bash
# Builds the API, the worker and the web app (`npm run build`) when the build is missing or older than
# the sources or the lock file; otherwise does nothing. Used by `npm start` and the operator commands.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-deps.sh >&2
stamp=dist/.build-stamp
stale() {
  [[ -f $stamp && -f dist/apps/api/apps/api/src/main.js && -f dist/apps/worker/apps/worker/src/main.js && -f dist/web/index.html ]] || return 0
  [[ package-lock.json -nt $stamp ]] && return 0
  [[ -n $(find apps libs config -newer "$stamp" -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.html' -o -name '*.json' \) \
    -not -path '*/__tests__/*' -not -name '*.spec.ts' -not -path 'apps/demo/*' -print -quit) ]]
}
if stale; then
  echo "build: building the API, the worker and the web app (about a minute)" >&2
  npm run --silent build >&2
  touch "$stamp"
fi
