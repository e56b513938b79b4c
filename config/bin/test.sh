#!/usr/bin/env bash
# What `npm test` runs: dependencies, services, then the unit and end-to-end Jest projects.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

npx jest --selectProjects unit
npx jest --selectProjects e2e --runInBand
