#!/usr/bin/env bash
# First look: checks local services, starts a local TURN relay (coturn) for calls, builds the
# web app, migrates, seeds the demo, prints logins, serves. The relay stops when the demo does.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh

data="${DATA_DIR:-./data}"
turn_port=3478
turn_pid=""

# Answers a STUN Binding request on 127.0.0.1:$turn_port within a second.
stun_answers() { timeout 1 turnutils_stunclient -p "$turn_port" 127.0.0.1 >/dev/null 2>&1; }

# Stops the turnserver this script started (the EXIT trap).
stop_turn() {
  if [ -n "$turn_pid" ]; then
    kill "$turn_pid" 2>/dev/null || true
    wait "$turn_pid" 2>/dev/null || true
    rm -f "$data/turnserver.pid"
  fi
}

# Starts turnserver on 127.0.0.1:$turn_port (UDP and TCP, relay ports 49160-49200) with the
# secret of $data/turn.secret (generated once), and exports TURN_URLS and TURN_SECRET.
start_turn() {
  mkdir -p "$data"
  if [ ! -s "$data/turn.secret" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$data/turn.secret")
  fi
  chmod 600 "$data/turn.secret"
  # A turnserver left behind by a demo that was killed outright still holds the port.
  local stale
  stale="$(cat "$data/turnserver.pid" 2>/dev/null || true)"
  if [ -n "$stale" ] && [ "$(cat "/proc/$stale/comm" 2>/dev/null)" = turnserver ]; then
    kill "$stale" 2>/dev/null || true
    sleep 0.5
  fi
  if stun_answers; then
    echo "something already answers STUN on 127.0.0.1:$turn_port (a coturn service?): not starting" \
      "another; calls use host candidates only (or set TURN_URLS and TURN_SECRET for it)" >&2
    return
  fi
  # The secret goes in a configuration file, not on the command line (which `ps` shows).
  local dir
  dir="$(cd "$data" && pwd)"
  (umask 077 && echo "static-auth-secret=$(cat "$dir/turn.secret")" >"$dir/turnserver.conf")
  chmod 600 "$dir/turnserver.conf"
  turnserver -c "$dir/turnserver.conf" --listening-ip=127.0.0.1 \
    --relay-ip=127.0.0.1 --listening-port="$turn_port" --min-port=49160 --max-port=49200 \
    --use-auth-secret --realm=carebridge.local \
    --no-tls --no-dtls --fingerprint --no-cli --allow-loopback-peers \
    --pidfile="$dir/turnserver.pid" --log-file="$dir/turnserver.log" --simple-log \
    --no-stdout-log >>"$dir/turnserver.log" 2>&1 &
  turn_pid=$!
  for _ in $(seq 1 20); do stun_answers && break; sleep 0.25; done
  if ! stun_answers; then
    echo "turnserver did not answer on 127.0.0.1:$turn_port (see $data/turnserver.log);" \
      "calls use host candidates only" >&2
    stop_turn
    turn_pid=""
    return
  fi
  echo "TURN: coturn on 127.0.0.1:$turn_port (log: $data/turnserver.log)" >&2
  export TURN_URLS="stun:127.0.0.1:$turn_port,turn:127.0.0.1:$turn_port?transport=udp,turn:127.0.0.1:$turn_port?transport=tcp"
  TURN_SECRET="$(cat "$data/turn.secret")"
  export TURN_SECRET
}

trap stop_turn EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -n "${TURN_URLS:-}" ]; then
  echo "TURN: using TURN_URLS from the environment" >&2
elif [ ! -x /usr/bin/turnserver ] && ! command -v turnserver >/dev/null; then
  echo "coturn is not installed (run scripts/tools.sh to install it): calls use host candidates only" >&2
else
  start_turn
fi
# The web app, built from web/ (npm ci the first time, then about a second).
scripts/web.sh
cargo run --locked --quiet -- demo
