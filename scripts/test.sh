#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest. The integration tests start
# their own redis-servers on free loopback ports (CTest fixture), so nothing needs to be running.
#
#   ./scripts/test.sh                 build in ./build (RelWithDebInfo), run every test
#   ./scripts/test.sh --sanitize      instead: the whole suite under ASan + UBSan (./build-asan)
#                                     but the packaging tests, which run from a plain build of
#                                     the library (./build-packaging; clang++ is their second
#                                     compiler), then the threaded tests under TSan (./build-tsan)
#                                     then the unit and integration tests built with
#                                     clang++ (./build-clang), a second compiler for the suite,
#                                     a user's build without Catch2 and with every option at its
#                                     default, installed (./build-users), and last the library
#                                     and the unit tests with clang++ and libc++ (./build-libcxx)
#   ./scripts/test.sh --fuzz[=SECS]   then build the libFuzzer targets with clang and run the
#                                     RESP parser's for SECS seconds (default 60), the others
#                                     for a third of that
#   ./scripts/test.sh -R url          other arguments go to ctest
# CI runs ./scripts/test.sh --sanitize --fuzz=60: the sanitized suite is the plain suite plus
# the sanitizers' checks, and building it once instead of twice keeps CI near 25 minutes (the
# clang++ stage: about 2.5 of them; the user's build and the libc++ stage: a few more).
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
# clang: the fuzzers, and in CI (--sanitize) the second compiler of the test suite and of the
# packaging tests; there libc++ too, for the stage built against it.
extra_packages=()
if [ "$fuzz_seconds" -gt 0 ]; then extra_packages+=(clang libclang-rt-dev); fi
if [ "$sanitize" -eq 1 ]; then extra_packages+=(clang libc++-14-dev libc++abi-14-dev); fi
ensure_packages "${extra_packages[@]}"

# Integration tests mostly wait on sockets: one more test at a time than cores keeps both busy.
parallel=$((jobs + 1))

if [ "$sanitize" -eq 0 ]; then
  configure_and_build
  echo "== running the test suite"
  (cd "$build_dir" && ctest --output-on-failure -j "$parallel" --timeout 600 "${ctest_args[@]}")
else
  # -O1 -g1: line numbers for the sanitizers' reports, and a build half the size of -O0 -g.
  # The benchmarks are built too: their --smoke runs are part of the suite (label "bench").
  sanitizer_build=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1 -fno-omit-frame-pointer")
  # Some tests replace operator new to count allocations; ASan would call that a mismatch.
  export ASAN_OPTIONS="alloc_dealloc_mismatch=0:detect_leaks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  dir="$build_dir-asan" configure_and_build "${sanitizer_build[@]}" -DREDISPP_SANITIZE=address,undefined
  echo "== the test suite under AddressSanitizer + UndefinedBehaviorSanitizer (all but packaging)"
  (cd "$build_dir-asan" && ctest --output-on-failure -j "$parallel" --timeout 600 -LE packaging "${ctest_args[@]}")

  # The packaging tests from a plain build of the library alone: a consumer of a sanitized library
  # needs that compiler's sanitizer runtime, so the second compiler (clang++ against the g++
  # library) can only be tried on a plain one. They install it, build consumers (find_package,
  # pkg-config, add_subdirectory, both compilers) and compile every header under strict warnings.
  dir="$build_dir-packaging" configure_and_build -DREDISPP_BUILD_TOOLS=OFF -DREDISPP_HEADER_CHECK=OFF \
    -DREDISPP_BUILD_EXAMPLES=OFF -DREDISPP_BUILD_BENCHMARKS=OFF -- --target redispp
  echo "== the packaging tests"
  # Two at a time: each builds its project with two jobs.
  (cd "$build_dir-packaging" && ctest --output-on-failure -j 2 --timeout 900 -L packaging "${ctest_args[@]}")

  threaded=(pool_test pipeline_test retry_test fault_test clean_connection_test tls_test lock_test lock_unit_test pubsub_test
    reply_test)
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
  dir="$build_dir-tsan" configure_and_build "${sanitizer_build[@]}" -DREDISPP_SANITIZE=thread \
    -DREDISPP_HEADER_CHECK=OFF -DREDISPP_INSTALL=OFF -DREDISPP_BUILD_TOOLS=OFF -- --target "${threaded[@]}"
  echo "== the threaded tests under ThreadSanitizer"
  regex="^($(IFS='|'; echo "${threaded[*]}"))$"
  (cd "$build_dir-tsan" && ctest --output-on-failure -j "$parallel" --timeout 600 -R "$regex")

  # The second compiler: the unit and integration tests built with clang++ (Debian 12's
  # clang-14), which g++ alone would not catch (clang's warnings as errors, its reading of the
  # templates, its libstdc++ use). A plain -O1 build without debug information: the quickest to
  # build that still runs the parser's every-split tests fast. No examples, benchmarks, tools or
  # header check (the packaging tests compile every header with clang++ already).
  dir="$build_dir-clang" configure_and_build -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE=-O1 -DREDISPP_BUILD_EXAMPLES=OFF -DREDISPP_BUILD_BENCHMARKS=OFF \
    -DREDISPP_BUILD_TOOLS=OFF -DREDISPP_HEADER_CHECK=OFF -DREDISPP_INSTALL=OFF
  echo "== the unit and integration tests built with clang++"
  (cd "$build_dir-clang" && ctest --output-on-failure -j "$parallel" --timeout 600 -L "unit|integration" "${ctest_args[@]}")

  # A user's build, as a user types it: `cmake -S . -B build && cmake --build build && cmake
  # --install build` on a machine with a compiler, CMake and {fmt} only. Catch2 is hidden from
  # CMake, the options keep their defaults (the cache of an earlier run is dropped; the objects
  # stay), no -Werror. The installed package then serves a find_package consumer
  # (tests/packaging/consumer, the compiled flavour: the packaging tests above try the others).
  users="$build_dir-users"
  echo "== a user's build: no Catch2, default options, installed ($users)"
  mkdir -p "$users"
  rm -f "$users/CMakeCache.txt"
  cmake -S "$repo" -B "$users" -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON >"$users/configure.log" 2>&1 || {
    cat "$users/configure.log" >&2
    echo "error: a user's configure without Catch2 failed (log above)" >&2
    exit 1
  }
  cmake --build "$users" -j "$jobs"
  rm -rf "$users/prefix"
  cmake --install "$users" --prefix "$users/prefix" >"$users/install.log"
  cmake -DSTEP=project "-DSOURCE_DIR=$repo/tests/packaging/consumer" "-DBINARY_DIR=$users/consumer" \
    -DCXX_COMPILER=c++ -DBUILD_TYPE=RelWithDebInfo \
    "-DARGS=-DCMAKE_PREFIX_PATH=$users/prefix|-DCONSUMER_PKGCONFIG=OFF|-DCONSUMER_HEADER_ONLY=OFF" \
    -DRUN=consumer_compiled -P "$repo/tests/packaging/run_project.cmake"

  # clang++ with libc++ (Debian 12's libc++-14): the library and the unit tests, whose header
  # check compiles every public header, so that nothing leans on libstdc++ alone (its private
  # <bits/...> headers, what its headers happen to include, library features libc++ 14 lacks).
  # Debian's libfmt.so is built against libstdc++: {fmt} header-only here. -O1, as the clang++
  # stage; no examples, benchmarks, tools or install.
  dir="$build_dir-libcxx" configure_and_build -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++ \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 -DREDISPP_FMT_HEADER_ONLY=ON \
    -DREDISPP_BUILD_EXAMPLES=OFF -DREDISPP_BUILD_BENCHMARKS=OFF -DREDISPP_BUILD_TOOLS=OFF -DREDISPP_INSTALL=OFF \
    -- --target redispp_unit_tests
  echo "== the unit tests built with clang++ and libc++"
  (cd "$build_dir-libcxx" && ctest --output-on-failure -j "$parallel" --timeout 600 -L unit "${ctest_args[@]}")
fi

# CI (--sanitize): redispp against hiredis 1.2 and 1.4 too, from ../shared/third_party (skipped without).
if [ "$sanitize" -eq 1 ]; then bash "$repo/scripts/hiredis_compat.sh"; fi

if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzzing (${fuzz_seconds}s for the RESP parser, a third of that for the others)"
  BUILD_DIR="$build_dir-fuzz" JOBS="$jobs" CXX=clang++ \
    bash "$repo/tests/fuzz/run_fuzzers.sh" "$fuzz_seconds" $((fuzz_seconds / 3 > 0 ? fuzz_seconds / 3 : 1))
fi
