#!/usr/bin/env bash
# Front-end parts, from the npm registry and the OS packages (nothing is fetched at run time):
# MapLibre GL JS for the map-tiles preview page, playwright-core and Debian's Chromium for the
# browser test, openapi-typescript and TypeScript for the contract tests. Idempotent; prints
# what to install when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'frontend: %s\n' "$*"; }

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing nodejs and npm from the OS packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  else
    log "npm is missing: install Node.js 18+ with npm (apt-get install nodejs npm); the preview map, the browser and TypeScript tests need it" >&2
    exit 1
  fi
fi

for dir in services/map-tiles tests/browser tests/contract; do
  [ -f "$dir/package-lock.json" ] || continue
  # Reinstall only when the lock file changed since the last install.
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing chromium from the OS packages (browser test)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    log "chromium is missing: the browser test will be skipped (apt-get install chromium)"
  fi
fi
