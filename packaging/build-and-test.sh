#!/usr/bin/env bash
# Installs the Debian packages, builds everything and runs every test suite (CTest). This is README's
# test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset default "${launcher[@]}"
cmake --build --preset default
export QT_QPA_PLATFORM=offscreen
ctest --preset default "$@"
