#!/bin/sh
# Parses a Flatpak manifest offline with `flatpak-builder --show-manifest`.
# Fails when flatpak-builder exits non-zero or writes anything to stderr
# (an unknown key is only a warning there). Exit 77 (skip) without
# flatpak-builder, e.g. inside the Flatpak build sandbox.
set -u
manifest=${1:?usage: check-manifest.sh MANIFEST.json}
if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder not found"
  exit 77
fi
case $manifest in
  /*) ;;
  *) manifest=$(pwd)/$manifest ;;
esac
# flatpak-builder leaves a .flatpak-builder folder in the current one:
# run it in a scratch folder.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bw-manifest.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
err=$tmp/stderr
(cd "$tmp" && flatpak-builder --show-manifest "$manifest") >/dev/null 2>"$err"
status=$?
if [ "$status" -ne 0 ]; then
  echo "flatpak-builder --show-manifest $manifest failed (exit $status):"
  cat "$err"
  exit 1
fi
if [ -s "$err" ]; then
  echo "flatpak-builder --show-manifest $manifest wrote to stderr:"
  cat "$err"
  exit 1
fi
echo "ok: $manifest"
