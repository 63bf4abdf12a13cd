#!/bin/sh
# run-fuzz.sh [SECONDS] — configure build-fuzz (clang, ASan+UBSan, libFuzzer)
# if needed, build fuzz-load, refresh the seed corpus and fuzz for SECONDS
# (default 60) on a work copy of the corpus under /tmp.  Run from anywhere;
# extra libFuzzer flags can be given in FUZZ_FLAGS.  Crashes are written to
# $WORK/artifacts/ (crash-*, leak-*, timeout-*); the exit status is libFuzzer's
# (0: nothing found).
set -eu

seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_FUZZ:-"$root/build-fuzz"}
work=${WORK:-/tmp/bulwark-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" -Dui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link
fi
ninja -C "$build" tests/fuzz/fuzz-load

mkdir -p "$work/corpus" "$work/artifacts"
"$root/tests/fuzz/make-seed-corpus.sh" "$root" "$work/seeds" >/dev/null
cp -n "$work"/seeds/* "$work/corpus/" 2>/dev/null || true

export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=1:abort_on_error=1:symbolize=1"}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-"print_stacktrace=1:halt_on_error=1"}
export LSAN_OPTIONS=${LSAN_OPTIONS:-"suppressions=$root/tests/lsan.supp:print_suppressions=0"}

exec "$build/tests/fuzz/fuzz-load" \
  -max_total_time="$seconds" -max_len=65536 -timeout=25 \
  -dict="$root/tests/fuzz/bulwark.dict" \
  -artifact_prefix="$work/artifacts/" \
  ${FUZZ_FLAGS:-} \
  "$work/corpus"
