#!/usr/bin/env bash
# Compile time of a user's file (the targets: include-only <= 1.2 s, ping <= 1.5 s with
# the compiled library, header-only ping <= 4 s). Times `$CXX -c` of four one-file programs (the
# three of the targets and one that runs a dozen commands and a pipeline), then a file that
# includes only <redispp/fwd.hpp>, and the include-only and ping programs against
# <redispp/redispp.hpp> as a precompiled header (and the header's own build, once): median of
# $RUNS runs each, and prints the load average beside each line: the machine is shared,
# and a number without its load means little.
#
#   bench/compile_time.sh                 g++, -O2 -g (the project's default, RelWithDebInfo)
#   CXX=clang++ bench/compile_time.sh     another compiler
#   CXXFLAGS=-O0 bench/compile_time.sh    other flags (a Debug-like edit-compile loop)
#   RUNS=9 bench/compile_time.sh          more runs per program (default 5)
#   bench/compile_time.sh --trace         also writes clang -ftime-trace JSON files (CXX=clang++)
#   bench/compile_time.sh --report        also prints g++ -ftime-report's totals for each program:
#                                         CPU seconds by phase and GGC memory, which a loaded
#                                         machine changes less than it changes wall time (memory
#                                         not at all)
#   bench/compile_time.sh --instructions  also counts the compiler's instructions (valgrind, about
#                                         40 s per program): the same on a busy machine as on a
#                                         quiet one, so a change of 1% shows. Beside the programs
#                                         it counts "the floor": a file that includes only the
#                                         standard and {fmt} headers that redispp's public headers
#                                         include (found with -H), which no change to redispp's
#                                         own headers can make cheaper. HEADER_ONLY_INSTRUCTIONS=1
#                                         adds the header-only ping (about 6 minutes).
#
# Only the compile of the user's file is timed (no link): that is what the library's headers
# cost. It configures the library once into $BUILD_DIR (default build-compile-time) for the
# generated <redispp/version.hpp>; nothing is built there.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$repo/build-compile-time}"
cxx="${CXX:-g++}"
runs="${RUNS:-5}"
read -r -a flags <<<"${CXXFLAGS:--O2 -g}"
trace=0
report=0
instructions=0
[ "${1:-}" = "--trace" ] && trace=1
[ "${1:-}" = "--report" ] && report=1
[ "${1:-}" = "--instructions" ] && instructions=1

mkdir -p "$build/src"
if [ ! -f "$build/include/redispp/version.hpp" ]; then
  cmake -S "$repo" -B "$build" -DREDISPP_BUILD_TESTS=OFF -DREDISPP_BUILD_EXAMPLES=OFF \
    -DREDISPP_BUILD_BENCHMARKS=OFF -DREDISPP_BUILD_TOOLS=OFF >"$build/configure.log" 2>&1 || {
    cat "$build/configure.log" >&2; exit 1; }
fi
defs=()
grep -q "REDISPP_WITH_HIREDIS:BOOL=ON" "$build/CMakeCache.txt" && defs+=(-DREDISPP_WITH_HIREDIS=1)
grep -q "REDISPP_WITH_TLS:BOOL=ON" "$build/CMakeCache.txt" && defs+=(-DREDISPP_WITH_TLS=1)

cat >"$build/src/include_only.cpp" <<'CPP'
#include <redispp/redispp.hpp>
int main() { return 0; }
CPP
cat >"$build/src/ping.cpp" <<'CPP'
#include <redispp/redispp.hpp>
int main() {
  redispp::Redis r{redispp::ConnectionOptions{}};
  return r.ping() ? 0 : 1;
}
CPP

# Not one of the targets above: a file that uses the API as a program does (a dozen commands of
# five groups, their replies, a pipeline), where what each call instantiates shows.
cat >"$build/src/commands.cpp" <<'CPP'
#include <redispp/redispp.hpp>
int main() {
  redispp::Redis r{redispp::ConnectionOptions{}};
  r.set("k", "v");
  auto v = r.get("k");
  r.incr("n");
  r.expire("k", std::chrono::seconds(10));
  r.del("k");
  r.exists("k");
  r.hset("h", "f", "v");
  r.hgetall("h");
  r.lpush("l", "a");
  r.lrange("l", 0, -1);
  r.sadd("s", "m");
  r.smembers("s");
  r.zadd("z", {{"m", 1.0}});
  r.zrange("z", 0, -1);
  auto p = r.pipeline();
  p.set("a", "1").incr("n").get("a").hgetall("h");
  p.execute();
  return v ? 0 : 1;
}
CPP

# median_seconds <file> [extra flags...]: compiles <file> $runs times, prints the median in seconds.
median_seconds() {
  local file="$1" times=() start end i
  shift
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$cxx" -std=c++20 "${flags[@]}" "${defs[@]}" -I"$repo/include" -I"$build/include" "$@" \
      -c "$file" -o "$build/out.o"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "compiler: $("$cxx" --version | head -n1); flags: -std=c++20 ${flags[*]}; median of $runs"
printf '%-34s %8s   %s\n' "program" "seconds" "load average (1/5/15 min) before"
l=$(load); s=$(median_seconds "$build/src/include_only.cpp")
printf '%-34s %8.2f   %s\n' "include <redispp/redispp.hpp>" "$s" "$l"
l=$(load); s=$(median_seconds "$build/src/ping.cpp")
printf '%-34s %8.2f   %s\n' "r.ping(), compiled library" "$s" "$l"
l=$(load); s=$(median_seconds "$build/src/ping.cpp" -DREDISPP_HEADER_ONLY=1)
printf '%-34s %8.2f   %s\n' "r.ping(), REDISPP_HEADER_ONLY" "$s" "$l"
l=$(load); s=$(median_seconds "$build/src/commands.cpp")
printf '%-34s %8.2f   %s\n' "12 commands + a pipeline, compiled" "$s" "$l"

# Two lower bounds, for reading the targets (bench/README.md):
# - Header-only, only parsed (-fsyntax-only: no code generated, nothing optimised): what any
#   file costs in header-only mode, whatever it calls, since that mode puts the library's own
#   source (impl/*.ipp, with OpenSSL's, hiredis' and the sockets' headers) in every file.
# - The standard and {fmt} headers that the fixed API contract (DESIGN.md) itself needs in
#   <redispp/redispp.hpp>, alone: make_parser returns std::unique_ptr (<memory>, which in C++20
#   brings <ostream>); replies are std::optional, std::string, std::vector; HGETALL gives a
#   std::unordered_map; timeouts are std::chrono durations; errors are std::runtime_errors;
#   fmt::format("{}", reply) needs fmt's formatter declared. Any header set that gives that API
#   costs at least this before its own first line.
l=$(load); s=$(median_seconds "$build/src/include_only.cpp" -DREDISPP_HEADER_ONLY=1 -fsyntax-only)
printf '%-34s %8.2f   %s\n' "include, header-only, parse only" "$s" "$l"
cat >"$build/src/contract_floor.cpp" <<'CPP'
#include <bits/chrono.h>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <fmt/core.h>
int main() { return 0; }
CPP
l=$(load); s=$(median_seconds "$build/src/contract_floor.cpp")
printf '%-34s %8.2f   %s\n' "the API's standard headers alone" "$s" "$l"
cat >"$build/src/fwd_only.cpp" <<'CPP'
#include <redispp/fwd.hpp>
void use(redispp::Redis& r);
CPP
l=$(load); s=$(median_seconds "$build/src/fwd_only.cpp")
printf '%-34s %8.2f   %s\n' "include <redispp/fwd.hpp>" "$s" "$l"

# <redispp/redispp.hpp> as a precompiled header (target_precompile_headers in CMake, README
# "Compile time"): built once per target, after which each file of the target pays much less.
mkdir -p "$build/pch"
printf '#include <redispp/redispp.hpp>\n' >"$build/pch/redispp_pch.hpp"
case "$("$cxx" --version | head -n1)" in *clang*) pch_file="$build/pch/redispp_pch.hpp.pch" ;; *) pch_file="$build/pch/redispp_pch.hpp.gch" ;; esac
l=$(load); start=$(date +%s.%N)
"$cxx" -std=c++20 "${flags[@]}" "${defs[@]}" -I"$repo/include" -I"$build/include" -x c++-header \
  "$build/pch/redispp_pch.hpp" -o "$pch_file"
s=$(echo "$(date +%s.%N) - $start" | bc)
printf '%-34s %8.2f   %s\n' "the precompiled header, once" "$s" "$l"
l=$(load); s=$(median_seconds "$build/src/include_only.cpp" -include "$build/pch/redispp_pch.hpp")
printf '%-34s %8.2f   %s\n' "include, precompiled header" "$s" "$l"
l=$(load); s=$(median_seconds "$build/src/ping.cpp" -include "$build/pch/redispp_pch.hpp")
printf '%-34s %8.2f   %s\n' "r.ping(), precompiled header" "$s" "$l"
rm -f "$pch_file"

printf 'preprocessed lines (include-only): %s\n' \
  "$("$cxx" -std=c++20 "${defs[@]}" -I"$repo/include" -I"$build/include" -E "$build/src/include_only.cpp" | wc -l)"

if [ "$report" -eq 1 ]; then
  # report <label> <file> [extra flags...]: one compile with -ftime-report, its phase totals.
  report() {
    local label="$1" file="$2"
    shift 2
    printf '%-34s %s   load %s\n' "$label" "$("$cxx" -std=c++20 "${flags[@]}" "${defs[@]}" -I"$repo/include" \
      -I"$build/include" "$@" -ftime-report -c "$file" -o "$build/out.o" 2>&1 | awk '
        / phase parsing/ { parsing = $4 }
        / phase lang. deferred/ { deferred = $5 }
        / phase opt and generate/ { generate = $6 }
        / TOTAL/ { user = $3; memory = $NF }
        END { printf "user %5.2f s (parsing %s, deferred templates %s, optimise+generate %s), GGC memory %s", user, parsing, deferred, generate, memory }')" "$(load)"
  }
  echo "g++ -ftime-report (CPU seconds of one compile):"
  report "include <redispp/redispp.hpp>" "$build/src/include_only.cpp"
  report "r.ping(), compiled library" "$build/src/ping.cpp"
  report "r.ping(), REDISPP_HEADER_ONLY" "$build/src/ping.cpp" -DREDISPP_HEADER_ONLY=1
  report "12 commands + a pipeline, compiled" "$build/src/commands.cpp"
fi

if [ "$instructions" -eq 1 ]; then
  command -v valgrind >/dev/null || { echo "--instructions needs valgrind (apt-get install valgrind)" >&2; exit 1; }
  # The floor: every header outside redispp that a redispp header includes directly, in -H's
  # order (a stack of the includers, one level per leading dot).
  "$cxx" -std=c++20 "${defs[@]}" -I"$repo/include" -I"$build/include" -H -fsyntax-only \
    "$build/src/include_only.cpp" 2>&1 >/dev/null | awk '
      /^\.+ / {
        depth = length($1); stack[depth] = $2
        parent = depth > 1 ? stack[depth - 1] : "redispp/"
        if (parent ~ /\/redispp\/|^redispp\// && $2 !~ /\/redispp\// && !seen[$2]++) {
          name = $2; sub(/.*\/include\/(c\+\+\/[0-9]+\/)?/, "", name); print "#include <" name ">"
        }
      }' >"$build/src/floor.cpp"
  echo "int main() { return 0; }" >>"$build/src/floor.cpp"
  # instructions <file> [extra flags...]: the compiler proper's instructions, in millions (the
  # largest count among the processes the driver starts: cc1plus, or clang's -cc1).
  instructions() {
    local file="$1"
    shift
    valgrind --tool=cachegrind --cache-sim=no --branch-sim=no --trace-children=yes \
      --cachegrind-out-file=/dev/null "$cxx" -std=c++20 "${flags[@]}" "${defs[@]}" -I"$repo/include" \
      -I"$build/include" "$@" -c "$file" -o "$build/out.o" 2>&1 |
      awk '/I +refs:/ { gsub(",", "", $4); if ($4 + 0 > most) most = $4 + 0 } END { printf "%.0f", most / 1e6 }'
  }
  floor=$(instructions "$build/src/floor.cpp")
  echo "compiler instructions, millions (the floor: $(($(wc -l <"$build/src/floor.cpp") - 1)) standard and {fmt} headers, $build/src/floor.cpp):"
  printf '%-34s %8s %8s %8s\n' "program" "total" "floor" "redispp"
  printf '%-34s %8s %8s %8s\n' "the floor alone" "$floor" "$floor" "0"
  count() {
    local label="$1" n
    shift
    n=$(instructions "$@")
    printf '%-34s %8s %8s %8s\n' "$label" "$n" "$floor" "$((n - floor))"
  }
  count "include <redispp/redispp.hpp>" "$build/src/include_only.cpp"
  count "r.ping(), compiled library" "$build/src/ping.cpp"
  count "12 commands + a pipeline, compiled" "$build/src/commands.cpp"
  # The two lower bounds (see the wall-time section): totals only.
  printf '%-34s %8s\n' "the API's standard headers alone" "$(instructions "$build/src/contract_floor.cpp")"
  printf '%-34s %8s\n' "include, header-only, parse only" \
    "$(instructions "$build/src/include_only.cpp" -DREDISPP_HEADER_ONLY=1 -fsyntax-only)"
  if [ -n "${HEADER_ONLY_INSTRUCTIONS:-}" ]; then  # about 6 minutes under valgrind
    count "r.ping(), REDISPP_HEADER_ONLY" "$build/src/ping.cpp" -DREDISPP_HEADER_ONLY=1
  fi
fi

if [ "$trace" -eq 1 ]; then
  for f in include_only ping commands; do
    "$cxx" -std=c++20 "${flags[@]}" "${defs[@]}" -I"$repo/include" -I"$build/include" -ftime-trace \
      -c "$build/src/$f.cpp" -o "$build/src/$f.o"
  done
  echo "time traces: $build/src/{include_only,ping,commands}.json (open in chrome://tracing)"
fi
rm -f "$build/out.o"
