#!/usr/bin/env bash
# Takes the README's screenshot of the real app: ckstudio on the bundled example config, under Xvfb, rendered
# by the app itself (`ckstudio --screenshot PNG FILE` grabs the main window after it is laid out and quits).
# A throw-away HOME keeps the user's window geometry, recent files and drafts out of the picture.
#
# Usage: packaging/screenshot.sh [BUILD_DIR] [OUT.png]   (defaults: build, resources/screenshots/main-window.png)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$root/resources/screenshots/main-window.png}
app=$build/bin/ckstudio
[[ -x "$app" ]] || { echo "screenshot: $app is missing; build first (cmake --build $build)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshot: xvfb-run is missing (packaging/install-deps.sh)" >&2; exit 2; }
home=$(mktemp -d -t ckstudio-shot.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$(dirname "$out")"
# English texts and Fusion's default light palette: the same picture on every machine. Sanitizer settings
# pass through, so that the script also runs in the ASan build's test suite.
sanitizers=()
for name in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
  [[ -n "${!name:-}" ]] && sanitizers+=("$name=${!name}")
done
env -i PATH="$PATH" HOME="$home" XDG_RUNTIME_DIR="$home" LANG=C.UTF-8 LC_ALL=C.UTF-8 CKSTUDIO_NO_KEYCHAIN=1 \
  "${sanitizers[@]}" QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  "$app" --screenshot "$out" "$root/resources/examples/events.json"
echo "screenshot: wrote $out ($(file -b "$out" | cut -d, -f2 | xargs))"
