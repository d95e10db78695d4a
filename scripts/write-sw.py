#!/usr/bin/env python3
"""Writes dist/sw.js, the page's service worker (scripts/sw/worker.js), with this build's
manifest: every file of dist/ but the precompressed copies (NAME.gz, NAME.br) and sw.js itself,
index.html standing as "./" (the page); which of them a first visit loads (index.html, what it
names, and what the start-up script names, as scripts/size-gate.py counts the first load); and
its version, a hash of the files' names and contents, which names its cache (with the page's
path), so a new build gets a new cache; its worker keeps the build before's (a tab may still
run it) and deletes older ones.

Run by scripts/build-page.sh once dist/ is complete (minified by tools/minify.mjs) and before
the precompressed copies are written (sw.js gets its own); minifies sw.js with terser as
tools/minify.mjs does, keeping the template's first lines.

Usage: scripts/write-sw.py [DIST]   (default: dist/); with --print, prints the manifest as JSON
and writes nothing.
"""
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts/sw/worker.js"
# terser from tools/node_modules, with tools/minify.mjs's options for a classic script whose
# top-level names nothing else uses; the source on standard input.
MINIFY = """
const { minify } = await import(process.env.TERSER);
let code = "";
for await (const chunk of process.stdin) code += chunk;
const done = await minify(code, {
  toplevel: true, ecma: 2020, compress: { passes: 2 }, mangle: true,
  format: { comments: false, preamble: process.env.PREAMBLE },
});
process.stdout.write(done.code + "\\n");
"""


def first_load(dist: pathlib.Path) -> set[str]:
    """What index.html names, and the .js and .wasm its scripts name (the start-up script's glue
    and wasm; not what the wasm-split loader names: those chunks load on first use)."""
    html = (dist / "index.html").read_text(encoding="utf-8")
    names = set(re.findall(r'(?:src|href)="\./([^"]+)"', html))
    for name in list(names):
        if name.endswith(".js") and not name.startswith("__wasm_split-") and (dist / name).is_file():
            text = (dist / name).read_text(encoding="utf-8")
            names.update(re.findall(r"['\"]\./([^'\"]+\.(?:js|wasm))['\"]", text))
    return {n for n in names if (dist / n).is_file()} - {"sw.js", "index.html"}


def manifest(dist: pathlib.Path) -> dict:
    """{"VERSION": the hash, "START": what a first visit loads, "./" first, "LATER": the rest}."""
    files = sorted(
        p.relative_to(dist).as_posix()
        for p in dist.rglob("*")
        if p.is_file()
        and p.suffix not in (".gz", ".br")
        and not any(part.startswith(".") for part in p.relative_to(dist).parts)
    )
    files.remove("index.html")
    if "sw.js" in files:
        files.remove("sw.js")
    start = first_load(dist)
    digest = hashlib.sha256()
    for name in ["index.html", *files]:
        digest.update(name.encode() + b"\0" + (dist / name).read_bytes() + b"\0")
    later = [f for f in files if f not in start]
    return {"VERSION": digest.hexdigest()[:16], "START": ["./", *sorted(start)], "LATER": later}


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--print"]
    dist = pathlib.Path(args[0]) if args else ROOT / "dist"
    if not (dist / "index.html").is_file():
        sys.exit(f"write-sw: {dist}/index.html is missing")
    values = manifest(dist)
    if "--print" in sys.argv[1:]:
        # The manifest alone, as JSON (tests/e2e/offline.test.mjs): sw.js is minified.
        print(json.dumps(values))
        return
    version, start, later = values["VERSION"], values["START"], values["LATER"]
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        line = re.compile(rf"^const {name} = .*// MANIFEST: .*$", re.M)
        if len(line.findall(text)) != 1:
            sys.exit(f"write-sw: {TEMPLATE} has no single `const {name} = … // MANIFEST` line")
        rendered = f"const {name} = {json.dumps(value, separators=(',', ':'))};"
        text = line.sub(lambda _: rendered, text)
    # Minified as tools/minify.mjs minifies the page's scripts (a first visit loads sw.js), with
    # the template's first lines (what it is, that it is hand-written) kept on top.
    lines = text.splitlines()
    preamble = "\n".join(lines[: lines.index("//")])
    done = subprocess.run(
        ["node", "--input-type=module", "-e", MINIFY],
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, "PREAMBLE": preamble, "TERSER": (ROOT / "tools/node_modules/terser/main.js").as_uri()},
    )
    if done.returncode != 0 or not done.stdout.startswith(preamble):
        sys.exit(f"write-sw: terser failed on sw.js:\n{done.stderr}")
    (dist / "sw.js").write_text(done.stdout, encoding="utf-8")
    print(f"write-sw: dist/sw.js: {len(start)} files of the first load, {len(later)} on demand, version {version}", file=sys.stderr)


if __name__ == "__main__":
    main()
