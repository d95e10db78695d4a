#!/usr/bin/env bash
# Every browser test of the page, in Debian's headless Chromium (never a downloaded browser):
#   1. component tests (tests/web.rs) and the rules' fixture table compiled to WebAssembly
#      (tests/rules_in_browser.rs), with wasm-bindgen-test through chromedriver;
#   2. the release build (scripts/build-page.sh: trunk, wasm-opt 132, CSP-clean start-up),
#      served on loopback from a sub-path, driven by playwright-core (tests/e2e/*.test.mjs):
#      mount without console errors, CSP, live validation, summary links, import, exports
#      equal to `automl-job export`, draft kept across reloads, share links in a fresh
#      profile, zero requests to other hosts, axe-core, 320 px phones, a request with 60,000
#      tags (imported and by share link) that the page draws as 50 rows and a count;
#   3. the size gate: the release page's gzip weight against size-budget.json, and no code the
#      size rules keep out of the wasm (scripts/size-gate.py).
# Needs what scripts/setup.sh installs; runs it first unless SKIP_SETUP=1.
set -uo pipefail
cd "$(dirname "$0")/.."
unset NO_COLOR
[[ ${SKIP_SETUP:-} == 1 ]] || scripts/setup.sh || { echo "test-browser: set-up failed" >&2; exit 2; }
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

failed=()
step() {
  local name=$1; shift
  echo "==> $name" >&2
  if ! "$@"; then failed+=("$name"); fi
}

# With the import readers and the exports linked in (feature linked-rules): the release page
# loads them from dist/rules/, which the component tests do not have (src/on_demand.rs).
step "component tests in headless Chromium" \
  cargo test --offline --locked --target wasm32-unknown-unknown -p automl-job-web --features linked-rules --test web --test rules_in_browser
step "release build" scripts/build-page.sh
# Bytes are stable, so the page's weight is a test: size-budget.json (scripts/size-gate.py).
step "size gate" python3 scripts/size-gate.py
# The command-line exporter the end-to-end tests compare the page's exports with.
step "automl-job command" cargo build --offline --locked -q -p automl-job
step "end-to-end tests against dist/" node --test --test-concurrency=1 tests/e2e/

if ((${#failed[@]})); then
  echo "test-browser: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test-browser: all browser tests passed" >&2
