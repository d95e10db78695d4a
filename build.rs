//! The release page's split build: with `AUTOML_SPLIT=1` in the environment (scripts/build-page.sh
//! sets it for trunk), the page is compiled with its wasm-split points (`cfg(automl_split)`,
//! src/components/data_check/mod.rs) and linked with the relocations wasm-split reads
//! (`--emit-relocs`, this package's binary only: the data worker and the dependencies are built
//! as always, and their compiled artifacts stay shared with every other build).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(automl_split)");
    println!("cargo::rerun-if-env-changed=AUTOML_SPLIT");
    if std::env::var("AUTOML_SPLIT").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=automl_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
