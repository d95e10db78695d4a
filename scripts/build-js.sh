#!/usr/bin/env bash
# Builds the rules as the JavaScript package `automl-job-rules` (crates/js) into target/js/:
# an ES module for browsers, bundlers and Node 18+ (`initSync`), its TypeScript definitions and
# package.json. Prints the package's weight (the wasm and the JS a page loads, raw and gzip -9).
#
# wasm-pack (release, offline, `--mode no-install`: it uses the wasm-bindgen on PATH, which
# must equal Cargo.lock's, and never downloads one) with its own wasm-opt turned off in
# crates/js/Cargo.toml; binaryen 132's wasm-opt from tools/node_modules then runs here with
# -Oz (wasm-pack would download a binaryen of its own choosing; Debian's wasm-opt 108 breaks
# Rust's wasm). Everything comes from scripts/setup.sh.
#
# Usage: scripts/build-js.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
OUT=target/js
NAME=automl_job_rules

for tool in wasm-pack wasm-bindgen wasm-opt node gzip; do
  command -v "$tool" >/dev/null || { echo "build-js: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
if ! wasm-bindgen --version | grep -q " $WB_VERSION\$"; then
  echo "build-js: wasm-bindgen $WB_VERSION (Cargo.lock's) is not on PATH: run scripts/setup.sh" >&2
  exit 2
fi
if ! wasm-opt --version | grep -q 'version 132\b'; then
  echo "build-js: wasm-opt is not binaryen 132: run scripts/setup.sh" >&2
  exit 2
fi

rm -rf "$OUT"
mkdir -p target
# --out-dir is relative to the crate. Extra arguments after -- go to cargo.
wasm-pack --log-level warn build crates/js --target web --release --mode no-install \
  --out-dir ../../"$OUT" --out-name "$NAME" -- --offline --locked >target/build-js.log 2>&1 || {
  cat target/build-js.log >&2
  exit 1
}

# wasm-pack names the package after the crate; npm users know it as automl-job-rules.
node - "$OUT/package.json" <<'JS'
const fs = require("node:fs");
const path = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(path, "utf8"));
pkg.name = "automl-job-rules";
pkg.engines = { node: ">=18" };
fs.writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");
JS

wasm="$OUT/${NAME}_bg.wasm"
wasm-opt -Oz "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

size() { # file -> "raw gzip"
  printf '%s %s' "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}
read -r wasm_raw wasm_gz <<<"$(size "$wasm")"
read -r js_raw js_gz <<<"$(size "$OUT/$NAME.js")"
printf 'build-js: %s ready: wasm %d B (%d B gzip -9), JS %d B (%d B gzip -9); together %.1f KB gzip -9 (KB = 1024 B)\n' \
  "$OUT" "$wasm_raw" "$wasm_gz" "$js_raw" "$js_gz" "$(awk "BEGIN { print ($wasm_gz + $js_gz) / 1024 }")" >&2
