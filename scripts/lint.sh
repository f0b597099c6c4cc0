#!/usr/bin/env bash
# Style and static checks, run by the test suite (CTest label "lint"):
#   scripts/lint.sh format BUILD_DIR   clang-format --dry-run over every C++ file
#   scripts/lint.sh tidy BUILD_DIR     clang-tidy (.clang-tidy) over src/ and tools/,
#                                      with BUILD_DIR's compile_commands.json
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:?format or tidy}
build=${2:-build}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h')
else
  mapfile -t files < <(find include src tools tests bench fuzz -name '*.cc' -o -name '*.h')
fi
case $what in
  format)
    clang-format --dry-run --Werror "${files[@]}"
    echo "clang-format: ${#files[@]} files as formatted"
    ;;
  tidy)
    out=$(mktemp)
    trap 'rm -f "$out"' EXIT
    run-clang-tidy -p "$build" -j "$(nproc)" -quiet 'src/.*\.cc$|tools/.*\.cc$' >"$out" 2>&1 || true
    if grep -q "warning:\|error:" "$out"; then
      grep -A3 "warning:\|error:" "$out"
      exit 1
    fi
    echo "clang-tidy: no warnings"
    ;;
  *) echo "usage: $0 format|tidy [BUILD_DIR]" >&2; exit 2 ;;
esac
