#!/bin/sh
# run-fuzz.sh [SECONDS [TARGET]] — configure build-fuzz (clang, ASan+UBSan,
# libFuzzer) if needed, build TARGET (default fuzz-load; also
# fuzz-import-threat-dragon, fuzz-import-otm, fuzz-import-tm7), refresh its
# seed corpus and fuzz for SECONDS (default 60) on a work copy of the corpus
# under /tmp.  Run from anywhere; extra libFuzzer flags can be given in
# FUZZ_FLAGS.  Crashes are written to $WORK/artifacts/ (crash-*, leak-*,
# timeout-*); the exit status is libFuzzer's (0: nothing found).
set -eu

seconds=${1:-60}
target=${2:-fuzz-load}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_FUZZ:-"$root/build-fuzz"}

case "$target" in
  fuzz-load) work=${WORK:-/tmp/bulwark-fuzz}; dict="$root/tests/fuzz/bulwark.dict" ;;
  fuzz-import-threat-dragon|fuzz-import-otm|fuzz-import-tm7)
    work=${WORK:-/tmp/bulwark-$target}; dict="$root/tests/fuzz/import.dict" ;;
  *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" -Dui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build" "tests/fuzz/$target"

mkdir -p "$work/corpus" "$work/artifacts" "$work/seeds"
if [ "$target" = fuzz-load ]; then
  "$root/tests/fuzz/make-seed-corpus.sh" "$root" "$work/seeds" >/dev/null
else
  # The importers' own fixtures, and the Threat Dragon samples beside the
  # project where they exist.
  shared="$root/../shared/fixtures/threat-dragon"
  case "$target" in
    fuzz-import-threat-dragon) seeds="$root/tests/data/import/td-*.json $shared/v*.json" ;;
    fuzz-import-otm) seeds="$root/tests/data/import/otm-*.json $shared/otm-*.json" ;;
    fuzz-import-tm7) seeds="$root/tests/data/import/*.tm7" ;;
  esac
  for f in $seeds; do
    [ -f "$f" ] && cp "$f" "$work/seeds/"
  done
fi
cp -n "$work"/seeds/* "$work/corpus/" 2>/dev/null || true

export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=1:abort_on_error=1:symbolize=1"}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-"print_stacktrace=1:halt_on_error=1"}
export LSAN_OPTIONS=${LSAN_OPTIONS:-"suppressions=$root/tests/lsan.supp:print_suppressions=0"}

exec "$build/tests/fuzz/$target" \
  -max_total_time="$seconds" -max_len=65536 -timeout=25 \
  -dict="$dict" \
  -artifact_prefix="$work/artifacts/" \
  ${FUZZ_FLAGS:-} \
  "$work/corpus"
