#!/usr/bin/env bash
# How much of the first-load wasm a first visit runs (tests/e2e/first-visit-code.mjs): the
# code that ran at the first paint and after typing five fields, and where the rest is. A
# benchmark: prints figures, asserts nothing; not part of scripts/test.sh.
#
# Usage: scripts/bench-first-visit.sh     (SKIP_BUILD=1 keeps the dist/ that is there)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/chromium ] && [ -d tools/node_modules/binaryen ] || scripts/setup.sh
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/split/main_bg.wasm ]; then
  scripts/build-page.sh
fi
exec node tests/e2e/first-visit-code.mjs
