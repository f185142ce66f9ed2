#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (preset `fuzz`: Debug, ASan + UBSan), replays every
# seed once, then fuzzes each target for SECONDS (default 20) on a copy of its corpus
# (tests/fixtures/fuzz/<target>/). Fails on any crash, sanitizer report, timeout or out-of-memory; the input
# that did it is kept in build-fuzz/findings/<target>/ and named in the log. Part of build-and-test.sh.
#     bash packaging/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-${CKSTUDIO_FUZZ_SECONDS:-20}}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"

cmake --preset fuzz "${launcher[@]}"
cmake --build --preset fuzz
export QT_QPA_PLATFORM=offscreen
ctest --preset fuzz

# Every tests/fuzz/fuzz_X.cpp is the target fuzz_X with the corpus tests/fixtures/fuzz/fuzz_X/.
# Leaks are not checked per input (Qt's one-time allocations); UBSan stops at its first report.
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for source in tests/fuzz/fuzz_*.cpp; do
  name="$(basename "$source" .cpp)"
  seeds="tests/fixtures/fuzz/$name"
  findings="$PWD/build-fuzz/findings/$name"
  [ -d "$seeds" ] || { echo "fuzz: $name has no seed corpus $seeds" >&2; exit 1; }
  mkdir -p "$work/$name" "$findings"
  cp -r "$seeds"/. "$work/$name"/ # new inputs go to the copy, not the checkout
  echo "fuzz: $name for ${seconds} s"
  if ! "build-fuzz/bin/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$work/$name" >"$work/$name.log" 2>&1; then
    tail -n 60 "$work/$name.log"
    echo "fuzz: $name FAILED; input kept in $findings/ (replay: build-fuzz/bin/$name FILE)" >&2
    failed+=("$name")
  else
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$work/$name.log" | tr '\n' ' '
    echo "corpus $(find "$work/$name" -type f | wc -l) inputs"
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: every target clean"
