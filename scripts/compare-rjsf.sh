#!/usr/bin/env bash
# Our page side by side with react-jsonschema-form (tools/rjsf): bytes loaded, time to the first
# field, keystroke latency, and which fixtures of crates/rules/tests/fixtures rjsf's validator
# flags against which the service or the CLI rejects. A benchmark: prints figures, asserts
# nothing about time. Not part of scripts/test.sh.
#
#   1. npm ci --prefix tools/rjsf when its node_modules are missing (react, react-dom, @rjsf/*,
#      bootstrap 3 for rjsf's default theme, vite: pinned in tools/rjsf/package-lock.json);
#   2. scripts/gen-json-schema.py regenerates tools/rjsf/src/schema.json from the model;
#   3. vite builds the rjsf page into tools/rjsf/dist; scripts/build-page.sh builds ours into
#      dist/ (SKIP_BUILD=1 keeps the dist/ that is there);
#   4. tools/rjsf/compare.mjs measures both in Debian's headless Chromium (LOADS=7 fresh loads).
#
# Usage: scripts/compare-rjsf.sh        (SKIP_BUILD=1 LOADS=n KEYS=n OURS=dir RJSF=dir)
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/chromium ] && [ -d tools/node_modules/playwright-core ] || scripts/setup.sh
[ -d tools/rjsf/node_modules/@rjsf/core ] || npm ci --prefix tools/rjsf --no-audit --no-fund >&2
python3 scripts/gen-json-schema.py >&2
(cd tools/rjsf && ./node_modules/.bin/vite build >&2)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  scripts/build-page.sh
fi
exec node tools/rjsf/compare.mjs
