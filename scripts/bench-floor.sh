#!/usr/bin/env bash
# The weight floor: builds the two smallest pages the issue's constraints allow
# (benches/floor: Leptos alone; Leptos with the shared rules library and no form) exactly as
# the page is built (release profile, `--cfg erase_components`, wasm-bindgen, wasm-opt -Oz)
# and prints their bytes, raw and gzip -9, beside the page's own dist/ when it is built.
# It prints figures and asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
for tool in wasm-bindgen wasm-opt; do
  command -v "$tool" >/dev/null || { echo "bench-floor: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done

# The same crate versions as the page: its lock file, copied (git ignores the copy).
cp Cargo.lock benches/floor/Cargo.lock
out=target/floor
export CARGO_TARGET_DIR="$PWD/$out"
RUSTFLAGS="--cfg erase_components" cargo build --offline --release --quiet \
  --manifest-path benches/floor/Cargo.toml --target wasm32-unknown-unknown

size() { # file -> "raw gzip"
  printf '%s %s' "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}
row() { # label wasm js
  read -r wr wg <<<"$(size "$2")"
  read -r jr jg <<<"$(size "$3")"
  printf '  %-24s %8d B %8d B gzip = %5.1f KB   (wasm %d B gzip, JS %d B gzip)\n' \
    "$1" $((wr + jr)) $((wg + jg)) "$(awk "BEGIN { print ($wg + $jg) / 1024 }")" "$wg" "$jg"
}

echo "wasm + JS glue (raw, gzip -9; KB = 1024 B); the budget is 100 KB gzip for everything the page loads:"
for bin in leptos-alone leptos-rules; do
  dir="$out/$bin"
  rm -rf "$dir" && mkdir -p "$dir"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" \
    "$out/wasm32-unknown-unknown/release/$bin.wasm"
  wasm-opt -Oz "$dir/${bin}_bg.wasm" -o "$dir/${bin}_bg.wasm"
  row "$bin" "$dir/${bin}_bg.wasm" "$dir/$bin.js"
done
wasm=$(ls dist/*_bg.wasm 2>/dev/null | head -n1 || true)
if [[ -n $wasm ]]; then
  row "the page (dist/)" "$wasm" "${wasm%_bg.wasm}.js"
else
  echo "  (dist/ is not built: scripts/build-page.sh builds the page)"
fi
