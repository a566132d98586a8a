#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
scripts/tools.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo test --locked --workspace --all-targets -- --test-threads "${TEST_THREADS:-8}" 2>&1 | tee "$log"
# One closing tally over every test binary.
awk '/^test result:/ { p += $4; f += $6 } END { printf "all tests: %d passed, %d failed\n", p, f }' "$log"
