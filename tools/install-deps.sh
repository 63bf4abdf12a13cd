#!/bin/sh
# Installs the Debian 12 packages Bulwark needs that are missing (PLATFORM.md).
# Usage: tools/install-deps.sh [build|test|fuzz]...
set -eu

build="build-essential meson ninja-build pkg-config libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libgraphviz-dev libxml2-dev gettext desktop-file-utils appstream python3"
test="xvfb xauth imagemagick xdotool at-spi2-core python3-pyatspi dbus-daemon
  flatpak flatpak-builder python3-jsonschema poppler-utils libxml2-utils
  clang libclang-rt-14-dev valgrind"

want=""
for set in "${@:-build}"; do
  case "$set" in
    build) want="$want $build" ;;
    test|fuzz) want="$want $build $test" ;;
    *) echo "unknown package set: $set" >&2; exit 2 ;;
  esac
done

missing=""
for p in $want; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
