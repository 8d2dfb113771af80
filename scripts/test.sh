#!/usr/bin/env bash
# npm test — every test: unit, integration (PostgreSQL) and end-to-end (Chromium).
# Works on a fresh machine: installs the npm packages and Debian's Chromium when missing.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/tsx ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages…"
  npm ci --no-audit --no-fund || exit 1
fi

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null) || exit 1
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian), then npm test again." >&2
    exit 1
  fi
fi

exec ./node_modules/.bin/tsx scripts/run-tests.ts "$@"
