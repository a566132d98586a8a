#!/usr/bin/env bash
# First look: checks local services, starts a local TURN relay (coturn) for calls, builds the
# web app, migrates, seeds the demo, prints logins, serves. The relay stops when the demo does.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh

data="${DATA_DIR:-./data}"
turn_port=3478
# shellcheck source=scripts/turn.sh
source scripts/turn.sh

# Starts coturn on 127.0.0.1:3478 unless something answers there already.
start_turn() {
  # A turnserver left behind by a demo that was killed outright still holds the port.
  local stale
  stale="$(cat "$data/turnserver.pid" 2>/dev/null || true)"
  if [ -n "$stale" ] && [ "$(cat "/proc/$stale/comm" 2>/dev/null)" = turnserver ]; then
    kill "$stale" 2>/dev/null || true
    sleep 0.5
  fi
  if turn_answers "$turn_port"; then
    echo "something already answers STUN on 127.0.0.1:$turn_port (a coturn service?): not starting" \
      "another; calls use host candidates only (or set TURN_URLS and TURN_SECRET for it)" >&2
    return
  fi
  if turn_start "$data" "$turn_port"; then
    echo "TURN: coturn on 127.0.0.1:$turn_port (log: $data/turnserver.log)" >&2
  else
    echo "turnserver did not answer on 127.0.0.1:$turn_port (see $data/turnserver.log);" \
      "calls use host candidates only" >&2
  fi
}

trap turn_stop EXIT
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
