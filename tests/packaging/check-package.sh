#!/usr/bin/env bash
# Builds the .deb with CPack from the build folder and checks what a user installs: binaries in /usr/bin,
# desktop file and metainfo that validate, hicolor icons, a Depends line naming Qt, QtKeychain and
# librdkafka (dlopen()ed, so added by hand in CPackConfig.cmake), and binaries that run from the package's
# files alone (extracted away from the build tree).
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$build_dir"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/ckstudio_*.deb)
fail() { echo "FAIL: $*"; exit 1; }
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
app_id=io.github.ckstudio.ClickHouseKafkaStudio
for f in ./usr/bin/ckstudio ./usr/bin/ckstudio-cli ./usr/lib/ckstudio/libckstudio-http.so \
         ./usr/share/applications/$app_id.desktop ./usr/share/metainfo/$app_id.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         ./usr/share/icons/hicolor/48x48/apps/$app_id.png ./usr/share/icons/hicolor/256x256/apps/$app_id.png; do
  grep -qxF "$f" <<<"$contents" || fail "package lacks $f"
done
if grep -q -- '/build' <<<"$contents"; then fail "package contains build-tree paths"; fi
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libqt6network6 libqt6keychain1 librdkafka1; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop" || fail "desktop file invalid"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml" >"$work/as.log" 2>&1 \
  || { cat "$work/as.log"; fail "metainfo invalid"; }
# The packaged binaries run from the package's files alone and carry no library search path (Debian policy;
# each entry is probed for every library at start-up). The build tree's binaries carry none either: an empty
# RUNPATH entry, CMake's placeholder for rewriting at install, makes the loader search the current directory.
for bin in "$work/root/usr/bin/ckstudio" "$work/root/usr/bin/ckstudio-cli" "$build_dir/bin/ckstudio" \
           "$build_dir/bin/ckstudio-cli"; do
  if readelf -d "$bin" | grep -E '\((RPATH|RUNPATH)\)'; then fail "$bin carries a library search path"; fi
done
"$work/root/usr/bin/ckstudio-cli" --version | grep -q '^ckstudio-cli ' || fail "packaged ckstudio-cli does not run"
# The HTTP module is found from the package's layout (bin/../lib/ckstudio): a request reaches the network
# (port 1 on the loopback refuses) instead of failing to load it.
if answer=$("$work/root/usr/bin/ckstudio-cli" preview --table db.t --clickhouse-url http://127.0.0.1:1 2>&1); then
  fail "a preview from port 1 succeeded: $answer"
fi
grep -q 'Connection refused' <<<"$answer" || fail "packaged ckstudio-cli cannot make a request: $answer"
QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/ckstudio" --version | grep -qi 'ckstudio' || fail "packaged ckstudio does not run"
echo "package ok: $(basename "$deb")"
