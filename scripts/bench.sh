#!/usr/bin/env bash
# Prints the service's figures (release build; takes a few minutes).
#   scripts/bench.sh            HTTP: bare route, /auth/me, authenticated read, login storm
#   scripts/bench.sh booking    booking throughput vs INSERT, 1000 attempts on 50 slots
#   scripts/bench.sh records    50 MiB encrypted upload/download vs raw S3, server peak RSS
#   scripts/bench.sh ml         staging a 960-epoch night, Burn vs onnxruntime, queue throughput
#   scripts/bench.sh realtime   10 000 sockets' RSS on one instance, chat fan-out across two
#                               instances at 2 000 messages/s (raises the open-file limit)
#   scripts/bench.sh analytics  hospital analytics over a year of a busy hospital (200 000
#                               appointments), cold and warm; specialty model top-3 accuracy
#   scripts/bench.sh soak [S]   S seconds (default 600) of mixed traffic (reads, bookings, chat,
#                               uploads) at SOAK_RATE requests/s (default 40) through HAProxy over
#                               3 release instances (scripts/cluster.sh): error rate, p50/p99,
#                               each instance's RSS after the warm-up and at the end
#   scripts/bench.sh web        the patient's first page: JS gzip size, time until usable in
#                               Chromium over loopback and over an emulated weak mobile link
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carebridge-target}"
scripts/services.sh
bench="${1:-http}"
[ $# -gt 0 ] && shift
case "$bench" in
  records) scripts/tools.sh ;;
  ml) scripts/tools.sh --onnx ;;
  # 10 000 sockets are 10 000 files on each side (this process and the server it starts).
  realtime) ulimit -n "$(ulimit -Hn)" ;;
esac
if [ "$bench" = soak ]; then
  case "${1:-}" in '' | *[!0-9]*) ;; *) export SOAK_SECONDS="$1"; shift ;; esac
  # Built before the instances start, so that compiling does not run beside the load.
  cargo build --locked --release --bin carebridge
  cargo bench --locked --bench soak --no-run
  export CAREBRIDGE_BIN="${CAREBRIDGE_BIN:-$CARGO_TARGET_DIR/release/carebridge}"
  # shellcheck source=scripts/cluster.sh
  source scripts/cluster.sh
  cluster_start soak "${SOAK_INSTANCES:-3}"
  cargo bench --locked --bench soak -- "$@"
  exit 0
fi
if [ "$bench" = web ]; then
  # The page as a patient gets it: a release server, its built app, a fresh database.
  cargo build --locked --release --bin carebridge
  scripts/tools.sh
  scripts/web.sh
  export CAREBRIDGE_BIN="$CARGO_TARGET_DIR/release/carebridge" WEB_DIR="$PWD/web/dist"
  # shellcheck source=scripts/live.sh
  source scripts/live.sh
  live_start bench
  (cd web && node bench.mjs)
  exit 0
fi
cargo bench --locked --bench "$bench" -- "$@"
