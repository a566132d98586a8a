# A real carebridge server for the tests that drive it from outside (scripts/fuzz.sh, the SDKs'
# tests in scripts/sdk-test.sh). Source it, then call `live_start NAME`:
#   - a fresh PostgreSQL database cb_NAME_<pid>_<time> (migrated), a Redis namespace of its own,
#     a DATA_DIR in a temporary directory, a random MASTER_KEY, a free loopback port;
#   - the server binary that the Rust tests built ($CARGO_TARGET_DIR/debug/carebridge, or
#     CAREBRIDGE_BIN), serving until the script exits; its log in $LIVE_LOG;
#   - a super admin, created through the CLI as an operator would.
# It exports CAREBRIDGE_URL, CAREBRIDGE_SUPER_EMAIL and CAREBRIDGE_SUPER_PASSWORD, and an EXIT
# trap stops the server and drops the database, the Redis keys and the temporary directory.
# Set extra server environment (provider keys, throttles) before calling it; LIVE_COMMAND=demo
# serves `carebridge demo` instead of `serve` (the demo hospitals, their staff and hours, and
# the local payment and SMS sandboxes).
# shellcheck shell=bash

live_start() {
  local name="$1"
  case "$name" in *[!a-z0-9]* | "") echo "live: the name must be [a-z0-9]+" >&2; exit 2 ;; esac
  local target="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
  LIVE_BIN="${CAREBRIDGE_BIN:-$target/debug/carebridge}"
  if [ ! -x "$LIVE_BIN" ]; then
    echo "live: $LIVE_BIN is missing; build it first (cargo build --locked)" >&2
    exit 2
  fi
  scripts/services.sh
  LIVE_PG="postgres://postgres@127.0.0.1:5432"
  # Databases of earlier runs that were killed before their trap ran (the pid is in the name).
  local stale pid
  for stale in $(live_psql -At -c "select datname from pg_database where datname like 'cb\_${name}\_%'"); do
    pid="${stale#cb_"${name}"_}"; pid="${pid%%_*}"
    [ -d "/proc/$pid" ] || live_psql -c "drop database if exists $stale with (force)"
  done
  LIVE_DB="cb_${name}_$$_$(date +%s)"
  LIVE_NS="cb${name}:$LIVE_DB"
  LIVE_WORK="$(mktemp -d "${TMPDIR:-/tmp}/carebridge-$name.XXXXXX")"
  LIVE_LOG="${LIVE_LOG:-$LIVE_WORK/server.log}"
  LIVE_PID=""
  trap live_stop EXIT
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  export CAREBRIDGE_URL="http://127.0.0.1:$port"
  export DATABASE_URL="postgres://carebridge_app@127.0.0.1:5432/$LIVE_DB"
  export DATABASE_SYSTEM_URL="postgres://carebridge_sys@127.0.0.1:5432/$LIVE_DB"
  export DATABASE_ADMIN_URL="$LIVE_PG/$LIVE_DB"
  export DATABASE_POOL_SIZE="${DATABASE_POOL_SIZE:-8}"
  export REDIS_URL="redis://127.0.0.1:6379"
  export REDIS_NAMESPACE="$LIVE_NS"
  export BIND_ADDR="127.0.0.1:$port"
  export PUBLIC_BASE_URL="$CAREBRIDGE_URL"
  export DATA_DIR="$LIVE_WORK/data"
  export MASTER_KEY="${MASTER_KEY:-$(openssl rand -base64 32)}"
  export RUST_LOG="${RUST_LOG:-info,sqlx=warn,sea_orm=warn}"
  "$LIVE_BIN" migrate >"$LIVE_LOG" 2>&1 \
    || { echo "live: migrate failed; see $LIVE_LOG" >&2; exit 2; }
  # In a session of its own, so that Ctrl-C stops the client (and the script) first; the trap
  # stops the server.
  # The server writes its own pid: with job control on, a backgrounded setsid forks again and
  # `$!` would name a process that is already gone.
  setsid sh -c 'echo $$ >"$1"; exec "$2" "$3"' sh "$LIVE_WORK/server.pid" "$LIVE_BIN" \
    "${LIVE_COMMAND:-serve}" >>"$LIVE_LOG" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$LIVE_WORK/server.pid" ] && break; sleep 0.1; done
  LIVE_PID="$(cat "$LIVE_WORK/server.pid")"
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$CAREBRIDGE_URL/readyz" 2>/dev/null && break
    kill -0 "$LIVE_PID" 2>/dev/null || { echo "live: the server exited; see $LIVE_LOG" >&2; exit 2; }
    sleep 0.5
  done
  curl -fsS -o /dev/null "$CAREBRIDGE_URL/readyz" || { echo "live: the server is not ready" >&2; exit 2; }
  export CAREBRIDGE_SUPER_EMAIL="root@$LIVE_DB.test"
  export CAREBRIDGE_SUPER_PASSWORD="live-password-$(openssl rand -hex 8)"
  printf '%s' "$CAREBRIDGE_SUPER_PASSWORD" \
    | "$LIVE_BIN" super-admin create --email "$CAREBRIDGE_SUPER_EMAIL" >/dev/null
}

live_psql() { psql -X -q -v ON_ERROR_STOP=1 "$LIVE_PG/postgres" "$@"; }

live_stop() {
  if [ -n "${LIVE_PID:-}" ]; then
    kill "$LIVE_PID" 2>/dev/null || true
    wait "$LIVE_PID" 2>/dev/null || true
  fi
  if [ -n "${LIVE_DB:-}" ]; then
    live_psql -c "drop database if exists $LIVE_DB with (force)" >/dev/null 2>&1 || true
    redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "$LIVE_NS:*" 2>/dev/null \
      | xargs -r redis-cli -h 127.0.0.1 -p 6379 del >/dev/null 2>&1 || true
  fi
  [ -z "${LIVE_WORK:-}" ] || rm -rf "$LIVE_WORK"
}

# Whether the server is still up (a test that crashed it has failed, whatever it printed).
live_alive() { kill -0 "$LIVE_PID" 2>/dev/null; }
