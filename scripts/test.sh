#!/usr/bin/env bash
# Runs every test: unit tests, the integration tests against real PostgreSQL and Redis, the API
# fuzzer, the SDKs' drift check and tests, and the web app's browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
scripts/tools.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo test --locked --workspace --all-targets -- --test-threads "${TEST_THREADS:-8}" 2>&1 | tee "$log"
# schemathesis (--checks all) against the server binary the tests just built: any failure of any
# check fails the run (scripts/fuzz.sh, schemathesis.toml).
scripts/fuzz.sh
# Both SDKs: regenerated without drift, strict tsc and mypy --strict, and each one's developer's
# journey against a live server (scripts/sdk-test.sh).
scripts/sdk-test.sh
# The web app: built, then every journey in Debian's Chromium with axe-core on each page
# (scripts/web-test.sh).
scripts/web-test.sh
# One closing tally over every test binary.
awk '/^test result:/ { p += $4; f += $6 } END { printf "all tests: %d passed, %d failed\n", p, f }' "$log"
