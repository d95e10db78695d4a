//! The fixture index (`fixture_index.rs`, compiled into the browser test) lists every fixture
//! on disk and gives the same findings as the files. Kept apart from `fixtures.rs` so that a
//! stale index never stops `UPDATE_FIXTURES=1 cargo test --test fixtures` from rewriting it.

use std::path::Path;

use automl_rules::check_text;
use automl_rules::diag::snapshot;

mod fixture_index;

#[test]
fn the_index_lists_every_fixture() {
    let listed: Vec<&str> = fixture_index::CASES.iter().map(|c| c.0).collect();
    assert_eq!(
        listed,
        names_on_disk(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures"
        ))),
        "run UPDATE_FIXTURES=1 cargo test -p automl-rules --test fixtures"
    );
    for (name, text, expected) in fixture_index::CASES {
        assert_eq!(
            snapshot(&check_text(text).diagnostics),
            *expected,
            "{name} through the index"
        );
    }
}

fn names_on_disk(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}
