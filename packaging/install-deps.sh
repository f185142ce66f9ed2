#!/usr/bin/env bash
# Installs every Debian 12 package ckstudio needs to build, test, package and run its demo.
# Runs apt-get directly as root, through sudo otherwise. Nothing is downloaded from outside Debian.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
  build-essential cmake ninja-build pkg-config clang
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
