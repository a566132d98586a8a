#!/usr/bin/env bash
# The SDKs' gate (part of scripts/test.sh):
#   1. drift: regenerating both SDKs from openapi/openapi.json changes nothing that is committed;
#   2. each SDK's own checks (strict tsc, mypy --strict) and its developer's-journey tests
#      against one real server on a fresh database (scripts/live.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/sdk.sh
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  drift="$(git status --porcelain -- openapi/sdk)"
  if [ -n "$drift" ]; then
    echo "sdk: the committed SDKs differ from what scripts/sdk.sh generates; run it and commit:" >&2
    echo "$drift" >&2
    git --no-pager diff --stat -- openapi/sdk >&2
    exit 1
  fi
fi
# shellcheck source=scripts/live.sh
source scripts/live.sh
export RUN_WORKERS=false
live_start sdk
scripts/sdk-typescript.sh test
scripts/sdk-python.sh test
live_alive || { echo "sdk: the server died during the tests; see $LIVE_LOG" >&2; exit 1; }
echo "sdk: both SDKs generated without drift and passed their tests" >&2
