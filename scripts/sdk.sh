#!/usr/bin/env bash
# Regenerates both SDKs from openapi/openapi.json with their pinned generators:
#   openapi/sdk/typescript  (@carebridge/client: openapi-typescript + openapi-fetch)
#   openapi/sdk/python      (carebridge-client: openapi-python-client)
# The generated code is committed; scripts/sdk-test.sh fails when regenerating changes it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/sdk-typescript.sh generate
scripts/sdk-python.sh generate
