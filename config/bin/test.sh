#!/usr/bin/env bash
# What `npm test` runs: dependencies, services, then every Jest project (unit, service, e2e, browser,
# faults) one after the other, and one closing line counting every test of all of them.
#
# TEST_DISRUPTIVE=0 (`npm run test:dev`) is a developer's quick run: nothing is installed with apt,
# the fault tests (which restart the machine's PostgreSQL and kill processes) are left out, and so are
# the document tests needing LibreOffice and the browser tests needing chromium when these are
# missing. What was left out is said at the end, with the command that runs it. CI and a plain
# `npm test` keep the default, 1: everything runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DISRUPTIVE=${TEST_DISRUPTIVE:-1}
bash config/bin/ensure-deps.sh
bash config/bin/services.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
ran=()
left_out=()
project() { # name, then jest's arguments: runs one project, its results for the closing count
  local name=$1
  shift
  ran+=("$results/$name.json")
  npx jest --selectProjects "$name" --json --outputFile="$results/$name.json" "$@" || status=$?
}

project unit
# The services of libs/core over real PostgreSQL, without HTTP (test/services).
project service
# The document tests open every generated Word file in LibreOffice (installed when missing, as root).
e2e_ignore=()
if [[ $DISRUPTIVE != 0 ]]; then
  bash config/bin/ensure-libreoffice.sh || status=$?
elif ! bash config/bin/ensure-libreoffice.sh --check; then
  while IFS= read -r spec; do
    e2e_ignore+=(--testPathIgnorePatterns "$spec")
    left_out+=("$spec (needs LibreOffice: bash config/bin/ensure-libreoffice.sh, then npx jest $spec --selectProjects e2e --runInBand)")
  done < <(grep -l "support/pdf'" test/*.e2e-spec.ts)
fi
# --forceExit: a test that fails half-way may leave a worker of its own reconnecting; the run must
# still end and report it rather than wait for it.
project e2e --runInBand --forceExit "${e2e_ignore[@]}"
if [[ $DISRUPTIVE != 0 ]] || bash config/bin/ensure-chromium.sh --check; then
  ran+=("$results/browser.json")
  bash config/bin/test-browser.sh "$results/browser.json" || status=$?
else
  left_out+=("test/browser (needs chromium: npm run test:browser installs it, as root)")
fi
# The fault tests run the built API and workers as processes: build them from this tree first. They
# go last, as they restart PostgreSQL (test/faults/postgres-restart.fault-spec.ts). --forceExit: a
# killed process's sockets may outlive the run by a moment; the tests have checked what they need.
if [[ $DISRUPTIVE != 0 ]]; then
  echo "faults: building the API, the worker and the web app (npm start and the operator commands use this build)"
  rm -f dist/.build-stamp
  bash config/bin/ensure-build.sh || status=$?
  project faults --runInBand --forceExit
else
  left_out+=("test/faults (restarts PostgreSQL, kills processes: npm run test:faults)")
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "${ran[@]}"
if [[ ${#left_out[@]} -gt 0 ]]; then
  echo "left out of this quick run (TEST_DISRUPTIVE=0); \`npm test\` runs them all:"
  printf '  - %s\n' "${left_out[@]}"
fi
exit "$status"
