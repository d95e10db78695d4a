#!/usr/bin/env bash
# Builds the release page into dist/, splits its wasm (scripts/split-page.py) and makes it
# CSP-clean.
#
# trunk 0.21 (release, offline: crates come from `cargo fetch` in scripts/setup.sh) with
# wasm-bindgen-cli equal to Cargo.lock's wasm-bindgen and wasm-opt 132 from
# tools/node_modules (Debian's wasm-opt 108 silently breaks the page). Trunk writes its
# start-up code as an inline <script type="module">; this script moves it into its own
# hashed file, so the page's Content-Security-Policy allows scripts from 'self' only. Then it
# builds the rules' JavaScript package (scripts/build-js.sh) into dist/rules/, which the page
# loads on demand.
#
# Usage: scripts/build-page.sh [--public-url URL]   (extra arguments go to trunk build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset NO_COLOR # trunk 0.21 exits when NO_COLOR is set

for tool in trunk wasm-bindgen wasm-opt wasm-split-cli; do
  command -v "$tool" >/dev/null || { echo "build-page: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done

mkdir -p target
# The page is built with its split points and the relocations wasm-split reads (build.rs,
# AUTOML_SPLIT=1); scripts/split-page.py then cuts the wasm into the module a first visit loads
# and the chunks fetched on first use, in place of trunk's wasm and glue.
AUTOML_SPLIT=1 trunk build --release --offline "$@" >target/trunk-build.log 2>&1 || {
  cat target/trunk-build.log >&2
  exit 1
}
scripts/split-page.py

python3 - dist/index.html <<'PY'
import base64, hashlib, re, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
scripts = inline.findall(html)
if len(scripts) != 1:
    sys.exit(f"build-page: expected one inline module script in {path}, found {len(scripts)}")
code = "\n".join(line for line in scripts[0].strip().splitlines() if line.strip()) + "\n"
data = code.encode()
name = f"start-{hashlib.sha256(data).hexdigest()[:16]}.js"
integrity = "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()
with open(f"dist/{name}", "wb") as f:
    f.write(data)
tag = f'<script type="module" src="./{name}" integrity="{integrity}" crossorigin="anonymous"></script>'
html = inline.sub(lambda _: tag, html)
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("build-page: an inline script is left in dist/index.html")
if re.search(r'(?:src|href)="/(?!/)', html) or re.search(r'(?:src|href)="(?:https?:)?//', html):
    sys.exit("build-page: dist/index.html has an absolute or off-site URL")
open(path, "w", encoding="utf-8").write(html)
PY
# What a first visit does not use (the import readers, the exports other than the JSON body)
# loads on demand from dist/rules/ (src/on_demand.rs): the automl-job-rules package.
scripts/build-js.sh
mkdir -p dist/rules
cp target/js/automl_job_rules.js target/js/automl_job_rules_bg.wasm dist/rules/

# Precompressed copies beside each file (NAME.br, brotli 11; NAME.gz, gzip 9), for hosts that
# serve them as they are (nginx gzip_static and brotli_static, Caddy's precompressed): the
# first load is about a fifth smaller in brotli than in gzip (docs/benchmarks.md).
node - dist <<'JS'
const fs = require("node:fs"), path = require("node:path"), zlib = require("node:zlib");
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
for (const file of walk(process.argv[2]).filter((f) => /\.(html|js|wasm|css)$/.test(f))) {
  const data = fs.readFileSync(file);
  fs.writeFileSync(file + ".gz", zlib.gzipSync(data, { level: 9 }));
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
}
JS
echo "build-page: dist/ ready" >&2
