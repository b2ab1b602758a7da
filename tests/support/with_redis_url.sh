#!/usr/bin/env bash
# Runs a program with REDIS_URL pointing at the fixture's plain server, database <db>:
#   with_redis_url.sh <servers dir> <db> <program> [args...]
# (how CTest runs the examples, which read REDIS_URL as scripts/demo.sh gives it to them).
set -euo pipefail
dir="$1" db="$2"
shift 2
REDIS_URL="redis://127.0.0.1:$(cat "$dir/plain.port")/$db"
export REDIS_URL
exec "$@"
