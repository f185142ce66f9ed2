#!/usr/bin/env bash
# Installs every Debian 12 package ckstudio needs to build, test, package and run its demo.
# Runs apt-get directly as root, through sudo otherwise. Nothing else is downloaded from outside Debian but
# the embedded ClickHouse 26 engine (chDB, from npm, checksum-pinned; see the end).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config clang libclang-rt-dev
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6svg6 qt6-svg-dev qtkeychain-qt6-dev
  libgl1-mesa-dev libxkbcommon-dev
  nlohmann-json3-dev librdkafka-dev kcat
  clickhouse-server clickhouse-client
  openssl ca-certificates xvfb xauth x11-utils imagemagick dbus-daemon
  python3 python3-jsonschema curl
  desktop-file-utils appstream dpkg-dev file ccache
)
export DEBIAN_FRONTEND=noninteractive
# Only refresh the package lists when something is missing: keeps repeated runs fast.
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: apt-get install ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#PACKAGES[@]} Debian packages are installed"
fi

# The embedded ClickHouse 26 engine (app/engine/EmbeddedClickHouse.h): chDB's libchdb.so from npm, pinned by
# version and tarball checksum in packaging/chdb.version, into the user's cache (not the repo, not the system).
# $CKSTUDIO_CHDB_LIBRARY names a library to use instead; then nothing is fetched.
# shellcheck source=packaging/chdb.version
. "$(dirname "${BASH_SOURCE[0]}")/chdb.version"
CHDB_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/ckstudio/chdb/$CHDB_VERSION"
if [ -n "${CKSTUDIO_CHDB_LIBRARY:-}" ]; then
  echo "install-deps: chDB not fetched: CKSTUDIO_CHDB_LIBRARY=$CKSTUDIO_CHDB_LIBRARY"
elif [ -f "$CHDB_DIR/libchdb.so" ]; then
  echo "install-deps: chDB $CHDB_VERSION is installed at $CHDB_DIR/libchdb.so"
else
  echo "install-deps: npm pack $CHDB_PACKAGE@$CHDB_VERSION, libchdb.so into $CHDB_DIR"
  if ! command -v npm >/dev/null; then # any npm will do (Debian's, or one that came with Node.js)
    echo "install-deps: apt-get install npm (to fetch chDB)"
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends npm
  fi
  mkdir -p "$CHDB_DIR"
  # The temporary directory sits next to the destination, so that the final mv is a rename on one file system.
  CHDB_TMP="$(mktemp -d "$CHDB_DIR/.install.XXXXXX")"
  trap 'rm -rf "$CHDB_TMP"' EXIT
  (cd "$CHDB_TMP" && npm pack --silent "$CHDB_PACKAGE@$CHDB_VERSION" >/dev/null)
  tarballs=("$CHDB_TMP"/*.tgz)
  [ -f "${tarballs[0]}" ] || { echo "install-deps: npm pack left no tarball" >&2; exit 1; }
  actual="$(sha256sum "${tarballs[0]}" | cut -d' ' -f1)"
  if [ "$actual" != "$CHDB_SHA256" ]; then
    echo "install-deps: REFUSED $CHDB_PACKAGE@$CHDB_VERSION: sha256 is $actual, expected $CHDB_SHA256" >&2
    exit 1
  fi
  tar -xzf "${tarballs[0]}" -C "$CHDB_TMP" package/libchdb.so
  mv -f "$CHDB_TMP/package/libchdb.so" "$CHDB_DIR/libchdb.so"
  rm -rf "$CHDB_TMP"
  trap - EXIT
fi
