# Shared by demo.sh, test.sh and bench.sh (sourced, not run): installs the Debian packages the
# build needs when they are missing, then configures and builds into $BUILD_DIR.
#
# Environment: BUILD_DIR (default <repo>/build), JOBS (default: all cores),
# CMAKE_BUILD_TYPE (default RelWithDebInfo), REDISPP_CMAKE_ARGS (extra configure arguments).

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$repo/build}"
jobs="${JOBS:-$(nproc)}"

redispp_packages=(cmake g++ make pkg-config libhiredis-dev libasio-dev libfmt-dev catch2 redis-server redis-tools doxygen libssl-dev openssl)

ensure_packages() {
  local missing=() package
  for package in "${redispp_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "== installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "error: packages missing (${missing[*]}) and not root, and no sudo to install them" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure_and_build [cmake configure arguments...] [-- cmake --build arguments...]
# Configures and builds into $build_dir (or $dir when set by the caller): the developer's build,
# with the tests and the benchmarks (whose --smoke runs are part of the suite), which a plain
# `cmake -S . -B build` leaves out. The caller's arguments come after and can turn them off.
configure_and_build() {
  local dir="${dir:-$build_dir}" configure=() build=()
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do configure+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift
  build=("$@")
  echo "== configuring $dir"
  mkdir -p "$dir"
  # shellcheck disable=SC2086  # REDISPP_CMAKE_ARGS is a list of arguments
  cmake -S "$repo" -B "$dir" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DREDISPP_WERROR=ON \
    -DREDISPP_BUILD_TESTS=ON -DREDISPP_BUILD_BENCHMARKS=ON ${REDISPP_CMAKE_ARGS:-} "${configure[@]}" >"$dir/configure.log" 2>&1 || {
    cat "$dir/configure.log" >&2
    echo "error: cmake configure failed (log above)" >&2
    exit 1
  }
  echo "== building $dir with $jobs jobs"
  cmake --build "$dir" -j "$jobs" "${build[@]}"
}

# Starts a throw-away redis-server on a free loopback port unless REDIS_URL is set, and exports
# REDIS_URL pointing at it; with it a TLS one (certificates from a CA made on the spot), exported
# as REDIS_TLS_URL. The servers are stopped when the calling script exits. A REDIS_URL of the
# caller's own comes without a TLS server: REDIS_TLS_URL is then the caller's to set.
ensure_redis_url() {
  if [ -n "${REDIS_URL:-}" ]; then
    echo "== using REDIS_URL=$REDIS_URL${REDIS_TLS_URL:+ and REDIS_TLS_URL=$REDIS_TLS_URL}"
    return 0
  fi
  local servers="$build_dir/demo-server"
  bash "$repo/tests/support/redis_servers.sh" start "$servers" redis-server plain tls
  trap 'bash "$repo/tests/support/redis_servers.sh" stop "'"$servers"'" redis-server plain tls' EXIT
  REDIS_URL="redis://127.0.0.1:$(cat "$servers/plain.port")/0"
  REDIS_TLS_URL="rediss://127.0.0.1:$(cat "$servers/tls.port")/0?ssl_ca_certs=$servers/tls/ca.crt"
  export REDIS_URL REDIS_TLS_URL
  echo "== throw-away redis-servers at $REDIS_URL and $REDIS_TLS_URL"
}
