#!/usr/bin/env bash
# Idempotent set-up of every tool the build and the tests need, on a fresh or a used machine.
# Everything comes from the package registries this machine reaches (crates.io, PyPI, Debian,
# npm); nothing is downloaded at build or test time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf 'setup: %s\n' "$*" >&2; }

# 1. Debian packages: the browser and its driver, the shells the exports are tested under.
need_apt=()
for pair in chromium:chromium chromedriver:chromium-driver zsh:zsh dash:dash gzip:gzip; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  command -v "$cmd" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. Rust: the wasm target, trunk 0.21 (0.22 needs a newer rustc), wasm-bindgen-cli equal to
#    the wasm-bindgen in Cargo.lock, wasm-pack 0.15.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "cargo install trunk ~0.21 (about 15 minutes cold)"
  cargo install --locked trunk --version '~0.21' --quiet
fi
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  log "cargo install wasm-bindgen-cli $WB_VERSION (about 4 minutes cold)"
  # Not --locked: its lock file pins a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --quiet --force
fi
# wasm-pack for the JavaScript package (scripts/build-js.sh, scripts/test-js.sh): it is run with
# --mode no-install (the wasm-bindgen above) and its own wasm-opt off (binaryen below), so it
# downloads nothing.
WASM_PACK_VERSION=0.15.1
if ! wasm-pack --version 2>/dev/null | grep -q "^wasm-pack $WASM_PACK_VERSION\$"; then
  log "cargo install wasm-pack $WASM_PACK_VERSION (about 15 minutes cold)"
  cargo install --locked wasm-pack --version "=$WASM_PACK_VERSION" --quiet --force
fi

# twiggy: where the page's wasm bytes are, per crate (printed by scripts/size-gate.py).
TWIGGY_VERSION=0.8.0
if ! twiggy --version 2>/dev/null | grep -q " $TWIGGY_VERSION\$"; then
  log "cargo install twiggy $TWIGGY_VERSION (about 3 minutes cold)"
  cargo install --locked twiggy --version "=$TWIGGY_VERSION" --quiet --force
fi

# wasm-split-cli: cuts the page's wasm at its split points (scripts/split-page.py), the
# splitter of Leptos' `#[lazy]` (cargo-leptos links the same crate; trunk 0.21 has none).
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 3 minutes cold)"
  cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --quiet --force
fi

# 3. npm: binaryen 132 (Debian's wasm-opt 108 silently breaks the page), playwright-core (driving
#    Debian's chromium; never a browser download), axe-core and typescript (tsc checks the
#    JavaScript package's definitions), pinned by tools/package-lock.json.
if [[ -f tools/package-lock.json ]] && [[ ! -e tools/node_modules/.stamp || tools/package-lock.json -nt tools/node_modules/.stamp ]]; then
  log "npm ci in tools/"
  (cd tools && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi

# 4. Python: AWS CLI v1 and boto3 in a venv the tests own; moto's server mode (a loopback S3
#    the S3 preflight tests start, tests/clients/s3_preflight.py); zopfli for the release build;
#    the SageMaker Python SDK v2.
if [[ ! -x "$TOOLS/venv/bin/aws" ]] || ! "$TOOLS/venv/bin/python" -c 'import boto3' 2>/dev/null; then
  log "python venv with awscli and boto3"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check awscli boto3
fi
if [[ ! -x "$TOOLS/venv/bin/moto_server" ]]; then
  log "moto[server] in the python venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]'
fi
# zopfli (Google's Zopfli, the fonttools project's binding): the gzip copies scripts/build-page.sh
# writes beside dist/'s files, about 4 % smaller than zlib 9 and readable by every gzip reader.
ZOPFLI_VERSION=0.4.3
if ! "$TOOLS/venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('zopfli') != '$ZOPFLI_VERSION')" 2>/dev/null; then
  log "zopfli $ZOPFLI_VERSION in the python venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check "zopfli==$ZOPFLI_VERSION"
fi
# The SageMaker Python SDK v2 (its AutoML class; the import's tests run it, sdk_import.py).
if ! "$TOOLS/venv/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("sagemaker") is None)'; then
  log "the SageMaker Python SDK v2 in the python venv"
  "$TOOLS/venv/bin/pip" install --quiet --disable-pip-version-check 'sagemaker>=2.200,<3'
fi

# 5. Every crate the workspace needs, so builds can run offline.
cargo fetch --quiet
log "ready"
