#!/bin/sh
# Keeps po/POTFILES.in complete and current.
#
# Fails, listing each file, when
#   - a .c or .ui file under app/ or resources/ui/ holds translatable strings
#     (_(" N_(" C_(" NC_(" ngettext-style calls, translatable="yes") but is
#     not listed in po/POTFILES.in, or
#   - an entry of po/POTFILES.in names a file that does not exist.
#
# Usage: check-potfiles.sh [SOURCE_ROOT]   (default: the parent of this folder)
set -u
root=${1:-$(dirname "$0")/..}
cd "$root" || exit 1
potfiles=po/POTFILES.in
[ -f "$potfiles" ] || { echo "$potfiles not found in $root"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bw-potfiles.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Entries: skip comments and blank lines, trim spaces.
sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" |
  grep -v '^$' | LC_ALL=C sort -u > "$tmp/listed"

status=0

# 1. Entries that no longer exist.
while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done < "$tmp/listed"

# 2. Files with translatable strings that are not listed.
#    A C marker: _( N_( C_( NC_( (not part of a longer name) followed by a
#    string literal, possibly on the next line; or a gettext-family call.
c_re='(^|[^[:alnum:]_])(N?C?_|g_dn?gettext|g_dpgettext2?|n?gettext)[[:space:]]*\([[:space:]]*("|$)'
ui_re='translatable[[:space:]]*=[[:space:]]*"(yes|true|1)"'
: > "$tmp/found"
for dir in app resources/ui; do
  [ -d "$dir" ] || continue
  find "$dir" -type f -name '*.c' -exec grep -lE "$c_re" {} + >> "$tmp/found" 2>/dev/null
  find "$dir" -type f -name '*.ui' -exec grep -lE "$ui_re" {} + >> "$tmp/found" 2>/dev/null
done
sed 's|^\./||' "$tmp/found" | LC_ALL=C sort -u > "$tmp/needed"

LC_ALL=C comm -23 "$tmp/needed" "$tmp/listed" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
  while IFS= read -r f; do
    echo "$f has translatable strings but is missing from po/POTFILES.in"
  done < "$tmp/missing"
  status=1
fi

if [ "$status" = 0 ]; then
  echo "ok: po/POTFILES.in lists all $(wc -l < "$tmp/needed" | tr -d ' ') source files with translatable strings"
fi
exit "$status"
