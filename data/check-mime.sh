#!/bin/sh
# Checks a shared-mime-info package file: well-formed XML (xmllint), and
# accepted by update-mime-database in a scratch folder, which must then know
# *.bulwark as application/x-bulwark, a sub-class of application/json.
# Exit 77 (skip) when neither tool is present.
set -u
file=${1:?usage: check-mime.sh FILE.xml}
checked=0

if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$file" || exit 1
  checked=1
fi

if command -v update-mime-database >/dev/null 2>&1; then
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/bw-mime.XXXXXX") || exit 1
  trap 'rm -rf "$tmp"' EXIT
  mime="$tmp/mime"
  mkdir -p "$mime/packages"
  cp "$file" "$mime/packages/" || exit 1
  # The scratch folder is on the search path, or update-mime-database says so.
  out=$(XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" update-mime-database "$mime" 2>&1) ||
    { echo "$out"; exit 1; }
  if [ -n "$out" ]; then
    echo "update-mime-database complained:"; echo "$out"; exit 1
  fi
  grep -q '^application/x-bulwark:\*\.bulwark$' "$mime/globs" ||
    { echo "globs: *.bulwark is not application/x-bulwark"; exit 1; }
  grep -q '^application/x-bulwark application/json$' "$mime/subclasses" ||
    { echo "subclasses: application/x-bulwark is not a sub-class of application/json"; exit 1; }
  grep -q '^application/x-bulwark:' "$mime/icons" ||
    { echo "icons: application/x-bulwark has no icon"; exit 1; }
  checked=1
fi

if [ "$checked" = 0 ]; then
  echo "neither xmllint nor update-mime-database found"
  exit 77
fi
echo "ok: $file"
