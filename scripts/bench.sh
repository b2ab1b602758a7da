#!/usr/bin/env bash
# The benchmarks (bench/README.md): builds Release in ./build-bench, starts a throw-away
# redis-server on a free loopback port, then runs bench_parser, bench_roundtrip and bench_pubsub
# against it (bench_roundtrip runs redis-benchmark itself, round by round, as a baseline), and
# bench_tls against its TLS twin (redis-benchmark --tls as the baseline).
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
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke=(--smoke) ;;
    *) echo "usage: $0 [--smoke]" >&2; exit 2 ;;
  esac
done

ensure_packages
CMAKE_BUILD_TYPE=Release configure_and_build -DREDISPP_BUILD_BENCHMARKS=ON -- --target bench_parser bench_roundtrip bench_pubsub bench_tls

unset REDIS_URL
ensure_redis_url
port="${REDIS_URL##*:}"
port="${port%%/*}"

echo "== bench_parser ${smoke[*]}"
"$build_dir/bench/bench_parser" "${smoke[@]}"
echo
echo "== bench_roundtrip --port $port ${smoke[*]}"
roundtrip_output="$(mktemp)"
"$build_dir/bench/bench_roundtrip" --port "$port" "${smoke[@]}" | tee "$roundtrip_output"
# The pipeline ratios against redis-benchmark, against the last recorded ones (bench/README.md,
# "Regression check"): more than 10% below prints a warning (the machine is noisy: rerun first).
if [ ${#smoke[@]} -eq 0 ]; then
  while read -r workload baseline; do
    [ -z "$workload" ] || [ "${workload:0:1}" = "#" ] && continue
    # The first line of that name: the table's, not the floor's below it.
    measured="$(awk -v w="${workload//_/ }" 'index($0, w) == 1 { print $NF; exit }' "$roundtrip_output" | tr -d x)"
    if [ -z "$measured" ] || [ "$measured" = "-" ]; then
      echo "note: no redispp/rb ratio measured for '${workload//_/ }' (is redis-benchmark installed?)"
    elif awk -v m="$measured" -v b="$baseline" 'BEGIN { exit !(m < 0.9 * b) }'; then
      echo "WARNING: '${workload//_/ }' redispp/redis-benchmark is ${measured}x, more than 10% below the recorded ${baseline}x (bench/pipeline_baseline.txt): a regression, or a noisy run"
    else
      echo "regression check: '${workload//_/ }' ${measured}x (recorded ${baseline}x): fine"
    fi
  done < "$repo/bench/pipeline_baseline.txt"
fi
rm -f "$roundtrip_output"
echo
echo "== bench_pubsub --port $port ${smoke[*]}"
"$build_dir/bench/bench_pubsub" --port "$port" "${smoke[@]}"
# ensure_redis_url started a TLS server too: its TLS port, and its plain port for comparison.
servers="$build_dir/demo-server"
echo
echo "== bench_tls ${smoke[*]}"
"$build_dir/bench/bench_tls" --tls-port "$(cat "$servers/tls.port")" --plain-port "$(cat "$servers/tls.plain_port")" \
  --ca "$servers/tls/ca.crt" "${smoke[@]}"
