#!/usr/bin/env bash
# Several carebridge instances behind HAProxy, all on 127.0.0.1 (issue 21, item 4).
#
#   scripts/cluster.sh [N]    starts N instances (default 3) of the server binary that the
#                             tests built ($CARGO_TARGET_DIR/debug/carebridge, or CAREBRIDGE_BIN)
#                             on one fresh database, behind HAProxy (ops/haproxy.cfg: health
#                             checks on /readyz, round robin, no stickiness), and serves until
#                             Ctrl-C. `kill -HUP <its pid>` rolls the instances: each in turn gets
#                             SIGTERM, is waited for and started again on its port, and the next
#                             one goes only once HAProxy sees it UP (a rolling deploy).
#
# Source it and call `cluster_start NAME [N]` (scripts/bench.sh soak does): it exports
# CAREBRIDGE_URL (HAProxy's address), CLUSTER_PORTS and CLUSTER_PIDS (one per instance, in
# order), CAREBRIDGE_SUPER_EMAIL and CAREBRIDGE_SUPER_PASSWORD; `cluster_roll` rolls, and an EXIT
# trap stops everything and drops the database and the Redis keys. HAProxy (the Debian package)
# is installed by scripts/tools.sh when missing.
#
# Instances share the database, the Redis namespace, the master key and DATA_DIR (documents
# are stored there when no S3_ENDPOINT is set; set the S3_* variables to use S3 instead).
# shellcheck shell=bash

# HAProxy stops routing to an instance after `inter 1s` × `fall 2` (ops/haproxy.cfg); the
# instance keeps answering for this long after SIGTERM before its listener closes.
CLUSTER_NOTICE_SECONDS="${SHUTDOWN_NOTICE_SECONDS:-3}"

cluster_start() {
  local name="$1" n="${2:-3}"
  case "$name" in *[!a-z0-9]* | "") echo "cluster: the name must be [a-z0-9]+" >&2; exit 2 ;; esac
  local target="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
  CLUSTER_BIN="${CAREBRIDGE_BIN:-$target/debug/carebridge}"
  [ -x "$CLUSTER_BIN" ] || { echo "cluster: $CLUSTER_BIN is missing; build it first" >&2; exit 2; }
  command -v haproxy >/dev/null || scripts/tools.sh
  scripts/services.sh
  CLUSTER_PG="postgres://postgres@127.0.0.1:5432"
  local stale pid
  for stale in $(cluster_psql -At -c "select datname from pg_database where datname like 'cbc\_${name}\_%'"); do
    pid="${stale#cbc_"${name}"_}"; pid="${pid%%_*}"
    [ -d "/proc/$pid" ] || cluster_psql -c "drop database if exists $stale with (force)"
  done
  CLUSTER_DB="cbc_${name}_$$_$(date +%s)"
  CLUSTER_WORK="$(mktemp -d "${TMPDIR:-/tmp}/carebridge-cluster-$name.XXXXXX")"
  CLUSTER_PIDS="" CLUSTER_PORTS="" CLUSTER_LB_PID=""
  trap cluster_stop EXIT
  export DATABASE_URL="postgres://carebridge_app@127.0.0.1:5432/$CLUSTER_DB"
  export DATABASE_SYSTEM_URL="postgres://carebridge_sys@127.0.0.1:5432/$CLUSTER_DB"
  export DATABASE_ADMIN_URL="$CLUSTER_PG/$CLUSTER_DB"
  export DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-8}"
  export REDIS_URL="redis://127.0.0.1:6379" REDIS_NAMESPACE="cbc$name:$CLUSTER_DB"
  export DATA_DIR="$CLUSTER_WORK/data" TRUST_FORWARDED_FOR=true
  export SHUTDOWN_NOTICE_SECONDS="$CLUSTER_NOTICE_SECONDS"
  export MASTER_KEY="${MASTER_KEY:-$(openssl rand -base64 32)}"
  export RUST_LOG="${RUST_LOG:-info,sqlx=warn,sea_orm=warn}"
  "$CLUSTER_BIN" migrate >"$CLUSTER_WORK/migrate.log" 2>&1 \
    || { echo "cluster: migrate failed; see $CLUSTER_WORK/migrate.log" >&2; exit 2; }
  local lb i
  lb="$(cluster_free_port)"
  export CAREBRIDGE_URL="http://127.0.0.1:$lb" PUBLIC_BASE_URL="http://127.0.0.1:$lb"
  cp ops/haproxy.cfg "$CLUSTER_WORK/haproxy.cfg"
  for i in $(seq 0 $((n - 1))); do
    CLUSTER_PORTS="$CLUSTER_PORTS $(cluster_free_port)"
  done
  CLUSTER_PORTS="${CLUSTER_PORTS# }"
  i=0
  for port in $CLUSTER_PORTS; do
    echo "    server i$i 127.0.0.1:$port" >>"$CLUSTER_WORK/haproxy.cfg"
    pid="$(cluster_instance "$i" "$port")" || exit 2
    CLUSTER_PIDS="$CLUSTER_PIDS $pid"
    i=$((i + 1))
  done
  CLUSTER_PIDS="${CLUSTER_PIDS# }"
  export CLUSTER_PIDS CLUSTER_PORTS
  CB_LB_BIND="127.0.0.1:$lb" CB_LB_SOCK="$CLUSTER_WORK/haproxy.sock" \
    haproxy -db -f "$CLUSTER_WORK/haproxy.cfg" >"$CLUSTER_WORK/haproxy.log" 2>&1 &
  CLUSTER_LB_PID=$!
  for i in $(seq 0 $((n - 1))); do cluster_wait_up "i$i"; done
  export CAREBRIDGE_SUPER_EMAIL="root@$CLUSTER_DB.test"
  export CAREBRIDGE_SUPER_PASSWORD="cluster-password-$(openssl rand -hex 8)"
  printf '%s' "$CAREBRIDGE_SUPER_PASSWORD" \
    | "$CLUSTER_BIN" super-admin create --email "$CAREBRIDGE_SUPER_EMAIL" >/dev/null
}

# Starts instance $1 on port $2 in a session of its own; prints its pid once it is ready.
cluster_instance() {
  local i="$1" port="$2" pidfile="$CLUSTER_WORK/instance-$1.pid"
  rm -f "$pidfile"
  BIND_ADDR="127.0.0.1:$port" setsid sh -c 'echo $$ >"$1"; exec "$2" serve' sh "$pidfile" \
    "$CLUSTER_BIN" >>"$CLUSTER_WORK/instance-$i.log" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
  local pid
  pid="$(cat "$pidfile")"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null \
      || { echo "cluster: instance $i exited; see $CLUSTER_WORK/instance-$i.log" >&2; exit 2; }
    sleep 0.5
  done
  echo "$pid"
}

# HAProxy's view of one server (UP, DOWN, …), from `show stat` on its admin socket.
cluster_server_status() {
  python3 - "$CLUSTER_WORK/haproxy.sock" "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall(b"show stat\n")
data = b""
while chunk := s.recv(65536):
    data += chunk
for line in data.decode().splitlines():
    f = line.split(",")
    if len(f) > 17 and f[0] == "instances" and f[1] == sys.argv[2]:
        print(f[17])
EOF
}

cluster_wait_up() {
  for _ in $(seq 1 150); do
    [ "$(cluster_server_status "$1" 2>/dev/null)" = UP ] && return 0
    sleep 0.2
  done
  echo "cluster: HAProxy never saw $1 UP" >&2
  exit 2
}

# A rolling deploy: each instance in turn is stopped (SIGTERM: it drains), started again on its
# port, and seen UP by HAProxy before the next one goes.
cluster_roll() {
  local i=0 pid pids=""
  for port in $CLUSTER_PORTS; do
    pid="$(echo "$CLUSTER_PIDS" | cut -d' ' -f$((i + 1)))"
    echo "cluster: restarting instance $i (pid $pid, port $port)" >&2
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    pid="$(cluster_instance "$i" "$port")" || exit 2
    cluster_wait_up "i$i"
    pids="$pids $pid"
    i=$((i + 1))
  done
  CLUSTER_PIDS="${pids# }"
  export CLUSTER_PIDS
}

cluster_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cluster_psql() { psql -X -q -v ON_ERROR_STOP=1 "$CLUSTER_PG/postgres" "$@"; }

cluster_stop() {
  local pid
  for pid in ${CLUSTER_PIDS:-}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${CLUSTER_PIDS:-}; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  done
  [ -z "${CLUSTER_LB_PID:-}" ] || { kill "$CLUSTER_LB_PID" 2>/dev/null; wait "$CLUSTER_LB_PID" 2>/dev/null; } || true
  if [ -n "${CLUSTER_DB:-}" ]; then
    cluster_psql -c "drop database if exists $CLUSTER_DB with (force)" >/dev/null 2>&1 || true
    redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "$REDIS_NAMESPACE:*" 2>/dev/null \
      | xargs -r redis-cli -h 127.0.0.1 -p 6379 del >/dev/null 2>&1 || true
  fi
  [ -z "${CLUSTER_WORK:-}" ] || rm -rf "$CLUSTER_WORK"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
  cluster_start cluster "${1:-3}"
  echo "carebridge: $CAREBRIDGE_URL (HAProxy) over instances on ports $CLUSTER_PORTS"
  echo "super admin: $CAREBRIDGE_SUPER_EMAIL / $CAREBRIDGE_SUPER_PASSWORD"
  echo "logs: $CLUSTER_WORK; roll: kill -HUP $$; stop: Ctrl-C"
  trap cluster_roll HUP
  trap 'exit 0' INT TERM
  while :; do sleep 1 & wait $! || true; done
fi
