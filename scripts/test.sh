#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs ctest. The integration tests start
# their own redis-servers on free loopback ports (CTest fixture), so nothing needs to be running.
#
#   ./scripts/test.sh            build in ./build, run every test
#   ./scripts/test.sh -R url     extra arguments go to ctest
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ensure_packages
configure_and_build
echo "== running the test suite"
cd "$build_dir"
ctest --output-on-failure -j "$jobs" --timeout 600 "$@"
