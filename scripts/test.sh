#!/usr/bin/env bash
# Sets up, builds (the web page too: scripts/web.sh), and runs the whole
# test suite under CTest: first the
# Release build (build/), then the same suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/, Debug, no benchmarks; the lint
# checks, the install test and FNC-1's cross-validation, which trains on
# 50,000 pairs and takes minutes under the sanitizers, run once, in the first).
# Set CTEST_LABELS=unit (or integration) to run one label only, and
# CROSSCHECK_SANITIZERS=0 to skip the sanitizer build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --dev
./scripts/web.sh
args=(--output-on-failure -j"$(nproc)")
[[ -n "${CTEST_LABELS:-}" ]] && args+=(-L "$CTEST_LABELS")
ctest --test-dir build "${args[@]}"
if [[ ${CROSSCHECK_SANITIZERS:-1} != 0 ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCROSSCHECK_DEVELOPER_MODE=ON \
    -DCROSSCHECK_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ctest --test-dir build-asan "${args[@]}" -LE lint -E '^(install|Fnc1)\.'
fi
