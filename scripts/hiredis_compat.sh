#!/usr/bin/env bash
# redispp against other hiredis releases than the system's: for each hiredis source tarball
# (hiredis-<version>.tar.gz), builds hiredis into a temporary prefix, builds redispp's parser
# tests and a RESP3 round trip against it (tests/hiredis_compat/), and runs both, the round trip
# through the hiredis parser against a throw-away redis-server.
#
#   scripts/hiredis_compat.sh [tarball...]   default: every hiredis-*.tar.gz in $REDISPP_THIRD_PARTY
#                                            (default: ../shared/third_party beside the repository)
#
# Where there is no tarball (a user's clone), it says so and succeeds: nothing to check.
# scripts/test.sh --sanitize (CI) runs it. Work goes to $BUILD_DIR-hiredis (default build-hiredis).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

third_party="${REDISPP_THIRD_PARTY:-$repo/../shared/third_party}"
tarballs=("$@")
if [ "${#tarballs[@]}" -eq 0 ]; then
  shopt -s nullglob
  tarballs=("$third_party"/hiredis-*.tar.gz)
  shopt -u nullglob
fi
if [ "${#tarballs[@]}" -eq 0 ]; then
  echo "== hiredis compatibility: skipped, no hiredis-*.tar.gz in $third_party (set REDISPP_THIRD_PARTY)"
  exit 0
fi
ensure_packages

work="$build_dir-hiredis"
mkdir -p "$work"
servers="$work/servers"
bash "$repo/tests/support/redis_servers.sh" start "$servers" redis-server plain
trap 'bash "$repo/tests/support/redis_servers.sh" stop "'"$servers"'" plain' EXIT
port="$(cat "$servers/plain.port")"

for tarball in "${tarballs[@]}"; do
  name="$(basename "$tarball" .tar.gz)"
  echo "== $name: building it into a temporary prefix"
  dir="$work/$name"
  rm -rf "$dir"
  mkdir -p "$dir/src"
  tar -xzf "$tarball" -C "$dir/src" --strip-components=1
  # LIBRARY_PATH on the command line: hiredis' Makefile would otherwise take the environment's
  # (a compiler search path on some machines) as its install directory.
  make -C "$dir/src" -j "$jobs" PREFIX="$dir/prefix" LIBRARY_PATH=lib USE_SSL=0 install >"$dir/make.log" 2>&1 || {
    tail -n 30 "$dir/make.log" >&2
    echo "error: building $name failed (log: $dir/make.log)" >&2
    exit 1
  }

  echo "== $name: redispp's parser tests and a RESP3 round trip"
  # shellcheck disable=SC2086  # REDISPP_CMAKE_ARGS is a list of arguments
  cmake -S "$repo/tests/hiredis_compat" -B "$dir/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDISPP_WERROR=ON \
    -Dhiredis_ROOT="$dir/prefix" ${REDISPP_CMAKE_ARGS:-} >"$dir/configure.log" 2>&1 || {
    cat "$dir/configure.log" >&2
    echo "error: configuring redispp against $name failed" >&2
    exit 1
  }
  found="$(sed -n 's/^hiredis_INCLUDE_DIR:PATH=//p' "$dir/build/CMakeCache.txt")"
  if [ "$found" != "$dir/prefix/include" ]; then
    echo "error: redispp found hiredis in '$found', not in $dir/prefix" >&2
    exit 1
  fi
  cmake --build "$dir/build" -j "$jobs" --target parser_test resp3_round_trip
  "$dir/build/redispp/tests/unit/parser_test"
  "$dir/build/resp3_round_trip" 127.0.0.1 "$port"
done
echo "== hiredis compatibility: ${#tarballs[@]} hiredis releases passed"
