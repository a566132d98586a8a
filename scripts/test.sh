#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests against real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
cargo test --locked --all-targets -- --test-threads "${TEST_THREADS:-8}"
