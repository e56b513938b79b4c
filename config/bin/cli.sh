#!/usr/bin/env bash
# The operator commands (`npm run migrate`, `npm run db:roles`, `npm run admin -- …`): built first
# when needed, then run with what follows as arguments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash config/bin/ensure-build.sh
exec node dist/apps/api/apps/api/src/cli.js "$@"
