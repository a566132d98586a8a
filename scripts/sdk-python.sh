#!/usr/bin/env bash
# The Python SDK, openapi/sdk/python (package carebridge-client, import carebridge_client):
#   scripts/sdk-python.sh generate   regenerate it from openapi/openapi.json with the pinned
#                                    openapi-python-client (requirements-generate.txt)
#   scripts/sdk-python.sh test       mypy --strict on the package and its tests, then pytest against
#                                    the live server named by CAREBRIDGE_URL, CAREBRIDGE_SUPER_EMAIL
#                                    and CAREBRIDGE_SUPER_PASSWORD (e.g. from scripts/live.sh)
# Each mode keeps its own virtualenv under ~/.cache/carebridge-tools (CAREBRIDGE_TOOLS), made again
# whenever its requirements file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

sdk=openapi/sdk/python
tools="${CAREBRIDGE_TOOLS:-$HOME/.cache/carebridge-tools}"
python="${PYTHON:-python3}"

# Warnings the generator gives for the current spec that are understood and accepted, one header
# line each with its reason in a comment above it; any other warning fails `generate`. None at
# present: keep the array (empty is fine) for the next one.
known_warnings=()

# venv DIR REQUIREMENTS: a virtualenv at DIR with exactly REQUIREMENTS (fully pinned, so installed
# with --no-deps and checked with pip check), made again when REQUIREMENTS changes.
venv() {
  local dir="$1" req="$2"
  if [ -x "$dir/bin/python" ] && cmp -s "$req" "$dir/requirements.txt"; then
    return
  fi
  echo "sdk-python: installing $req into $dir" >&2
  local start=$SECONDS
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "sdk-python: $python is older than Python 3.11 (set PYTHON)" >&2; exit 1; }
  rm -rf "$dir"
  "$python" -m venv "$dir"
  "$dir/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$req"
  "$dir/bin/pip" check --disable-pip-version-check >/dev/null
  cp "$req" "$dir/requirements.txt"
  echo "sdk-python: virtualenv ready ($((SECONDS - start)) s)" >&2
}

generate() {
  local env="$tools/sdk-python-generate" log
  venv "$env" "$sdk/requirements-generate.txt"
  log="$(mktemp)"
  local start=$SECONDS
  # The post-hooks (ruff, from generator-config.yaml) are found on PATH: the pinned one.
  if ! PATH="$env/bin:$PATH" RUFF_NO_CACHE=true "$env/bin/openapi-python-client" generate \
      --path openapi/openapi.json \
      --config "$sdk/generator-config.yaml" \
      --custom-template-path "$sdk/templates" \
      --meta pdm \
      --output-path "$sdk" \
      --overwrite >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "sdk-python: the generator failed" >&2
    exit 1
  fi
  # Each problem the generator reports starts with a header line: "WARNING parsing ...",
  # "Unable to process schema ...", "Skipping Integration" (a post-hook not found), "... failed".
  local headers unknown
  headers="$(grep -E '^(WARNING |Unable to process schema |Skipping Integration|[a-z]+ failed$)' "$log" || true)"
  unknown="$(printf '%s\n' "$headers" | grep -vxF -f <(printf '%s\n' ${known_warnings[@]+"${known_warnings[@]}"}) | grep -v '^$' || true)"
  if [ -z "$headers" ] && grep -q 'encountered while generating' "$log"; then
    unknown="(a warning in a form this script does not recognise; see above)"
  fi
  if [ -n "$unknown" ]; then
    cat "$log" >&2; rm -f "$log"
    printf 'sdk-python: the generator warned about something new (fix the spec, or accept it in known_warnings with its reason):\n%s\n' "$unknown" >&2
    exit 1
  fi
  local known
  for known in ${known_warnings[@]+"${known_warnings[@]}"}; do
    grep -qxF "$known" <<<"$headers" \
      || echo "sdk-python: the generator no longer warns '$known'; drop it from known_warnings" >&2
  done
  rm -f "$log"
  echo "sdk-python: generated $sdk from openapi/openapi.json ($((SECONDS - start)) s)" >&2
}

check() {
  local env="$tools/sdk-python-test"
  venv "$env" "$sdk/requirements-test.txt"
  # Editable, without build isolation: the pinned pdm-backend builds it, nothing is fetched. Again
  # when the virtualenv's copy points at another checkout (CI clones elsewhere on the same machine).
  local here
  here="$(cd "$sdk" && pwd -P)/carebridge_client/__init__.py"
  if [ "$("$env/bin/python" -c 'import carebridge_client, os; print(os.path.realpath(carebridge_client.__file__))' 2>/dev/null)" != "$here" ]; then
    "$env/bin/pip" install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e "$sdk"
  fi
  local start=$SECONDS
  (cd "$sdk" && "$env/bin/mypy" --strict --cache-dir "$env/mypy-cache" carebridge_client tests)
  echo "sdk-python: mypy --strict passed ($((SECONDS - start)) s)" >&2
  : "${CAREBRIDGE_URL:?set CAREBRIDGE_URL (and CAREBRIDGE_SUPER_EMAIL, CAREBRIDGE_SUPER_PASSWORD) to a live server}"
  : "${CAREBRIDGE_SUPER_EMAIL:?set CAREBRIDGE_SUPER_EMAIL}"
  : "${CAREBRIDGE_SUPER_PASSWORD:?set CAREBRIDGE_SUPER_PASSWORD}"
  local rc=0
  start=$SECONDS
  (cd "$sdk" && "$env/bin/python" -m pytest -p no:cacheprovider -q tests) || rc=$?
  echo "sdk-python: pytest against $CAREBRIDGE_URL exited $rc ($((SECONDS - start)) s)" >&2
  if [ "$rc" -eq 5 ]; then
    echo "sdk-python: pytest collected no tests" >&2
    exit 1
  fi
  return "$rc"
}

case "${1:-}" in
  generate) generate ;;
  test) check ;;
  *) echo "usage: $0 generate|test" >&2; exit 2 ;;
esac
