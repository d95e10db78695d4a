//! The rules behave identically in the page and in the native checker: the fixture table of
//! `crates/rules` (`tests/fixture_index.rs`, the same files the native test reads) is checked
//! here by the rules compiled to WebAssembly, in headless Chromium, and every snapshot must
//! equal the expected one to the letter.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../crates/rules/tests/fixture_index.rs"]
mod fixture_index;

#[wasm_bindgen_test]
fn every_fixture_gives_the_same_findings_in_the_browser() {
    assert!(
        fixture_index::CASES.len() >= 50,
        "the fixture index looks empty"
    );
    let mut failures = Vec::new();
    for (name, text, expected) in fixture_index::CASES {
        // `v2-` fixtures are CreateAutoMLJobV2 requests (`crates/rules/tests/common/mod.rs`).
        let op = if name.starts_with("v2-") {
            &automl_rules::CREATE_AUTO_ML_JOB_V2
        } else {
            &automl_rules::CREATE_AUTO_ML_JOB
        };
        let actual =
            automl_rules::diag::snapshot(&automl_rules::check_text_for(op, text).diagnostics);
        if actual != *expected {
            failures.push(format!(
                "--- {name}: expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
