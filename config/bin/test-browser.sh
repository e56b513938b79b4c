#!/usr/bin/env bash
# The browser tests of the web app: dependencies, services, the web build, chromium, then the Jest
# project `browser`. Given a path, Jest writes its JSON results there (for the closing count of `npm test`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh
echo "browser: building the web app"
npm run --silent build:web >/dev/null
bash config/bin/ensure-chromium.sh

if [[ $# -ge 1 && -n $1 ]]; then
  npx jest --selectProjects browser --runInBand --forceExit --json --outputFile="$1"
else
  npx jest --selectProjects browser --runInBand --forceExit
fi
