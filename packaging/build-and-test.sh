#!/usr/bin/env bash
# Installs the Debian packages, builds everything and runs every test suite (CTest), then builds the fuzzers
# with clang and runs each for 20 s (packaging/fuzz.sh). This is README's test command and what CI runs: under
# 45 minutes on a fresh 2-core machine (docs/performance.md, "The test command's time").
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths relative to the checkout in ccache's keys, so that a clone in another folder reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake --preset default "${launcher[@]}"
cmake --build --preset default
export QT_QPA_PLATFORM=offscreen
ctest --preset default "$@"
bash packaging/fuzz.sh
