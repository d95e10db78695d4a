#!/usr/bin/env bash
# The page's benchmark: builds the release page, serves it on loopback, loads it in Debian's
# headless Chromium and prints the bytes of every file (raw and gzip), the time from
# navigation to the first field (median of fresh loads), keystroke latency (median and p95)
# on a request with two channels, 50 tags and every section open, and the first keystroke's
# latency, and the time to the page answering after importing 1,000, 5,000 and 60,000 tags
# and after a reload (LISTS=1000,5000 picks sizes; ONLY=lists runs that part alone). It prints
# the first-load bytes and the on-demand bytes apart, and the first use of what loads on demand
# (ONLY=on-demand runs that part alone). It prints
# figures; it asserts nothing about time. LOADS=9 and KEYS=120 by default;
# SKIP_BUILD=1 measures the dist/ already built.
set -euo pipefail
cd "$(dirname "$0")/.."
unset NO_COLOR
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [[ ${SKIP_BUILD:-} != 1 ]]; then
  [[ ${SKIP_SETUP:-} == 1 ]] || scripts/setup.sh
  scripts/build-page.sh
fi
exec node tests/e2e/bench.mjs
