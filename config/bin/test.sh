#!/usr/bin/env bash
# What `npm test` runs: dependencies, services, then the unit and end-to-end Jest projects,
# and one closing line counting every test of both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" || status=$?
npx jest --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results/unit.json" "$results/e2e.json"
exit "$status"
