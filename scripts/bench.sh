#!/usr/bin/env bash
# The benchmarks (bench/README.md): builds Release in ./build-bench, starts a throw-away
# redis-server on a free loopback port, then runs bench_parser, bench_roundtrip against it, and
# redis-benchmark on the same server for reference (one client pipelining 100, then 8 clients
# without pipelining).
#
#   ./scripts/bench.sh            full run (a few minutes)
#   ./scripts/bench.sh --smoke    tiny counts: checks that everything builds and runs
#
# Any REDIS_URL in the environment is ignored: redis-benchmark writes keys of its own, so the
# script only ever measures a server it started itself.
set -euo pipefail
BUILD_DIR="${BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

smoke=()
requests=100000
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=(--smoke); requests=1000 ;;
    *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
  esac
done

ensure_packages
CMAKE_BUILD_TYPE=Release configure_and_build -DREDISPP_BUILD_BENCHMARKS=ON -- --target bench_parser bench_roundtrip

unset REDIS_URL
ensure_redis_url
port="${REDIS_URL##*:}"
port="${port%%/*}"

# redis-benchmark -q redraws a progress line with \r: keep only its results.
progress_off() { tr '\r' '\n' | grep -v -e 'rps=' -e '^ *$' || true; }

echo "== bench_parser ${smoke[*]}"
"$build_dir/bench/bench_parser" "${smoke[@]}"
echo
echo "== bench_roundtrip --port $port ${smoke[*]}"
"$build_dir/bench/bench_roundtrip" --port "$port" "${smoke[@]}"
echo
echo "== redis-benchmark -p $port -q -t set,get -n $requests -P 100 -c 1"
redis-benchmark -p "$port" -q -t set,get -n "$requests" -P 100 -c 1 | progress_off
echo "== redis-benchmark -p $port -q -t set,get -n $requests -c 8 -P 1"
redis-benchmark -p "$port" -q -t set,get -n "$requests" -c 8 -P 1 | progress_off
