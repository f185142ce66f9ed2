#!/usr/bin/env bash
# Installs the Debian packages, builds, and opens ckstudio on its bundled example config.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default
exec ./build/bin/ckstudio "${@:-resources/examples/events.json}"
