#!/usr/bin/env bash
# The TypeScript SDK, openapi/sdk/typescript (npm package @carebridge/client):
#   scripts/sdk-typescript.sh generate   npm ci (the pinned openapi-typescript, openapi-fetch and
#                                        TypeScript of package-lock.json), regenerate
#                                        src/schema.d.ts from openapi/openapi.json, build dist/
#   scripts/sdk-typescript.sh test       npm ci when node_modules is missing (or older than
#                                        package-lock.json), strict tsc on the
#                                        package and its tests, build, then the developer's-journey
#                                        tests (node --test) against the live server named by
#                                        CAREBRIDGE_URL, CAREBRIDGE_SUPER_EMAIL and
#                                        CAREBRIDGE_SUPER_PASSWORD (e.g. from scripts/live.sh)
# src/schema.d.ts and dist/ are committed (dist/index.js is the package's entry, so the package
# works from a checkout without a build); both come out byte-for-byte the same from the same spec,
# so scripts/sdk-test.sh can fail on any difference after `generate`. Needs Node 20 and npm; npm
# reads only the registry, and only when its cache lacks a locked package.
set -euo pipefail
cd "$(dirname "$0")/../openapi/sdk/typescript"

npm_ci() {
  npm ci --no-audit --no-fund --loglevel=error
}

generate() {
  npm_ci
  npm run --silent generate
  npm run --silent build
  echo "sdk-typescript: generated src/schema.d.ts and dist/ from openapi/openapi.json" >&2
}

check() {
  [ node_modules/.package-lock.json -nt package-lock.json ] || npm_ci
  npm run --silent typecheck
  npm run --silent build
  : "${CAREBRIDGE_URL:?set CAREBRIDGE_URL (and CAREBRIDGE_SUPER_EMAIL, CAREBRIDGE_SUPER_PASSWORD) to a live server}"
  : "${CAREBRIDGE_SUPER_EMAIL:?set CAREBRIDGE_SUPER_EMAIL}"
  : "${CAREBRIDGE_SUPER_PASSWORD:?set CAREBRIDGE_SUPER_PASSWORD}"
  npm run --silent test
}

case "${1:-}" in
  generate) generate ;;
  test) check ;;
  *) echo "usage: $0 generate|test" >&2; exit 2 ;;
esac
