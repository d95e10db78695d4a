#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh), builds the release page (scripts/build-page.sh)
# and serves dist/ on loopback, printing the URL. PORT=8080 by default; Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
unset NO_COLOR
[[ ${SKIP_SETUP:-} == 1 ]] || scripts/setup.sh
scripts/build-page.sh
echo "serving dist/ (Ctrl-C stops):" >&2
exec node tests/e2e/server.mjs dist "${PORT:-8080}" /
