#!/usr/bin/env bash
# Instructions the client executes per workload (bench/instructions.cpp), counted by callgrind:
# the measure bench/README.md's performance-round tables give, because it does not depend on the
# machine's load (a wall-clock ratio here moves by +-30% between runs of the same code).
#
#   bench/count_instructions.sh                     every workload, Release build in ./build-bench
#   bench/count_instructions.sh pipeline-get lrange some of them
#
# Needs valgrind (Debian: apt-get install valgrind). Starts its own throw-away redis-server
# unless REDIS_URL is set. The counts are of the whole program (about 5.8 M of them are the
# process starting and connecting), so compare two trees' counts of the same workload, both
# built the same way: check out the other tree, run this there, compare.
set -euo pipefail
BUILD_DIR="${BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

command -v valgrind >/dev/null || { echo "error: valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 1; }
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(pipeline-get pipeline-set lrange hgetall single-set)

ensure_packages
CMAKE_BUILD_TYPE=Release configure_and_build -DREDISPP_BUILD_BENCHMARKS=ON -- --target bench_instructions
ensure_redis_url

out="$(mktemp -d)"
trap 'rm -rf "$out"' RETURN
printf '%-14s %15s\n' workload instructions
for workload in "${workloads[@]}"; do
  valgrind --tool=callgrind --callgrind-out-file="$out/$workload.out" \
    "$build_dir/bench/bench_instructions" --url "$REDIS_URL" "$workload" >"$out/$workload.log" 2>&1 || {
    cat "$out/$workload.log" >&2; exit 1; }
  total="$(sed -n 's/.*Collected : *//p; s/^==[0-9]*== I *refs: *//p' "$out/$workload.log" | head -n1)"
  printf '%-14s %15s\n' "$workload" "$total"
done
