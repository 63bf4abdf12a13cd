#!/bin/sh
# make-seed-corpus.sh SOURCE_ROOT OUT_DIR
#
# Copies the seed inputs of fuzz-load into OUT_DIR (created if needed):
# resources/examples/*.bulwark and every file under tests/data/format/.
# Names are flattened (valid/example.bulwark -> valid-example.bulwark) so
# nothing collides.  Used by the `fuzz-seed-corpus` run target of
# tests/fuzz/meson.build and by run-fuzz.sh.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 SOURCE_ROOT OUT_DIR" >&2
  exit 2
fi
src=$1
out=$2
mkdir -p "$out"

for f in "$src"/resources/examples/*.bulwark; do
  [ -f "$f" ] && cp "$f" "$out/example-$(basename "$f")"
done

find "$src/tests/data/format" -type f | sort | while read -r f; do
  rel=${f#"$src/tests/data/format/"}
  cp "$f" "$out/format-$(printf '%s' "$rel" | tr '/' '-')"
done

echo "seed corpus: $(ls "$out" | wc -l) files in $out"
