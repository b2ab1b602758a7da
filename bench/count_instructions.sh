#!/usr/bin/env bash
# Instructions the client executes per command (bench/instructions.cpp), counted by callgrind:
# the measure bench/README.md's performance-round tables give, because it does not depend on the
# machine's load (a wall-clock ratio here moves by +-30% between runs of the same code).
#
#   bench/count_instructions.sh                     every workload, Release build in ./build-bench
#   bench/count_instructions.sh pipeline-get lrange some of them
#
# Each workload runs twice, with N and 2N operations; the difference divided by N is what one
# command costs, without the process starting and connecting (about 5.8 M instructions). The
# "total" column is the first run's whole count, comparable with earlier tables of this file.
# The baselines of bench_roundtrip, counted the same way: rb-pipeline-set and rb-pipeline-get are
# redis-benchmark's client (-c 1 -P 100, 16-byte values); hiredis-lrange, hiredis-hgetall and
# hiredis-single-set are hiredis' redisCommand (in bench_instructions, when built with hiredis).
#
# Needs valgrind (Debian: apt-get install valgrind). Starts its own throw-away redis-server
# unless REDIS_URL is set. To compare two trees: check out the other tree, run this there.
set -euo pipefail
BUILD_DIR="${BUILD_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

command -v valgrind >/dev/null || { echo "error: valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 1; }
workloads=("$@")

ensure_packages
CMAKE_BUILD_TYPE=Release configure_and_build -DREDISPP_BUILD_BENCHMARKS=ON -- --target bench_instructions
ensure_redis_url
if [ ${#workloads[@]} -eq 0 ]; then
  workloads=(pipeline-get pipeline-set lrange hgetall single-set rb-pipeline-get rb-pipeline-set)
  grep -q "REDISPP_WITH_HIREDIS:BOOL=ON" "$build_dir/CMakeCache.txt" &&
    workloads+=(hiredis-lrange hiredis-hgetall hiredis-single-set)
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' RETURN

# instructions <name> <command...>: callgrind's total for one run of the command.
instructions() {
  local name="$1"
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >"$out/$name.log" 2>&1 || {
    cat "$out/$name.log" >&2; exit 1; }
  sed -n 's/^==[0-9]*== I *refs: *//p' "$out/$name.log" | tr -d ,
}

# redis-benchmark takes a host, a port and a password, not a URL: redis://[[user]:password@]host:port[/db].
authority="${REDIS_URL#redis://}"
authority="${authority%%/*}"
hostport="${authority##*@}"
rb_host="${hostport%:*}"
rb_port="${hostport##*:}"
rb_auth=()
if [ "$authority" != "$hostport" ]; then
  userinfo="${authority%@*}"
  [ -n "${userinfo#*:}" ] && rb_auth+=(-a "${userinfo#*:}")
  [ "${userinfo%%:*}" != "$userinfo" ] && [ -n "${userinfo%%:*}" ] && rb_auth+=(--user "${userinfo%%:*}")
fi

printf '%-16s %14s %12s %s\n' workload total per-command "(N operations)"
for workload in "${workloads[@]}"; do
  case "$workload" in
    pipeline-get | pipeline-set) n=1000; per=100 ;;  # n pipelines of 100 commands
    lrange | hgetall | single-set | hiredis-*) n=2000; per=1 ;;
    rb-pipeline-get | rb-pipeline-set) n=100000; per=1 ;;
    *) echo "error: unknown workload $workload" >&2; exit 1 ;;
  esac
  runs=()
  for count in "$n" "$((2 * n))"; do
    case "$workload" in
      rb-*)
        runs+=("$(instructions "$workload" redis-benchmark -h "$rb_host" -p "$rb_port" "${rb_auth[@]}" -c 1 -P 100 -d 16 \
          -t "${workload#rb-pipeline-}" -n "$count" -q)") ;;
      *)
        runs+=("$(instructions "$workload" "$build_dir/bench/bench_instructions" --url "$REDIS_URL" "$workload" "$count")") ;;
    esac
  done
  printf '%-16s %14s %12s %s\n' "$workload" "${runs[0]}" "$(((runs[1] - runs[0]) / (n * per)))" "($((n * per)) commands)"
done
