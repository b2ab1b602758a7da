#!/usr/bin/env bash
# Installs what is missing, builds, and runs every example against $REDIS_URL (examples/tls.cpp
# against $REDIS_TLS_URL), or against throw-away redis-servers on free loopback ports when
# REDIS_URL is not set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

ensure_packages
configure_and_build -- --target redispp_examples
ensure_redis_url

status=0
for example in basic_commands shared_pool pipeline scripts lock pubsub error_handling tls; do
  echo
  echo "== examples/$example.cpp"
  if [ "$example" = tls ] && [ -z "${REDIS_TLS_URL:-}" ]; then
    echo "(skipped: REDIS_URL was given without REDIS_TLS_URL, so there is no TLS server to show it on)"
    continue
  fi
  if ! "$build_dir/examples/$example"; then
    echo "!! $example failed" >&2
    status=1
  fi
done
exit "$status"
