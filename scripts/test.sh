#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest. The integration tests start
# their own redis-servers on free loopback ports (CTest fixture), so nothing needs to be running.
#
#   ./scripts/test.sh                 build in ./build, run every test
#   ./scripts/test.sh --fuzz[=SECS]   then build the libFuzzer targets with clang and run each
#                                     for SECS seconds (default 60), as CI does
#   ./scripts/test.sh -R url          other arguments go to ctest
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

fuzz_seconds=0
ctest_args=()
for arg in "$@"; do
  case "$arg" in
    --fuzz) fuzz_seconds=60 ;;
    --fuzz=*) fuzz_seconds="${arg#--fuzz=}" ;;
    *) ctest_args+=("$arg") ;;
  esac
done

if [ "$fuzz_seconds" -gt 0 ]; then ensure_packages clang libclang-rt-dev; else ensure_packages; fi
configure_and_build
echo "== running the test suite"
(cd "$build_dir" && ctest --output-on-failure -j "$jobs" --timeout 600 "${ctest_args[@]}")

if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzzing (${fuzz_seconds}s per target)"
  BUILD_DIR="$build_dir-fuzz" JOBS="$jobs" CXX=clang++ bash "$repo/tests/fuzz/run_fuzzers.sh" "$fuzz_seconds"
fi
