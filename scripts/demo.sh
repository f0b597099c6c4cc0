#!/usr/bin/env bash
# Sets up, builds, and cross-checks the demo corpus (examples/port-aldous):
# prints the Markdown report and writes the JSON and HTML reports to build/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh crosscheck >&2  # build progress on stderr: stdout is the report
./build/crosscheck report --format json --out build/demo.json examples/port-aldous
./build/crosscheck report --format html --out build/demo.html examples/port-aldous
./build/crosscheck report --format md examples/port-aldous
echo
echo "JSON: build/demo.json   HTML: build/demo.html"
if [[ -d ../shared/corpus/seeds ]]; then
  ./build/crosscheck report --format html --out build/seeds.html ../shared/corpus/seeds
  echo "The seed corpus report: build/seeds.html"
fi
