#!/usr/bin/env bash
# Builds redispp's libFuzzer targets with clang and runs each for <seconds> on a copy of its seed
# corpus (the seeds in the source tree stay untouched). Exits non-zero when any target crashes,
# leaks, trips a sanitizer or hits an abort; the input that did it is left in
# <build>/fuzz/<target>/artifacts/ and the run's log in <build>/fuzz/<target>/log.txt.
#
#   tests/fuzz/run_fuzzers.sh [seconds] [seconds for the other targets]
#     (default 60 each; the first target listed, the RESP parser, gets the first number)
#
# Environment: BUILD_DIR (default <repo>/build-fuzz), JOBS (build parallelism, default 1),
# CXX (default clang++; must be a clang).
set -euo pipefail

seconds="${1:-60}"
other_seconds="${2:-$seconds}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: $0 [seconds]   (a positive whole number of seconds per fuzz target)" >&2
  exit 2
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$repo/build-fuzz}"
cxx="${CXX:-clang++}"
if ! "$cxx" --version 2>/dev/null | grep -qi clang; then
  echo "$0: $cxx is not clang; libFuzzer targets need clang (CXX=clang++)" >&2
  exit 2
fi

# A build directory configured earlier with another compiler would keep it: start that one over.
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER_ID:INTERNAL=Clang' "$build/CMakeCache.txt" \
  && ! grep -qi 'CMAKE_CXX_COMPILER:[A-Z]*=.*clang' "$build/CMakeCache.txt"; then
  echo "== $build was configured with another compiler: reconfiguring it with $cxx"
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
fi

generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/CMakeCache.txt" ]; then generator=(-G Ninja); fi

CXX="$cxx" cmake -S "$repo" -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DREDISPP_FUZZ=ON -DREDISPP_WERROR=ON \
  -DREDISPP_BUILD_EXAMPLES=OFF -DREDISPP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "${JOBS:-1}" --target redispp_fuzzers

list="$build/tests/fuzz/fuzzers.txt"
if [ ! -s "$list" ]; then
  echo "$0: no fuzz targets were configured (see $list)" >&2
  exit 1
fi

status=0
first=1
while IFS=$'\t' read -r name binary seeds dict; do
  [ -n "$name" ] || continue
  target_seconds="$seconds"
  [ "$first" -eq 1 ] || target_seconds="$other_seconds"
  first=0
  work="$build/fuzz/$name"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$seeds"/* "$work/corpus/"
  echo "== $name: ${target_seconds}s on $(ls "$work/corpus" | wc -l) seed inputs"
  options=(-max_total_time="$target_seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  # -max_len: room for nesting past the default max_depth (512 x "*1\r\n") and then some.
  options+=(-max_len=8192)
  if [ -n "${dict:-}" ]; then options+=(-dict="$dict"); fi
  if "$binary" "${options[@]}" "$work/corpus" >"$work/log.txt" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log.txt" | tail -n 1)"
    echo "   ok: ${runs:-?} inputs run, corpus now $(ls "$work/corpus" | wc -l) inputs"
  else
    status=1
    echo "   FAILED: see $work/log.txt; the input is in $work/artifacts/" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_|[a-z_/.]+:[0-9]+:[0-9]+: runtime error)' "$work/log.txt" | head -n 20 >&2 || true
  fi
done <"$list"
exit "$status"
