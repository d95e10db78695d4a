#!/usr/bin/env bash
# Every test of the project, on a fresh or a used machine: installs what is missing
# (scripts/setup.sh, idempotent), then runs
#   1. the native tests of the whole workspace (rules library, fixtures, model drift,
#      property tests, the automl-job command run as a user runs it);
#   2. the exports through the real AWS CLI v1 and boto3 under bash, dash and zsh against a
#      loopback stand-in endpoint (scripts/test-clients.sh);
#   3. the page in headless Chromium: component tests and end-to-end tests against the
#      release build (scripts/test-browser.sh).
#   4. the JavaScript package: the crate in headless Chromium, the built package against the
#      automl-job command on every fixture, its TypeScript definitions (scripts/test-js.sh).
# Exits non-zero when any part fails; every part runs even when an earlier one failed.
set -uo pipefail
cd "$(dirname "$0")/.."
unset NO_COLOR # trunk 0.21 exits when NO_COLOR is set

scripts/setup.sh || { echo "test: set-up failed" >&2; exit 2; }
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

failed=()
step() {
  local name=$1; shift
  echo "==> $name" >&2
  if ! "$@"; then failed+=("$name"); fi
}

step "native tests" cargo test --workspace --offline --locked
[[ -x scripts/test-clients.sh ]] && step "real AWS CLI and boto3" scripts/test-clients.sh
[[ -x scripts/test-browser.sh ]] && step "page in headless Chromium" env SKIP_SETUP=1 scripts/test-browser.sh
[[ -x scripts/test-js.sh ]] && step "JavaScript package" env SKIP_SETUP=1 scripts/test-js.sh

if ((${#failed[@]})); then
  echo "test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "test: all parts passed" >&2
