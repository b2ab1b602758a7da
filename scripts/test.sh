#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest. The integration tests start
# their own redis-servers on free loopback ports (CTest fixture), so nothing needs to be running.
#
#   ./scripts/test.sh                 build in ./build, run every test
#   ./scripts/test.sh --sanitize      then the suite again under ASan + UBSan (./build-asan), and
#                                     the threaded tests under TSan (./build-tsan)
#   ./scripts/test.sh --fuzz[=SECS]   then build the libFuzzer targets with clang and run each
#                                     for SECS seconds (default 60)
#   ./scripts/test.sh -R url          other arguments go to ctest
# CI runs ./scripts/test.sh --sanitize --fuzz=60.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

fuzz_seconds=0
sanitize=0
ctest_args=()
for arg in "$@"; do
  case "$arg" in
    --fuzz) fuzz_seconds=60 ;;
    --fuzz=*) fuzz_seconds="${arg#--fuzz=}" ;;
    --sanitize) sanitize=1 ;;
    *) ctest_args+=("$arg") ;;
  esac
done

if [ "$fuzz_seconds" -gt 0 ]; then ensure_packages clang libclang-rt-dev; else ensure_packages; fi
configure_and_build
echo "== running the test suite"
(cd "$build_dir" && ctest --output-on-failure -j "$jobs" --timeout 600 "${ctest_args[@]}")

if [ "$sanitize" -eq 1 ]; then
  # Sanitizer builds skip what does not exercise redispp's code at run time: benchmarks,
  # packaging (installs and rebuilds the library) and the header self-containment check.
  lean=(-DREDISPP_BUILD_BENCHMARKS=OFF -DREDISPP_INSTALL=OFF -DREDISPP_HEADER_CHECK=OFF -DCMAKE_BUILD_TYPE=Debug)
  # Some tests replace operator new to count allocations; ASan would call that a mismatch.
  export ASAN_OPTIONS="alloc_dealloc_mismatch=0:detect_leaks=1:abort_on_error=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  dir="$build_dir-asan" configure_and_build "${lean[@]}" -DREDISPP_SANITIZE=address,undefined
  echo "== the suite under AddressSanitizer + UndefinedBehaviorSanitizer"
  (cd "$build_dir-asan" && ctest --output-on-failure -j "$jobs" --timeout 600 -LE "packaging|fuzz" "${ctest_args[@]}")

  threaded=(pool_test commands_test pipeline_test retry_test fault_test)
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
  dir="$build_dir-tsan" configure_and_build "${lean[@]}" -DREDISPP_SANITIZE=thread -- --target "${threaded[@]}"
  echo "== the threaded tests under ThreadSanitizer"
  regex="^($(IFS='|'; echo "${threaded[*]}"))$"
  (cd "$build_dir-tsan" && ctest --output-on-failure -j "$jobs" --timeout 600 -R "$regex|redis_servers")
fi

if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzzing (${fuzz_seconds}s per target)"
  BUILD_DIR="$build_dir-fuzz" JOBS="$jobs" CXX=clang++ bash "$repo/tests/fuzz/run_fuzzers.sh" "$fuzz_seconds"
fi
