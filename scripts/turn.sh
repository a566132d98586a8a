# A local TURN relay (coturn) on 127.0.0.1 for calls, shared by scripts/demo.sh (port 3478,
# for a first look) and scripts/web-test.sh (a free port, for the browser call relayed through
# it). Source it, then `turn_start DIR PORT`:
#   - the secret in DIR/turn.secret (made once, mode 600) and a configuration file holding it,
#     so that the secret is not on the command line (which `ps` shows);
#   - turnserver listening on 127.0.0.1:PORT (UDP and TCP), relaying on 127.0.0.1 only;
#   - TURN_URLS and TURN_SECRET exported for the server, once a STUN Binding is answered.
# It answers non-zero (and starts nothing) when turnserver does not answer in five seconds;
# `turn_stop` stops it. Log: DIR/turnserver.log.
# shellcheck shell=bash

TURN_PID=""

# Answers a STUN Binding request on 127.0.0.1:$1 within a second.
turn_answers() { timeout 1 turnutils_stunclient -p "$1" 127.0.0.1 >/dev/null 2>&1; }

turn_start() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ ! -s "$dir/turn.secret" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/turn.secret")
  fi
  chmod 600 "$dir/turn.secret"
  (umask 077 && echo "static-auth-secret=$(cat "$dir/turn.secret")" >"$dir/turnserver.conf")
  turnserver -c "$dir/turnserver.conf" --listening-ip=127.0.0.1 \
    --relay-ip=127.0.0.1 --listening-port="$port" --min-port=49160 --max-port=49200 \
    --use-auth-secret --realm=carebridge.local \
    --no-tls --no-dtls --fingerprint --no-cli --allow-loopback-peers \
    --pidfile="$dir/turnserver.pid" --log-file="$dir/turnserver.log" --simple-log \
    --no-stdout-log >>"$dir/turnserver.log" 2>&1 &
  TURN_PID=$!
  TURN_DIR="$dir"
  for _ in $(seq 1 20); do turn_answers "$port" && break; sleep 0.25; done
  if ! turn_answers "$port"; then
    turn_stop
    return 1
  fi
  export TURN_URLS="stun:127.0.0.1:$port,turn:127.0.0.1:$port?transport=udp,turn:127.0.0.1:$port?transport=tcp"
  TURN_SECRET="$(cat "$dir/turn.secret")"
  export TURN_SECRET
}

turn_stop() {
  if [ -n "$TURN_PID" ]; then
    kill "$TURN_PID" 2>/dev/null || true
    wait "$TURN_PID" 2>/dev/null || true
    rm -f "$TURN_DIR/turnserver.pid"
    TURN_PID=""
  fi
}
