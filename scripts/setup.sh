#!/usr/bin/env bash
# Installs what crosscheck needs from Debian's packages (only what is missing),
# then configures and builds into build/. Safe to run repeatedly.
# Usage: scripts/setup.sh [--dev] [TARGET...]
#   --dev     also configure the tests and benchmarks (CROSSCHECK_DEVELOPER_MODE)
#   TARGET    build only these targets (default: everything configured)
set -euo pipefail
cd "$(dirname "$0")/.."

dev=()
targets=()
for a in "$@"; do
  if [[ $a == --dev ]]; then dev=(-DCROSSCHECK_DEVELOPER_MODE=ON); else targets+=(--target "$a"); fi
done

packages=(build-essential cmake pkg-config libicu-dev libstemmer-dev nlohmann-json3-dev
          wordnet-base libgumbo-dev libsqlite3-dev libxml2-dev zlib1g-dev
          libmimalloc-dev libcli11-dev libre2-dev libpsl-dev libhowardhinnant-date-dev libcpp-httplib-dev)
# The tests, benchmarks and lint checks; Chromium (and a font) for the web page's browser test.
((${#dev[@]})) && packages+=(libgtest-dev libgmock-dev libbenchmark-dev clang-format clang-tidy git
                             chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

BUILD_TYPE=${BUILD_TYPE:-Release}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${dev[@]}" >/dev/null
cmake --build build -j"$(nproc)" "${targets[@]}"
