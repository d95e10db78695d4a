#!/usr/bin/env bash
# Every test of the JavaScript package `automl-job-rules` (crates/js):
#   1. the crate in Debian's headless Chromium: `wasm-pack test --headless --chrome` with
#      /usr/bin/chromedriver (never a downloaded driver or browser);
#   2. the release package (scripts/build-js.sh, which prints its weight);
#   3. the `automl-job` command the package is held to;
#   4. `node --test tests/js/`: the built package installed as a user installs it, holding
#      `check`, `importText` and `exportAs` to the command on every fixture, its errors, its
#      TypeScript definitions (tsc --noEmit --strict), and the package in Chromium.
# Needs what scripts/setup.sh installs; runs it first unless SKIP_SETUP=1.
set -uo pipefail
cd "$(dirname "$0")/.."
[[ ${SKIP_SETUP:-} == 1 ]] || scripts/setup.sh || { echo "test-js: set-up failed" >&2; exit 2; }
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

failed=()
step() {
  local name=$1; shift
  echo "==> $name" >&2
  if ! "$@"; then failed+=("$name"); fi
}

# (Arguments after the crate go to cargo, after a further -- to the tests; CARGO_NET_OFFLINE
# is cargo's --offline.)
step "crate in headless Chromium" env CARGO_NET_OFFLINE=true \
  wasm-pack --log-level warn test --headless --chrome --chromedriver /usr/bin/chromedriver \
  --mode no-install crates/js --locked
step "release package" scripts/build-js.sh
step "automl-job command" cargo build --offline --locked -q -p automl-job
step "package against the command (node --test)" node --test tests/js/*.test.mjs

if ((${#failed[@]})); then
  echo "test-js: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test-js: all JavaScript package tests passed" >&2
