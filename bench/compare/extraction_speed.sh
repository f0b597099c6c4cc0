#!/usr/bin/env bash
# Side-by-side speed of article extraction on the same pages, in one run:
# crosscheck, readability-lxml (Debian python3-readability) and Mozilla
# Readability.js with jsdom (npm). Prints pages/s for each and the ratios.
# Usage: bench/compare/extraction_speed.sh [FOLDER like ../shared/corpus/extraction]
# Installs its peers on first use (apt-get python3-readability; npm install here).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
src="${1:-$root/../shared/corpus/extraction}"
[[ -x "$root/build/crosscheck" ]] || "$root/scripts/setup.sh"
if ! python3 -c 'import readability' 2>/dev/null; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y -qq python3-readability >/dev/null
fi
PY=/usr/bin/python3
[[ -d "$here/node_modules/@mozilla/readability" ]] || (cd "$here" && npm install --silent --no-audit --no-fund >/dev/null)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/html"
cp "$src/ground-truth.json" "$work/"
for f in "$src"/html/*; do
  base="$(basename "$f")"
  case "$base" in
    *.html.gz) gunzip -c "$f" > "$work/html/${base%.gz}" ;;
    *.html) cp "$f" "$work/html/" ;;
  esac
done
pages=$(ls "$work/html" | wc -l)

ours=$("$root/build/crosscheck" eval extraction "$work")
ours_rate=$(sed -n 's/.*(\([0-9.]*\) pages\/s).*/\1/p' <<<"$ours")
lxml=$($PY "$here/readability_lxml.py" "$work/html")
js=$(node "$here/readability_js.mjs" "$work/html")
rate() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(f\"{d['pages']/d['seconds']:.1f}\")" "$1"; }
lxml_rate=$(rate "$lxml")
js_rate=$(rate "$js")
echo "pages: $pages (decompressed; each tool reads the same files in one process)"
printf "%-18s %10s pages/s\n" crosscheck "$ours_rate" readability-lxml "$lxml_rate" Readability.js "$js_rate"
python3 - "$ours_rate" "$lxml_rate" "$js_rate" <<'PY'
import sys
o, l, j = map(float, sys.argv[1:])
print(f"crosscheck / readability-lxml: {o / l:.1f}x")
print(f"crosscheck / Readability.js:   {o / j:.1f}x")
PY
