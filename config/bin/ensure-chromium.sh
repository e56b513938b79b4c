#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when /usr/bin/chromium is missing. playwright-core
# downloads no browser; the tests drive this one. Needs root (apt-get), as the services script does.
# With --check it installs nothing and only answers whether chromium is there (exit 0) or not (exit 1).
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x $CHROMIUM ]]; then
  echo "chromium: $($CHROMIUM --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
[[ ${1:-} == --check ]] && { echo "chromium: $CHROMIUM is missing" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  echo "chromium: $CHROMIUM is missing and installing it needs root: run 'apt-get install -y chromium' as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "chromium: installing Debian's chromium (apt-get install -y chromium)"
# The package lists are usually there already; refresh them only when the install cannot find the package.
if ! apt-get install -y chromium; then
  echo "chromium: install failed, running apt-get update and trying again"
  apt-get update
  apt-get install -y chromium
fi
[[ -x $CHROMIUM ]] || { echo "chromium: installed, but $CHROMIUM is still missing" >&2; exit 1; }
echo "chromium: $($CHROMIUM --version 2>/dev/null || echo installed)"
