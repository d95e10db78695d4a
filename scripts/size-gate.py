#!/usr/bin/env python3
"""The page's size gate: fails when what the release page loads grows past the budget in
size-budget.json, or when the release wasm links code the size rules keep out of it.

Run by scripts/test-browser.sh after scripts/build-page.sh; `scripts/size-gate.py --print`
prints the figures without judging them. Bytes are stable from run to run, so this is a test;
time is not, so timing stays in scripts/bench-page.sh, which prints figures only.

1. Weight. Every file in dist/ that index.html loads at start (its scripts, style sheets, the
   wasm the start-up script fetches, and the service worker dist/sw.js, which the start-up
   script registers once the page has loaded) is "first load"; every other .wasm or .js in dist/ is
   "on demand" (loaded by the page when a feature is first used). Each is measured gzip -9
   (zlib level 9, KB = 1024 B, as the benchmarks and the react-jsonschema-form comparison
   measure) and compared with its budget. Beside it, not judged: what a host that serves
   scripts/build-page.sh's precompressed copies sends (the NAME.gz copies, zopfli, and the
   NAME.br copies, brotli 11); each .gz copy must decompress to its file.
2. Linked code. The release wasm before wasm-bindgen (target/wasm32-unknown-unknown/release/
   automl-job-web.wasm) keeps its function names in the `name` custom section. The page's
   code avoids a few pieces of the standard library that weigh kilobytes for work it can do
   without (each rule in size-budget.json says why and where the page avoids it); a
   function of those families in the name section fails the gate and names the function.
   The split build's main module (scripts/split-page.py keeps it in target/split/) must not
   carry what `not_in_first_load` names: code of a chunk fetched on first use, matched where a
   function's own path starts (a v0 name also names its generic arguments, and the few bytes
   of Leptos' code instantiated for a chunk's types that wasm-split leaves in the main module
   are not the chunk's code).
3. Where the bytes are (printed, never judged): that wasm after wasm-bindgen (whose own
   descriptors are then gone) and before wasm-opt, measured by twiggy 0.8 (scripts/setup.sh)
   as shallow bytes per crate, and per module of the page and of the rules, so each change
   shows where its bytes went. Then by component: each module of the page with its own
   functions and the code of other crates instantiated for it (Leptos' views and signals,
   core's and alloc's containers), for which a function counts with the first module of the
   page its name mentions; v0 mangling (.cargo/config.toml) names the generic arguments, e.g.
   `tachys::view::any_view::mount_any::<…components::form::list::…>`. What no module of the
   page is named in (Leptos' shared code, the rules, core, alloc, data) is one line. Without
   twiggy or wasm-bindgen on PATH it says so and goes on.
"""
import gzip
import json
import pathlib
import collections
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

from wasm_module import leb128, sections

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUDGET = ROOT / "size-budget.json"
DIST = ROOT / "dist"
RAW_WASM = ROOT / "target/wasm32-unknown-unknown/release/automl-job-web.wasm"
# The split build's main module and chunks before wasm-opt (scripts/split-page.py).
SPLIT = ROOT / "target/split"


def gz(data: bytes) -> int:
    # zlib level 9 with the gzip framing, as `gzip -9` and the benchmarks count it.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def unpacks_to(copy: pathlib.Path, data: bytes) -> bool:
    """Whether a gzip copy decompresses to exactly `data` (a broken copy does not)."""
    try:
        return gzip.decompress(copy.read_bytes()) == data
    except (OSError, EOFError, zlib.error):
        return False


def first_load_files() -> list[pathlib.Path]:
    html = (DIST / "index.html").read_text(encoding="utf-8")
    names = set(re.findall(r'(?:src|href)="\./([^"]+)"', html))
    # The start-up script imports the glue, fetches the wasm and registers the service worker
    # (./sw.js): follow it one level. The wasm-split loader (preloaded at start) names the
    # chunks, which it fetches on first use.
    for name in list(names):
        if name.endswith(".js") and not name.startswith("__wasm_split-"):
            text = (DIST / name).read_text(encoding="utf-8")
            names.update(re.findall(r"['\"]\./([^'\"]+\.(?:js|wasm))['\"]", text))
    names.add("index.html")
    return sorted(DIST / n for n in names if (DIST / n).is_file())


def on_demand_files(first: list[pathlib.Path]) -> list[pathlib.Path]:
    seen = set(first)
    return sorted(
        p for p in DIST.rglob("*") if p.suffix in (".wasm", ".js") and p not in seen
    )


def function_names(wasm: bytes) -> list[str]:
    """The function names of a wasm module's `name` custom section (subsection 1)."""
    names = []
    for section_id, _, body, end in sections(wasm):
        if section_id != 0:
            continue
        name_len, p = leb128(wasm, body)
        if wasm[p : p + name_len] != b"name":
            continue
        p += name_len
        while p < end:
            sub_id = wasm[p]
            sub_size, q = leb128(wasm, p + 1)
            if sub_id == 1:
                count, r = leb128(wasm, q)
                for _ in range(count):
                    _, r = leb128(wasm, r)
                    n, r = leb128(wasm, r)
                    names.append(wasm[r : r + n].decode("utf-8", "replace"))
                    r += n
            p = q + sub_size
    return names


# Names twiggy gives what is not a function of a crate.
STRUCTURE = ("custom section", "export ", "import ", "type[", "elem")
WASM_STRUCTURE = "(wasm structure: names, imports, exports, types, table)"
READ_ONLY_DATA = "(read-only data: messages, help, the model table)"
# Primitive types: `<str>::trim_matches` and `<[T]>::to_vec_in` are core's and alloc's methods.
PRIMITIVE = set("str char u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize f32 f64 bool".split())
PATH_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::")
STD = {"core", "alloc", "std"}
# The crates of the Leptos project (the views' and the signals' code).
LEPTOS = {
    "tachys", "reactive_graph", "leptos", "leptos_dom", "leptos_config", "leptos_server", "leptos_macro",
    "any_spawner", "throw_error", "or_poisoned", "either_of", "hydration_context", "reactive_stores",
    "oco_ref", "next_tuple", "server_fn", "wasm_split_helpers",
}
# A mention of the page's crate in a demangled name, and the path that follows it.
PAGE_PATH = re.compile(r"\bautoml_job_web(?:\[[0-9a-f]+\])?((?:::[A-Za-z_][A-Za-z0-9_]*)*)")


def qualified(name: str) -> tuple[str, str | None] | None:
    """`<X as Trait>::f` as (X, Trait) and `<X>::f` as (X, None); None for a plain path. The
    brackets nest: v0 names carry generic arguments (`<Vec<T> as Drop>::drop`)."""
    if not name.startswith("<"):
        return None
    depth = 0
    for at, ch in enumerate(name):
        if ch in "<([":
            depth += 1
        elif ch in ">)]" and not (ch == ">" and name[at - 1] == "-"):
            depth -= 1
        elif depth == 1 and name.startswith(" as ", at):
            self_type, rest = name[1:at], name[at + 4 :]
            depth = 0
            for end, c in enumerate(rest):
                depth += c in "<(["
                depth -= c in ">)]" and not (c == ">" and rest[end - 1] == "-")
                if depth < 0:
                    return self_type, rest[:end]
            return self_type, rest
        if depth == 0:
            return name[1:at], None
    return None


def crate_of(path: str) -> str | None:
    """The crate a path starts with (`tachys[..]::view::Render` -> tachys), None for a type that
    is not a path of a crate (a reference, tuple, slice, primitive or type parameter)."""
    m = PATH_SEGMENT.match(path)
    return m.group(1) if m else None


def owner(name: str) -> str:
    """The crate whose code an item of twiggy's `top` is: the first crate of its path; for
    `<X as Trait>::f` the type's crate when X is a type of a crate (its impls are in its crate or
    derived there), else the trait's: a blanket impl (a closure of ours as tachys' `Render` is
    tachys' code) or an impl for a standard type (`<Vec<T> as tachys::view::Render>`, which only
    tachys can write); for `<str>::f` and `<[T]>::f`, core (alloc's few among them included)."""
    if name.startswith(STRUCTURE) or "subsection" in name or name.endswith("section headers"):
        return WASM_STRUCTURE
    if name.startswith(("data segment", "data[")):
        return READ_ONLY_DATA
    parts = qualified(name)
    if parts:
        self_type, trait = parts
        crate = crate_of(self_type)
        if crate and not self_type.endswith("}") and not (trait and crate in STD and crate_of(trait) not in STD):
            return crate
        if trait:
            return crate_of(trait) or "(runtime helpers)"
        return "core" if self_type.startswith(("[", "*", "&")) or self_type in PRIMITIVE else crate or "(runtime helpers)"
    return crate_of(name) or "(runtime helpers)"


def module_of(name: str) -> str | None:
    """`automl_rules::import`, `automl_job_web::components::form`: the module of one of our
    crates an item is in, or None."""
    m = re.match(r"<?(automl_rules|automl_job_web)(?:\[[0-9a-f]+\])?::([A-Za-z0-9_]+)(?:::([A-Za-z0-9_]+))?", name)
    if not m:
        return None
    deeper = m.group(2) in ("components", "state") and m.group(3) and m.group(3)[0].islower()
    return f"{m.group(1)}::{m.group(2)}" + (f"::{m.group(3)}" if deeper else "")


def page_modules() -> set[tuple[str, ...]]:
    """The page's modules, from its files: src/components/form/scalar.rs is
    ("components", "form", "scalar"), src/state/mod.rs is ("state",)."""
    modules = set()
    for path in (ROOT / "src").rglob("*.rs"):
        parts = path.relative_to(ROOT / "src").with_suffix("").parts
        if parts[-1] == "mod":
            parts = parts[:-1]
        if parts not in (("lib",), ("main",)):
            modules.add(parts)
    return modules


def component_of(name: str, modules: set[tuple[str, ...]]) -> str | None:
    """The first module of the page an item's name mentions (its own path, or with v0 mangling a
    generic argument: `tachys::…::mount_any::<…components::form::list::…>`), or None."""
    m = PAGE_PATH.search(name)
    if not m:
        return None
    segments = tuple(m.group(1).split("::")[1:])
    for n in range(len(segments), 0, -1):
        if segments[:n] in modules:
            return "::".join(segments[:n])
    return "(crate root: lib.rs, main.rs)"


def shared_part(crate: str, name: str) -> str:
    """What an item no module of the page is named in is part of."""
    if crate in LEPTOS:
        return "Leptos' shared code"
    if crate == "automl_rules" or "automl_rules" in name:
        return "the rules (with code instantiated for their types)"
    if crate in ("core", "alloc", READ_ONLY_DATA, WASM_STRUCTURE):
        return crate.split(":")[0].strip("(")
    return "other crates"


def by_component(items: list[dict], v0_names: bool) -> None:
    """Prints the page's bytes by module of the page: its own functions (the crate table's
    automl_job_web bytes) and the code of other crates instantiated for it, mostly Leptos'
    views and signals (see the module notes), then what no module of the page is named in."""
    modules = page_modules()
    own, generic, shared = collections.Counter(), collections.Counter(), collections.Counter()
    for item in items:
        name, size = item["name"], item["shallow_size"]
        crate = owner(name)
        component = component_of(name, modules) if crate not in (WASM_STRUCTURE, READ_ONLY_DATA) else None
        if component is None:
            shared[shared_part(crate, name)] += size
        elif crate == "automl_job_web":
            own[component] += size
        else:
            generic[component] += size
    total = own + generic
    how = "v0 mangling" if v0_names else "legacy mangling, which names no generic arguments: build with .cargo/config.toml's v0 flag"
    print(f"size-gate: by component, with the Leptos code instantiated for it (a function counts for the first module of the page its name mentions; {how}):")
    print(f"  {'own':>9} {'generic':>9} {'total':>9}  module of the page")
    rows = total.most_common()
    for component, size in rows[:25]:
        print(f"  {own[component] / 1024:6.1f} KB {generic[component] / 1024:6.1f} KB {size / 1024:6.1f} KB  {component}")
    rest = rows[25:]
    if rest:
        size = sum(s for _, s in rest)
        print(f"  {sum(own[c] for c, _ in rest) / 1024:6.1f} KB {sum(generic[c] for c, _ in rest) / 1024:6.1f} KB {size / 1024:6.1f} KB  {len(rest)} more modules")
    print(
        f"  {sum(own.values()) / 1024:6.1f} KB {sum(generic.values()) / 1024:6.1f} KB {sum(total.values()) / 1024:6.1f} KB  in all; "
        "not attributable: " + ", ".join(f"{part} {size / 1024:.1f} KB" for part, size in shared.most_common())
    )


def where_the_bytes_are(raw_wasm: pathlib.Path) -> None:
    """Prints twiggy's shallow bytes per crate and per module of ours (see the module notes):
    of the module a first visit loads (the split build's main module after wasm-bindgen, which
    scripts/split-page.py keeps in target/split/), then each chunk's total."""
    missing = [t for t in ("twiggy", "wasm-bindgen") if shutil.which(t) is None]
    if missing:
        print(f"size-gate: where the bytes are: {' and '.join(missing)} not on PATH (scripts/setup.sh installs them)")
        return
    split_main = SPLIT / "main_bg.wasm"
    with tempfile.TemporaryDirectory() as tmp:
        if split_main.is_file():
            measured = split_main
        else:
            subprocess.run(
                ["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", tmp, "--out-name", "page", str(raw_wasm)],
                check=True,
            )
            measured = pathlib.Path(tmp) / "page_bg.wasm"
        top = subprocess.run(
            ["twiggy", "top", "-n", "1000000", "--format", "json", str(measured)],
            check=True,
            capture_output=True,
            text=True,
        )
        v0_names = any(n.startswith("_R") for n in function_names(measured.read_bytes()))
    for chunk in sorted(SPLIT.glob("split_*.wasm")):
        print(f"size-gate: chunk {chunk.name}: {chunk.stat().st_size} B before wasm-opt (on demand)")
    print(f"size-gate: the module a first visit loads: {measured.relative_to(ROOT) if measured == split_main else 'the whole page'}")
    items = json.loads(top.stdout)
    crates, modules = collections.Counter(), collections.Counter()
    for item in items:
        crates[owner(item["name"])] += item["shallow_size"]
        module = module_of(item["name"])
        if module:
            modules[module] += item["shallow_size"]
    total = sum(crates.values())
    print(f"size-gate: where the bytes are (twiggy, shallow, after wasm-bindgen, before wasm-opt; {total} B in all):")
    for label, counter, rows in (("crate", crates, 16), ("module", modules, 16)):
        for name, size in counter.most_common(rows):
            print(f"  {label:6} {size:8d} B {size / 1024:7.1f} KB  {name}")
    by_component(items, v0_names)


# Where an item's own path starts in a mangled name: after `_ZN` (legacy mangling), or in v0
# (`_R`) after the tags that open its nesting (N), its generic arguments (I) and the impl block
# it is in (M, X, with a disambiguator), down to its crate root (C, with its disambiguator).
# What follows is its crate and modules; a v0 name goes on to name other crates' items (the
# generic arguments, the type an impl is for, the trait), which a legacy name never does.
OWN_PATH = re.compile(r"_ZN|_R(?:N[A-Za-z]|[IMX]|s[0-9A-Za-z]*_)*C(?:s[0-9A-Za-z]*_)?")


def rule_matcher(rule: dict, failures: list[str], own_path: bool = False):
    """A size rule's symbol pattern as a test of one function name, held to its own examples
    first (a rule that matches nothing it names would pass whatever is linked) and to its
    counter-examples, if any. With own_path, the pattern must match where the name's own path
    starts (the function is code of that module), not anywhere in it."""
    pattern = re.compile(rule["symbol"])

    def matches(name: str) -> bool:
        if not own_path:
            return pattern.search(name) is not None
        start = OWN_PATH.match(name)
        return start is not None and pattern.match(name, start.end()) is not None

    for example in rule["examples"]:
        if not matches(example):
            failures.append(f"the rule for {rule['what']} does not match its own example {example}")
    for example in rule.get("not_examples", []):
        if matches(example):
            failures.append(f"the rule for {rule['what']} matches {example}, which it names as not its own")
    return matches


def main() -> int:
    only_print = "--print" in sys.argv[1:]
    budget = json.loads(BUDGET.read_text(encoding="utf-8"))
    failures = []

    if not (DIST / "index.html").is_file():
        print("size-gate: dist/ is not built: run scripts/build-page.sh", file=sys.stderr)
        return 2
    first = first_load_files()
    groups = {"first_load": first, "on_demand": on_demand_files(first)}
    for group, files in groups.items():
        total = served_gz = served_br = 0
        for path in files:
            data = path.read_bytes()
            size = gz(data)
            total += size
            # The copies scripts/build-page.sh writes beside it for hosts that serve them as they
            # are: NAME.gz (zopfli) and NAME.br (brotli 11).
            copy_gz, copy_br = (path.with_name(path.name + ext) for ext in (".gz", ".br"))
            if not copy_gz.is_file():
                failures.append(f"{copy_gz.relative_to(ROOT)} is missing: scripts/build-page.sh writes it")
            elif not unpacks_to(copy_gz, data):
                failures.append(f"{copy_gz.relative_to(ROOT)} does not decompress to {path.name} (changed or broken since scripts/build-page.sh wrote it)")
            served_gz += copy_gz.stat().st_size if copy_gz.is_file() else len(data)
            served_br += copy_br.stat().st_size if copy_br.is_file() else len(data)
            print(f"  {group:10} {path.name:44} {len(data):9d} B  {size:8d} B gzip")
        limit = budget[group]["gzip_bytes"]
        print(
            f"size-gate: {group}: {total} B gzip -9 = {total / 1024:.1f} KB (budget {limit} B = {limit / 1024:.1f} KB); "
            f"served as dist's copies (not judged): {served_gz} B = {served_gz / 1024:.1f} KB gzip (zopfli), "
            f"{served_br} B = {served_br / 1024:.1f} KB brotli"
        )
        if total > limit:
            failures.append(
                f"{group} weighs {total} B gzip, over its budget of {limit} B in size-budget.json "
                f"by {total - limit} B: find where the bytes went (scripts/bench-page.sh), or raise "
                "the budget in the same commit and say why"
            )

    if RAW_WASM.is_file():
        names = function_names(RAW_WASM.read_bytes())
        if not names:
            failures.append(f"{RAW_WASM.relative_to(ROOT)} has no name section: the linked-code rules cannot be checked")
        for rule in budget["not_linked"]:
            matches = rule_matcher(rule, failures)
            hits = [n for n in names if matches(n)]
            print(f"size-gate: not linked: {rule['what']}: {len(hits)} functions")
            if hits:
                failures.append(
                    f"the page links {rule['what']} ({rule['why']}): {len(hits)} functions, e.g. {hits[0]}"
                )
        # What the first visit's module must not carry: it is in a chunk of its own.
        split_main = SPLIT / "main_bg.wasm"
        if not split_main.is_file():
            failures.append(f"{split_main.relative_to(ROOT)} is missing: scripts/split-page.py writes it")
        else:
            first_names = function_names(split_main.read_bytes())
            for rule in budget["not_in_first_load"]:
                matches = rule_matcher(rule, failures, own_path=True)
                inside = [n for n in names if matches(n)]
                hits = [n for n in first_names if matches(n)]
                print(f"size-gate: not in the first load: {rule['what']}: {len(hits)} of {len(inside)} functions")
                if not inside:
                    failures.append(f"the rule for {rule['what']} matches nothing the page links: it would pass whatever moves")
                if hits:
                    failures.append(
                        f"the module a first visit loads carries {rule['what']} ({rule['why']}): {len(hits)} functions, e.g. {hits[0]}"
                    )
        where_the_bytes_are(RAW_WASM)
    else:
        failures.append(f"{RAW_WASM.relative_to(ROOT)} is missing: the release build writes it")

    if failures and not only_print:
        for f in failures:
            print(f"size-gate: FAILED: {f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
