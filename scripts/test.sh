#!/usr/bin/env bash
# npm test — every test: unit, integration (PostgreSQL) and end-to-end (Chromium).
# Works on a fresh machine: installs the npm packages and Debian's Chromium when missing.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/tsx ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages…"
  npm ci --no-audit --no-fund || exit 1
fi

# Debian's Chromium and its old headless shell, which the browser tests run in (scripts/lib/chromium.ts).
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell fonts-noto-core >/dev/null) || exit 1
  elif [ ! -x /usr/bin/chromium ]; then
    echo "Chromium is missing: run 'sudo apt-get install -y chromium chromium-headless-shell' (Debian), then npm test again." >&2
    exit 1
  fi
fi

exec ./node_modules/.bin/tsx scripts/run-tests.ts "$@"
