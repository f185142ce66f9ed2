#!/usr/bin/env bash
# Installs the Debian packages, builds, and opens the demo: ckstudio connected to a local clickhouse-server and
# the Aiven API emulator (packaging/demo.sh; closing the app stops both). Without the demo's tools (a build
# with -DCKSTUDIO_BUILD_TESTS=OFF) it opens ckstudio on the bundled example config instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default
if [[ -f packaging/demo.sh && -x build/bin/ckstudio-aiven-emulator ]]; then
  exec bash packaging/demo.sh "$PWD/build" -- "$@"
fi
exec ./build/bin/ckstudio "${@:-resources/examples/events.json}"
