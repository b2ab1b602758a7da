#!/usr/bin/env bash
# Runs a program with REDIS_URL pointing at the fixture's plain server, database <db>, and
# REDIS_TLS_URL at its TLS server:
#   with_redis_url.sh <servers dir> <db> <program> [args...]
# (how CTest runs the examples, which read REDIS_URL as scripts/demo.sh gives it to them).
set -euo pipefail
dir="$1" db="$2"
shift 2
REDIS_URL="redis://127.0.0.1:$(cat "$dir/plain.port")/$db"
export REDIS_URL
# And the TLS server's, for examples/tls.cpp (its CA made by make_test_certs.sh).
if [ -f "$dir/tls.port" ]; then
  REDIS_TLS_URL="rediss://127.0.0.1:$(cat "$dir/tls.port")/$db?ssl_ca_certs=$dir/tls/ca.crt"
  export REDIS_TLS_URL
fi
exec "$@"
