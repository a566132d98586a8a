#!/usr/bin/env bash
# The web app's gate (part of scripts/test.sh): builds web/, then runs its Playwright journeys
# in Debian's Chromium against `carebridge demo` on a fresh database (scripts/live.sh) and a
# coturn relay of its own (scripts/turn.sh), with axe-core on every page. `--screenshots` also
# rewrites web/screenshots/*.png; any further arguments go to `playwright test` (a spec file,
# `-g "a journey"`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--screenshots" ]; then
  export SCREENSHOTS=1
  rm -f web/screenshots/*.png
  shift
fi
scripts/tools.sh
scripts/web.sh
# shellcheck source=scripts/live.sh
source scripts/live.sh
# shellcheck source=scripts/turn.sh
source scripts/turn.sh
# The relay the call journeys use when relay-only, on a free port (a run of its own).
turn_dir="$(mktemp -d "${TMPDIR:-/tmp}/carebridge-web-turn.XXXXXX")"
turn_port="$(python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
turn_start "$turn_dir" "$turn_port" \
  || { echo "web: turnserver did not answer; see $turn_dir/turnserver.log" >&2; exit 1; }
export LIVE_COMMAND=demo WEB_DIR="$PWD/web/dist"
live_start web
trap 'live_stop; turn_stop; rm -rf "$turn_dir"' EXIT
(cd web && npx playwright test "$@")
live_alive || { echo "web: the server died during the tests; see $LIVE_LOG" >&2; exit 1; }
echo "web: every journey passed in Chromium" >&2
