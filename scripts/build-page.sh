#!/usr/bin/env bash
# Builds the release page into dist/, splits its wasm (scripts/split-page.py) and makes it
# CSP-clean.
#
# trunk 0.21 (release, offline: crates come from `cargo fetch` in scripts/setup.sh) with
# wasm-bindgen-cli equal to Cargo.lock's wasm-bindgen and wasm-opt 132 from
# tools/node_modules (Debian's wasm-opt 108 silently breaks the page). Trunk writes its
# start-up code as an inline <script type="module">; this script moves it into its own
# hashed file, so the page's Content-Security-Policy allows scripts from 'self' only, with the
# service worker's registration (scripts/sw/register.js) after it. Then it builds the rules'
# JavaScript package (scripts/build-js.sh) into dist/rules/, which the page loads on demand,
# and writes dist/sw.js, the service worker that keeps the page working offline, with the
# manifest of dist/ (scripts/write-sw.py).
#
# Usage: scripts/build-page.sh [--public-url URL]   (extra arguments go to trunk build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset NO_COLOR # trunk 0.21 exits when NO_COLOR is set

for tool in trunk wasm-bindgen wasm-opt wasm-split-cli; do
  command -v "$tool" >/dev/null || { echo "build-page: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done
ZOPFLI_PYTHON="$PWD/.tools/venv/bin/python"
"$ZOPFLI_PYTHON" -c 'import zopfli.gzip' 2>/dev/null || { echo "build-page: zopfli is missing from .tools/venv: run scripts/setup.sh" >&2; exit 2; }

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
# The service worker's registration (offline use), without its comment lines.
register = open("scripts/sw/register.js", encoding="utf-8").read().splitlines()
code += "\n".join(l for l in register if l.strip() and not l.lstrip().startswith("//")) + "\n"
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
# The JavaScript and CSS minified (terser, csso from tools/node_modules), index.html's
# integrity hashes written again: the glue 9.5 -> 7.2 KB gzip of the first load.
node tools/minify.mjs dist
# The service worker (offline use; registered by the start-up script) with the manifest of
# dist/ as it is served (minified), itself minified.
scripts/write-sw.py

# Precompressed copies beside each file, for hosts that serve them as they are (nginx
# gzip_static and brotli_static, Caddy's precompressed): NAME.gz by zopfli, which any gzip
# reader reads, about 4 % smaller than zlib 9 (the main wasm 285,183 -> 272,678 B), each
# checked to decompress to the file; NAME.br by brotli 11, about a fifth smaller than gzip
# (docs/benchmarks.md). Zopfli's time grows with size times iterations: 15 iterations take
# 4.4 s on the 737 KB main wasm and 11 s on all of dist/ on a busy machine, so a file over
# 1 MiB gets 5 (on the main wasm 80 B bigger than 15, in 2.9 s).
"$ZOPFLI_PYTHON" - dist <<'PY'
import gzip, pathlib, sys, zopfli.gzip
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if path.suffix not in (".html", ".js", ".wasm", ".css"):
        continue
    data = path.read_bytes()
    packed = zopfli.gzip.compress(data, numiterations=15 if len(data) <= 1 << 20 else 5)
    if gzip.decompress(packed) != data:
        sys.exit(f"build-page: zopfli's copy of {path} does not decompress to it")
    path.with_name(path.name + ".gz").write_bytes(packed)
PY
node - dist <<'JS'
const fs = require("node:fs"), path = require("node:path"), zlib = require("node:zlib");
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
for (const file of walk(process.argv[2]).filter((f) => /\.(html|js|wasm|css)$/.test(f))) {
  const data = fs.readFileSync(file);
  fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
}
JS
echo "build-page: dist/ ready" >&2
