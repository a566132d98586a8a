#!/usr/bin/env bash
# Fuzzes the HTTP API with schemathesis (--checks all) against a real server: its own fresh
# database, Redis namespace and data directory, a free loopback port. One hospital with an admin,
# a doctor and a patient is onboarded through the API; schemathesis then runs once with the
# patient's token and once with the hospital admin's. Exits non-zero when either run finds a
# failure (or cannot run). It does not build: the server (scripts/live.sh) is the debug binary
# that `cargo build` (or scripts/test.sh) left in CARGO_TARGET_DIR.
#
# Environment:
#   FUZZ_MAX_EXAMPLES  generated cases per operation in the fuzzing phase, and the stateful
#                      (default 60: both runs take about 2 minutes on 2 cores; the coverage
#                      phase's deterministic cases come on top)
#   FUZZ_SEED          schemathesis/Hypothesis seed (default fixed, so a run can be repeated)
#   FUZZ_OUT           directory for fuzz-patient.txt, fuzz-admin.txt and fuzz-server.log
#                      (default: a new directory under $TMPDIR, printed at the end)
#   CAREBRIDGE_BIN     the server binary (default $CARGO_TARGET_DIR/debug/carebridge)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tools="${CAREBRIDGE_TOOLS:-$HOME/.cache/carebridge-tools}"
st="$tools/venv/bin/st"
max_examples="${FUZZ_MAX_EXAMPLES:-60}"
seed="${FUZZ_SEED:-20240601}"
[ -x "$st" ] || scripts/tools.sh
# shellcheck source=scripts/live.sh
source scripts/live.sh

out="${FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/carebridge-fuzz.XXXXXX")}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# No outbox dispatcher, reminders or inference workers: the fuzzer tests the HTTP surface, and
# the two cores are better spent on requests. No SMTP, S3 or provider API keys either (nothing
# leaves the machine): emails wait in the outbox, documents go to DATA_DIR. A Stripe webhook
# secret needs no network, and with one the webhook's signature check is fuzzed instead of
# answering 503.
export RUN_WORKERS=false
export STRIPE_WEBHOOK_SECRET="whsec_$(openssl rand -hex 16)"
# Per-client-address throttles (all requests come from 127.0.0.1) would answer 429 to most of
# the login, registration, password-reset and prescription-verification cases after the first
# few dozen, leaving the handlers behind them untested; the integration tests cover throttling.
export LOGIN_FAILURES_PER_IP=1000000 REGISTRATIONS_PER_IP_PER_HOUR=1000000
export PASSWORD_RESETS_PER_IP_PER_HOUR=1000000 VERIFICATIONS_PER_IP_PER_MINUTE=1000000
unset SMTP_URL S3_BUCKET STRIPE_SECRET_KEY
# A Khalti key with its API on a closed loopback port: Khalti's return URL is fuzzed (an unknown
# pidx goes back to the web app) instead of answering 503 for a server without Khalti, and no
# request can leave the machine.
export KHALTI_SECRET_KEY="fuzz-no-network" KHALTI_BASE_URL="http://127.0.0.1:9/api/v2"
LIVE_LOG="$out/fuzz-server.log"
live_start fuzz
base="$CAREBRIDGE_URL"
work="$LIVE_WORK"

password="fuzz-password-$(openssl rand -hex 8)"
slug="fuzz-$(openssl rand -hex 4)"
# POST a JSON body (with an optional bearer token); prints the response, fails on a non-2xx.
api() {
  local path="$1" body="$2" token="${3:-}"
  local auth=()
  [ -n "$token" ] && auth=(-H "authorization: Bearer $token")
  curl -sS --fail-with-body "$base$path" -H 'content-type: application/json' "${auth[@]}" -d "$body" \
    || { echo " <- fuzz: setup request POST $path failed" >&2; return 1; }
}
login() {  # email, hospital slug or "", password (default: $password)
  api /api/v1/auth/login "$(jq -nc --arg e "$1" --arg p "${3:-$password}" --arg h "$2" \
    '{email: $e, password: $p} + (if $h == "" then {} else {hospital: $h} end)')" | jq -er .token
}

super="$(login "$CAREBRIDGE_SUPER_EMAIL" "" "$CAREBRIDGE_SUPER_PASSWORD")"
api /api/v1/hospitals "$(jq -nc --arg s "$slug" --arg p "$password" '{
    name: "Fuzz Hospital", slug: $s, timezone: "Asia/Kathmandu", currency: "NPR",
    appointment_fee: 50000, payment_provider: "none",
    admin: {email: ("admin@" + $s + ".test"), full_name: "Fuzz Admin", password: $p}}')" "$super" >/dev/null
admin="$(login "admin@$slug.test" "$slug")"
FUZZ_DOCTOR_ID="$(api /api/v1/doctors "$(jq -nc --arg s "$slug" --arg p "$password" '{
    email: ("doctor@" + $s + ".test"), full_name: "Dr Fuzz", password: $p,
    specialization: "General practice", license_number: ("LIC-" + $s)}')" "$admin" | jq -er .id)"
FUZZ_PATIENT_ID="$(api /api/v1/patients "$(jq -nc --arg s "$slug" --arg p "$password" '{
    email: ("patient@" + $s + ".test"), full_name: "Pat Fuzz", password: $p,
    date_of_birth: "1990-01-01"}')" "$admin" | jq -er .id)"
api "/api/v1/patients/$FUZZ_PATIENT_ID/care-team" "{\"doctor_id\": \"$FUZZ_DOCTOR_ID\"}" "$admin" >/dev/null
# The real ids schemathesis.toml puts into /patients/{id} and /doctors/{id}, so that those
# operations are tested on rows that exist instead of answering 404 to every generated id.
export FUZZ_DOCTOR_ID FUZZ_PATIENT_ID
patient="$(login "patient@$slug.test" "$slug")"

# One schemathesis run: name, token. Output (no colour) goes to $out/fuzz-NAME.txt.
failed=()
fuzz() {
  local name="$1" token="$2" log="$out/fuzz-$1.txt" rc=0 started=$SECONDS
  echo "fuzz: $name run (max-examples $max_examples, seed $seed) -> $log" >&2
  # From the scratch directory: whatever schemathesis writes lands there, not in the repository.
  cd "$work"
  "$st" --no-color --config-file "$root/schemathesis.toml" run "$base/openapi.json" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks all \
    --max-examples "$max_examples" \
    --seed "$seed" >"$log" 2>&1 || rc=$?
  cd "$root"
  # 130: schemathesis was interrupted (Ctrl-C); do not go on to the next run.
  [ "$rc" -ne 130 ] || { echo "fuzz: interrupted" >&2; exit 130; }
  # Schemathesis's closing summary: failures per check, warnings, test cases.
  sed -n '/= SUMMARY =/,$p' "$log" | grep -v '^$' >&2 || true
  # The run authenticates with one session; a request that ended it makes the rest 401s.
  if ! curl -fsS -o /dev/null "$base/api/v1/auth/me" -H "authorization: Bearer $token"; then
    echo "fuzz: the $name session ended during the run; later results are not meaningful" | tee -a "$log" >&2
    rc=$(( rc == 0 ? 1 : rc ))
  fi
  echo "fuzz: $name run took $(( SECONDS - started )) s, exit $rc" | tee -a "$log" >&2
  [ "$rc" -eq 0 ] || failed+=("$name")
}
# The patient first: the admin run may deactivate members or reset their passwords, which would
# end the patient's session; nothing a patient may do ends the admin's.
fuzz patient "$patient"
fuzz admin "$admin"

live_alive || { echo "fuzz: the server died during the run" >&2; failed+=(server); }
echo "fuzz: logs in $out (fuzz-patient.txt, fuzz-admin.txt, fuzz-server.log)" >&2
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no failures" >&2
