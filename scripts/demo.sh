#!/usr/bin/env bash
# Installs what is missing, builds, and runs every example against $REDIS_URL, or against a
# throw-away redis-server on a free loopback port when REDIS_URL is not set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ensure_packages
configure_and_build -- --target redispp_examples
ensure_redis_url

status=0
for example in basic_commands shared_pool pipeline error_handling pubsub; do
  echo
  echo "== examples/$example.cpp"
  if ! "$build_dir/examples/$example"; then
    echo "!! $example failed" >&2
    status=1
  fi
done
exit "$status"
