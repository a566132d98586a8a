#!/usr/bin/env bash
# Prints the service's throughput and latency figures (release build; takes a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
cargo bench --locked --bench http -- "$@"
