#!/usr/bin/env bash
# The web app's gate (part of scripts/test.sh): builds web/, then runs its Playwright journeys
# in Debian's Chromium against `carebridge demo` on a fresh database (scripts/live.sh), with
# axe-core on every page. `--screenshots` also rewrites web/screenshots/*.png; any further
# arguments go to `playwright test` (a spec file, `-g "a journey"`).
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
export LIVE_COMMAND=demo WEB_DIR="$PWD/web/dist"
live_start web
(cd web && npx playwright test "$@")
live_alive || { echo "web: the server died during the tests; see $LIVE_LOG" >&2; exit 1; }
echo "web: every journey passed in Chromium" >&2
