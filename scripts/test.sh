#!/usr/bin/env bash
# Sets up, builds, and runs the whole test suite under CTest.
# Set CTEST_LABELS=unit (or integration) to run one label only.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --dev
args=(--test-dir build --output-on-failure -j"$(nproc)")
[[ -n "${CTEST_LABELS:-}" ]] && args+=(-L "$CTEST_LABELS")
ctest "${args[@]}"
