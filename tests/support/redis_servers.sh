#!/usr/bin/env bash
# The test suite's redis-servers: started before the integration tests (CTest fixture
# "redis_servers") and stopped after them, each on a free loopback port.
#
#   redis_servers.sh start <dir> [redis-server binary] [names...]   (default: all of them)
#   redis_servers.sh stop <dir>
#
# For each server NAME it writes <dir>/NAME.port, NAME.sock (its Unix socket) and, where it has
# one, NAME.password; tests read them through tests/support/test_servers.hpp.
#   plain   no password; databases are shared out among the test files (each uses its own)
#   auth    requirepass, plus an ACL user "app" (password in auth.app_password)
#   limits  for tests that change server limits (maxclients ...): one test file at a time
#   admin   for tests of server-wide commands (FLUSHALL, SWAPDB, ACL, CONFIG, SAVE ...): server_test only
#   tls     TLS on its TCP port (tls.port): certificates made by make_test_certs.sh into
#           <dir>/tls/ (the test CA, server, client ...); a client certificate is optional
#           (tls-auth-clients optional). Its Unix socket, and the port after the TLS one
#           (tls.plain_port, for benchmarks that compare), are plain.
#   cluster a single cluster-enabled node with no slots assigned: for what a cluster node
#           answers without a cluster around it (CLUSTER KEYSLOT)
set -euo pipefail

action="${1:?usage: redis_servers.sh start|stop <dir> [redis-server]}"
dir="${2:?usage: redis_servers.sh start|stop <dir> [redis-server]}"
server_bin="${3:-redis-server}"
names=(plain auth limits admin tls cluster)
if [ "$#" -gt 3 ]; then names=("${@:4}"); fi

stop_all() {
  # Signal every server first, then wait for each: they shut down in parallel.
  local name pid pids=()
  for name in "${names[@]}"; do
    [ -f "$dir/$name.pid" ] || continue
    pid="$(cat "$dir/$name.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      # A server stopped with SIGSTOP by a test would ignore SIGTERM until continued.
      kill -CONT "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$dir/$name.pid"
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

# Starts server $1 with extra arguments; retries on another port if the one picked was taken.
start_one() {
  local name="$1"
  shift
  local attempt port pid port_args
  for attempt in $(seq 20); do
    # Below 55536: a cluster node also listens on its port + 10000 (the cluster bus).
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 35000))
    port_args=(--port "$port")
    # The TLS server's plain port (the next one) is for comparisons only (bench_tls).
    if [ "$name" = tls ]; then port_args=(--port "$((port + 1))" --tls-port "$port"); fi
    rm -f "$dir/$name.pid" "$dir/$name.sock"
    "$server_bin" "${port_args[@]}" --bind 127.0.0.1 ::1 --unixsocket "$dir/$name.sock" --unixsocketperm 700 \
      --daemonize yes --pidfile "$dir/$name.pid" --logfile "$dir/$name.log" --dir "$dir" \
      --dbfilename "$name.rdb" --save "" --appendonly no --databases 40 "$@" >/dev/null 2>&1 || true
    # Ready when it answers PING on its Unix socket; gone when the bind failed.
    for _ in $(seq 50); do
      if [ -S "$dir/$name.sock" ] && [ -f "$dir/$name.pid" ]; then
        pid="$(cat "$dir/$name.pid")"
        if kill -0 "$pid" 2>/dev/null && [ -n "$(redis_ping "$name")" ]; then
          echo "$port" >"$dir/$name.port"
          if [ "$name" = tls ]; then echo "$((port + 1))" >"$dir/tls.plain_port"; fi
          echo "redis_servers: $name on 127.0.0.1:$port (pid $pid, log $dir/$name.log)"
          return 0
        fi
      fi
      sleep 0.1
    done
    if [ -f "$dir/$name.pid" ]; then kill -9 "$(cat "$dir/$name.pid")" 2>/dev/null || true; fi
    # Only a port someone else took is worth another try; anything else will fail again.
    if ! grep -qi "address already in use" "$dir/$name.log" 2>/dev/null; then
      echo "redis_servers: $name did not start on port $port; the end of $dir/$name.log:" >&2
      tail -n 5 "$dir/$name.log" >&2 2>/dev/null || true
      return 1
    fi
    : >"$dir/$name.log"
  done
  echo "redis_servers: giving up on $name" >&2
  return 1
}

redis_ping() {
  local name="$1" auth=()
  [ -f "$dir/$name.password" ] && auth=(-a "$(cat "$dir/$name.password")" --no-auth-warning)
  redis-cli -s "$dir/$name.sock" "${auth[@]}" ping 2>/dev/null | grep -x PONG || true
}

case "$action" in
  start)
    mkdir -p "$dir"
    stop_all
    rm -f "$dir"/*.port "$dir"/*.plain_port "$dir"/*.password "$dir"/*.app_password
    for name in "${names[@]}"; do
      case "$name" in
        plain | limits | admin) start_one "$name" ;;
        cluster)
          rm -f "$dir/cluster-nodes.conf"
          start_one cluster --cluster-enabled yes --cluster-config-file "$dir/cluster-nodes.conf"
          ;;
        auth)
          echo "fixture-secret" >"$dir/auth.password"
          echo "app-secret" >"$dir/auth.app_password"
          start_one auth --requirepass fixture-secret --user app on ">app-secret" "~*" "&*" "+@all"
          ;;
        tls)
          bash "$(dirname "${BASH_SOURCE[0]}")/make_test_certs.sh" "$dir/tls"
          start_one tls --tls-cert-file "$dir/tls/server.crt" --tls-key-file "$dir/tls/server.key" \
            --tls-ca-cert-file "$dir/tls/ca.crt" --tls-auth-clients optional
          ;;
        *) echo "redis_servers: unknown server '$name'" >&2; exit 2 ;;
      esac
    done
    ;;
  stop)
    stop_all
    ;;
  *)
    echo "usage: redis_servers.sh start|stop <dir> [redis-server]" >&2
    exit 2
    ;;
esac
