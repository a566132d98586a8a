#!/usr/bin/env bash
# First look: checks local services, migrates, seeds the demo, prints logins, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
exec cargo run --locked --quiet -- demo
