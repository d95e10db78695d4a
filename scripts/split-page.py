#!/usr/bin/env python3
"""Splits the page's wasm into the module a first visit loads and chunks fetched on first use
(wasm-split, the splitter of Leptos' `#[lazy]`), then puts them in dist/ in place of trunk's.

Run by scripts/build-page.sh after `trunk build --release`, which compiled the page with
`--cfg automl_split` and `-Clink-args=--emit-relocs` (the relocations wasm-split reads). Trunk
0.21 has no wasm-split step, so this does what cargo-leptos' `--split` does:
1. `wasm-split-cli` (the `wasm_split_cli_support` crate, scripts/setup.sh) cuts the linked wasm
   at the split points (`wasm_split` functions, e.g. src/components/data_check/mod.rs) into a
   main module, one `split_<name>.wasm` per split point and `__wasm_split.js`, which fetches a
   chunk and links it to the main module's memory and function table;
2. wasm-bindgen (the version trunk uses) writes the main module's JavaScript, keeping the
   exports the chunks link to (`--keep-lld-exports`); the exports nothing reaches are dropped
   and the names by which the glue and the main module call each other shortened
   (`shorten_names`);
3. wasm-opt 132 (`OPTIMIZE`: `-Oz` as trunk runs it, a bound on inlining functions with one
   caller, the build-describing sections stripped) shrinks the main module and each chunk;
4. the chunks and the loader get content-hashed names (a host may cache them for ever),
   index.html's integrity hashes are written again for the files that changed, and the loader
   is preloaded beside the glue (the glue imports it at start).

Usage: scripts/split-page.py   (from the repository root; dist/ built by trunk)
"""
import base64
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from wasm_module import MAGIC, encode_name, exports, imports, leb128, section, sections, to_leb128

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
RAW = ROOT / "target/wasm32-unknown-unknown/release/automl-job-web.wasm"
# Where the main module after wasm-bindgen and before wasm-opt is kept, with the chunks, for
# scripts/size-gate.py's account of where the bytes are.
KEEP = ROOT / "target/split"
# The wasm features wasm-opt may use: what rustc 1.95 emits for wasm32-unknown-unknown.
FEATURES = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]
# wasm-opt's flags: size first, as trunk runs it; a function with one caller inlined into it only
# when it is small (30 bytes: binaryen's default inlines every such function whatever its size, which
# leaves less for gzip to find twice: the main module 248,842 -> 246,950 B gzip -9, 202.9 -> 201.8 KB
# brotli, 10 to 50 measured 1.4 to 1.9 KB less; the chunks the same or less); and without the
# custom sections that only describe the build (the compilers that made it, the features it was
# compiled for): no browser reads them.
OPTIMIZE = [
    "-Oz",
    "--one-caller-inline-max-function-size", "30",
    "--strip-producers",
    "--strip-target-features",
    *FEATURES,
]


def fail(message: str) -> None:
    sys.exit(f"split-page: {message}")


def run(*args: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"{args[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


# Exports nothing in the page reaches: wasm-streams' adapters between Rust and JavaScript streams
# (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource), which Leptos' `csr`
# feature links through server_fn's "browser" feature (the streams of server functions; this
# page has no server). wasm-bindgen exports them, and an export keeps its code: dropped here,
# wasm-opt removes the code (1.6 KB gzip of the first load) and the glue loses their classes.
DEAD_EXPORT = re.compile(r"(?:__wbg_)?intounderlying(?:bytesource|sink|source)(?:_\w+)?")
DEAD_CLASS = re.compile(
    r"export class (IntoUnderlying(?:ByteSource|Sink|Source)) \{\n.*?\n\}\n"
    r"(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?",
    re.S,
)
DEAD_FINALIZATION = re.compile(
    r"const IntoUnderlying(?:ByteSource|Sink|Source)Finalization = \(typeof FinalizationRegistry.*?\)\);\n", re.S
)


def drop_dead_exports(wasm: pathlib.Path, glue: pathlib.Path) -> list[str]:
    """Drops DEAD_EXPORT's exports from the module (its export section rewritten, every other
    section copied byte for byte) and their classes from the glue; the names dropped. Fails when the glue
    still names one of them."""
    data = wasm.read_bytes()
    out, dropped = bytearray(MAGIC), []
    try:
        for kind, start, body, end in sections(data):
            if kind != 7:
                out += data[start:end]
                continue
            kept = []
            for name, what in exports(data, body):
                if DEAD_EXPORT.fullmatch(name):
                    dropped.append(name)
                else:
                    kept.append(encode_name(name) + what)
            out += section(7, to_leb128(len(kept)) + b"".join(kept))
    except ValueError as e:
        fail(f"{wasm}: {e}")
    wasm.write_bytes(bytes(out))
    text = DEAD_FINALIZATION.sub("", DEAD_CLASS.sub("", glue.read_text(encoding="utf-8")))
    if dropped and "intounderlying" in text.lower():
        fail(f"{glue.name} still uses an export dropped from the module ({', '.join(dropped)})")
    glue.write_text(text, encoding="utf-8")
    return dropped


# The names by which the glue and the main module call each other: wasm-bindgen's imports
# (`__wbg_body_5f971cbc6950ca4f`: a method's name and a hash, 182 of them, each in the wasm's
# import section beside its module's name and once in the glue) and the closure shims the module
# exports (v0-mangled symbols of 100-170 characters, each named in the glue three times). Both
# sides are rewritten to short names: 5.7 KB less gzip in the first load, nothing else changes.
# Every other export keeps its name: the chunks' loader (__wasm_split.js) and wasm-bindgen's own
# code ask for them by name (memory, __indirect_function_table, __wbindgen_start, ...).
MANGLED = re.compile(r"_R[0-9A-Za-z_]+|_ZN[0-9A-Za-z_$.]+")
# The glue's module of imports: a key of the object its `__wbg_get_imports` returns.
SHORT_MODULE = "a"
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def short_name(index: int) -> str:
    """`a`, `b`, ..., `Z`, `ab`, ...: the index in base 52."""
    out = LETTERS[index % 52]
    index //= 52
    while index:
        out += LETTERS[index % 52]
        index //= 52
    return out


def identifier(name: str) -> re.Pattern:
    """`name` as a whole JavaScript identifier."""
    return re.compile(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])")


def shorten_names(wasm: pathlib.Path, glue: pathlib.Path, module: str) -> int:
    """Renames the imports of `module` (the glue's) and the mangled exports of the main module
    `wasm`, and the same names in `glue`; the number renamed. Fails when the glue does not name
    an import exactly once as a key of its import object, or already uses a short name."""
    data = wasm.read_bytes()
    text = glue.read_text(encoding="utf-8")
    if re.search(r"(?<![\w$])_[a-zA-Z]{1,3}(?![\w$])", text):
        fail(f"{glue.name} already uses an identifier of the form _abc: pick other short names")
    out, renamed = bytearray(MAGIC), 0
    try:
        for kind, start, body, end in sections(data):
            if kind == 2:
                entries = imports(data, body)
                encoded = to_leb128(len(entries))
                for index, (of, name, what) in enumerate(entries):
                    if of == module:
                        key = identifier(name)
                        if len(key.findall(text)) != 1 or not re.search(key.pattern + r": function", text):
                            fail(f"{glue.name} does not name the import {name} once, as a key of its import object")
                        text, of, name = key.sub(short_name(index), text), SHORT_MODULE, short_name(index)
                        renamed += 1
                    encoded += encode_name(of) + encode_name(name) + what
                out += section(2, encoded)
            elif kind == 7:
                entries = exports(data, body)
                encoded = to_leb128(len(entries))
                for index, (name, what) in enumerate(entries):
                    if MANGLED.fullmatch(name):
                        # In the glue: `wasm.NAME(...)` and the JavaScript function of that name
                        # that calls it; neither is an exported name of the glue.
                        name, text = f"_{short_name(index)}", identifier(name).sub(f"_{short_name(index)}", text)
                        renamed += 1
                    encoded += encode_name(name) + what
                out += section(7, encoded)
            else:
                out += data[start:end]
    except ValueError as e:
        fail(f"{wasm}: {e}")
    key = f'"{module}": import0,'
    if text.count(key) != 1:
        fail(f"{glue.name} does not name the module {module} once as its imports' key")
    text = text.replace(key, f'"{SHORT_MODULE}": import0,')
    wasm.write_bytes(bytes(out))
    glue.write_text(text, encoding="utf-8")
    return renamed


def linked_by_name(main: pathlib.Path, chunks: list[pathlib.Path]) -> None:
    """Fails unless every chunk's import from the main module (`__wasm_split.js` hands a chunk
    the main module's exports by name) is an export of `main` as written: a chunk that asked
    for a renamed export would fail to link only when it is first fetched."""
    data = main.read_bytes()
    exported = {
        name for kind, _, body, _ in sections(data) if kind == 7 for name, _ in exports(data, body)
    }
    for chunk in chunks:
        raw = chunk.read_bytes()
        for kind, _, body, _ in sections(raw):
            if kind != 2:
                continue
            for module, name, _ in imports(raw, body):
                if module == "__wasm_split" and name not in exported:
                    fail(f"{chunk.name} imports {name}, which the main module does not export")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main() -> None:
    html_path = DIST / "index.html"
    html = html_path.read_text(encoding="utf-8")
    found = re.findall(r'href="\./(automl-job-web-[0-9a-f]+)\.js"', html)
    if len(found) != 1:
        fail(f"expected one automl-job-web-HASH.js in {html_path}, found {found}")
    name = found[0]
    if not RAW.is_file():
        fail(f"{RAW} is missing: run trunk build --release first")

    # A second run over the same dist/ (trunk writes a new one each build) leaves one set.
    for stale in [*DIST.glob("__wasm_split-*.js"), *DIST.glob("split_*.wasm"), *DIST.glob("chunk_*.wasm")]:
        stale.unlink()
    html = re.sub(r'<link rel="modulepreload" href="\./__wasm_split-[0-9a-f]+\.js"[^>]*>', "", html)

    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        run("wasm-split-cli", str(RAW), str(work), "--out-name", name, "--target", "web")
        chunks = sorted(work.glob("split_*.wasm"))
        # Code two or more split points share and the main module does not: wasm-split puts it
        # in a chunk of its own (chunk_N.wasm), which __wasm_split.js fetches with either.
        shared = sorted(work.glob("chunk_*.wasm"))
        if not chunks:
            fail("wasm-split found no split point: was the page built with --cfg automl_split?")
        run(
            "wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle",
            "--out-name", name, "--out-dir", str(work / "out"), str(work / f"{name}.wasm"),
        )
        dropped = drop_dead_exports(work / "out" / f"{name}_bg.wasm", work / "out" / f"{name}.js")
        renamed = shorten_names(work / "out" / f"{name}_bg.wasm", work / "out" / f"{name}.js", f"./{name}_bg.js")
        linked_by_name(work / "out" / f"{name}_bg.wasm", chunks + shared)
        shutil.rmtree(KEEP, ignore_errors=True)
        KEEP.mkdir(parents=True)
        shutil.copy(work / "out" / f"{name}_bg.wasm", KEEP / "main_bg.wasm")

        run("wasm-opt", *OPTIMIZE, str(work / "out" / f"{name}_bg.wasm"), "-o", str(DIST / f"{name}_bg.wasm"))
        loader = (work / "__wasm_split.js").read_text(encoding="utf-8")
        for chunk in chunks + shared:
            shutil.copy(chunk, KEEP / chunk.name)
            optimized = work / f"opt-{chunk.name}"
            run("wasm-opt", *OPTIMIZE, str(chunk), "-o", str(optimized))
            data = optimized.read_bytes()
            hashed = f"{chunk.stem}-{short_hash(data)}.wasm"
            (DIST / hashed).write_bytes(data)
            if f'"./{chunk.name}"' not in loader:
                fail(f"__wasm_split.js does not name ./{chunk.name}")
            loader = loader.replace(f'"./{chunk.name}"', f'"./{hashed}"')
        loader_name = f"__wasm_split-{short_hash(loader.encode())}.js"
        (DIST / loader_name).write_text(loader, encoding="utf-8")

        glue = (work / "out" / f"{name}.js").read_text(encoding="utf-8")
        # The import statement only: the wasm's import object keeps the module's own name.
        statement = re.compile(r'(import \* as \w+ from )"\./__wasm_split\.js"')
        glue, count = statement.subn(lambda m: f'{m.group(1)}"./{loader_name}"', glue)
        # One import statement per split point's loader function (wasm-bindgen imports each
        # function of the module on its own); the shared chunks have none.
        if count != len(chunks):
            fail(f"{name}.js imports ./__wasm_split.js {count} times, not once per chunk ({len(chunks)})")
        (DIST / f"{name}.js").write_text(glue, encoding="utf-8")
        # The snippets wasm-bindgen wrote for this module (the same files trunk's run wrote).
        shutil.rmtree(DIST / "snippets", ignore_errors=True)
        shutil.copytree(work / "out" / "snippets", DIST / "snippets")

    # Integrity hashes of every file index.html names that this script wrote again.
    def rehash(match: re.Match) -> str:
        path = DIST / match.group(2)
        return f'{match.group(1)}{sri(path.read_bytes())}' if path.is_file() else match.group(0)

    html = re.sub(r'(href="\./([^"]+)"[^>]*?integrity=")[^"]*', rehash, html)
    # The glue imports the loader at start: preload it beside the glue, or its fetch waits
    # for the glue's (one more round trip before the page starts).
    glue_link = re.search(r'<link rel="modulepreload" href="\./' + re.escape(name) + r'\.js"[^>]*>', html)
    if not glue_link:
        fail(f"index.html has no modulepreload link for {name}.js")
    loader_link = (
        f'<link rel="modulepreload" href="./{loader_name}" crossorigin="anonymous" '
        f'integrity="{sri((DIST / loader_name).read_bytes())}">'
    )
    html = html[: glue_link.end()] + loader_link + html[glue_link.end() :]
    html_path.write_text(html, encoding="utf-8")
    sizes = ", ".join(
        f"{p.name} {p.stat().st_size} B" for p in sorted(DIST.glob("*split*")) if p.suffix in (".js", ".wasm")
    )
    print(f"split-page: dropped {len(dropped)} exports nothing reaches (wasm-streams' adapters)", file=sys.stderr)
    print(f"split-page: {renamed} imports and exports between the glue and the module renamed short", file=sys.stderr)
    print(f"split-page: {name}_bg.wasm {(DIST / f'{name}_bg.wasm').stat().st_size} B; {sizes}", file=sys.stderr)


if __name__ == "__main__":
    main()
