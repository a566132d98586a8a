#!/usr/bin/env bash
# Builds the web app: npm ci when web/node_modules is missing or older than the lockfile, then
# tsc and vite into web/dist (about a second), which `carebridge serve` and `demo` serve at /,
# then a gzip copy of each script and style sheet.
# Everything comes from the npm registry at build time; no browser is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../web"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ] \
   || [ ../openapi/sdk/typescript/dist/index.js -nt node_modules/@carebridge/client/dist/index.js ] \
   || [ ../openapi/sdk/typescript/dist/schema.d.ts -nt node_modules/@carebridge/client/dist/schema.d.ts ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
npm run --silent build
# A gzip copy beside each script and style sheet, which the server sends to browsers that take
# it (src/app/web.rs): compressed once here, not on every request.
find dist/assets -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' \) -exec gzip -9 -k -f {} +
