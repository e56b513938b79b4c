#!/usr/bin/env bash
# Installs node_modules with `npm ci` when missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

stamp=node_modules/.install-stamp
# npm writes node_modules/.package-lock.json on every install: trust it when our stamp is absent.
npm_record=node_modules/.package-lock.json

fresh() {
  [[ -d node_modules ]] || return 1
  if [[ -f $stamp ]]; then [[ ! package-lock.json -nt $stamp ]]; return; fi
  [[ -f $npm_record && ! package-lock.json -nt $npm_record ]]
}

if fresh; then
  [[ -f $stamp ]] || touch "$stamp"
  echo "deps: node_modules up to date"
  exit 0
fi

echo "deps: running npm ci (about 30 s)"
# npm 11 warns about install scripts not covered by allowScripts; @swc/core works without them.
npm ci --no-audit --no-fund
touch "$stamp"
echo "deps: installed"
