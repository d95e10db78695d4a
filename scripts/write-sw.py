#!/usr/bin/env python3
"""Writes dist/sw.js, the page's service worker (scripts/sw/worker.js), with this build's
manifest: every file of dist/ but the precompressed copies (NAME.gz, NAME.br) and sw.js itself,
index.html standing as "./" (the page); which of them a first visit loads (index.html, what it
names, and what the start-up script names, as scripts/size-gate.py counts the first load); and
its version, a hash of the files' names and contents, which names its cache (with the page's
path), so a new build gets a new cache and its worker deletes the old one.

Run by scripts/build-page.sh once dist/ is complete and before the precompressed copies are
written (sw.js gets its own). Usage: scripts/write-sw.py [DIST]   (default: dist/)
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "scripts/sw/worker.js"


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


def main() -> None:
    dist = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    if not (dist / "index.html").is_file():
        sys.exit(f"write-sw: {dist}/index.html is missing")
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
    version = digest.hexdigest()[:16]
    values = {"VERSION": version, "START": ["./", *sorted(start)], "LATER": later}
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        line = re.compile(rf"^const {name} = .*// MANIFEST: .*$", re.M)
        if len(line.findall(text)) != 1:
            sys.exit(f"write-sw: {TEMPLATE} has no single `const {name} = … // MANIFEST` line")
        rendered = f"const {name} = {json.dumps(value, separators=(',', ':'))};"
        text = line.sub(lambda _: rendered, text)
    # The first lines (what it is, that it is hand-written) and the code: the rest of the
    # comments stay in scripts/sw/worker.js (a first visit loads sw.js).
    lines = text.splitlines()
    head = lines.index("//")
    code = [line for line in lines[head:] if line.strip() and not line.lstrip().startswith("//")]
    (dist / "sw.js").write_text("\n".join(lines[:head] + code) + "\n", encoding="utf-8")
    print(f"write-sw: dist/sw.js: {len(start) + 1} files of the first load, {len(later)} on demand, version {version}", file=sys.stderr)


if __name__ == "__main__":
    main()
