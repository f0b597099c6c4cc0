#!/usr/bin/env bash
# The first render of an event's page in headless Chromium (bench/page_render.mjs).
# Usage: bench/page_render.sh [RUNS]   (after scripts/setup.sh --dev and scripts/web.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x build/crosscheck ]] || { echo "page_render: build first (scripts/setup.sh --dev)" >&2; exit 2; }
[[ -f web/dist/index.html && -d web/node_modules/playwright-core ]] ||
  { echo "page_render: build the page first (scripts/web.sh)" >&2; exit 2; }
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || { echo "page_render: no Chromium (apt-get install chromium)" >&2; exit 2; }
[[ -d ../shared/corpus/ecbplus ]] || { echo "page_render: ../shared/corpus/ecbplus is missing" >&2; exit 2; }
exec node bench/page_render.mjs "$@"
