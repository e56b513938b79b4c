#!/usr/bin/env bash
# What `npm test` runs: dependencies, services, then every Jest project (unit, e2e, browser, faults)
# one after the other, and one closing line counting every test of all of them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash config/bin/ensure-deps.sh
bash config/bin/services.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" || status=$?
# The document tests open every generated Word file in LibreOffice (installed when missing, as root).
bash config/bin/ensure-libreoffice.sh || status=$?
# --forceExit: a test that fails half-way may leave a worker of its own reconnecting; the run must
# still end and report it rather than wait for it.
npx jest --selectProjects e2e --runInBand --forceExit --json --outputFile="$results/e2e.json" || status=$?
bash config/bin/test-browser.sh "$results/browser.json" || status=$?
# The fault tests run the built API and workers as processes: build them from this tree first. They
# go last, as they restart PostgreSQL (test/faults/postgres-restart.fault-spec.ts). --forceExit: a
# killed process's sockets may outlive the run by a moment; the tests have checked what they need.
echo "faults: building the API, the worker and the web app (npm start and the operator commands use this build)"
rm -f dist/.build-stamp
bash config/bin/ensure-build.sh || status=$?
npx jest --selectProjects faults --runInBand --forceExit --json --outputFile="$results/faults.json" || status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results/unit.json" "$results/e2e.json" "$results/browser.json" "$results/faults.json"
exit "$status"
