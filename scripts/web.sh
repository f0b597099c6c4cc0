#!/usr/bin/env bash
# Builds the web page `crosscheck serve` shows into web/dist/: installs
# Node.js and npm from Debian's packages when missing, the front-end
# packages with `npm ci` from web/package-lock.json (again only when the lock
# changed), then runs the build. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v npm >/dev/null 2>&1; then
  echo "web: installing nodejs npm" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# npm ci records the lock it installed in node_modules/.package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build -- --logLevel warn
