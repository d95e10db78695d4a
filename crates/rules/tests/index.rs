//! The fixture index (`fixture_index.rs`, compiled into the browser test) lists every fixture
//! on disk and gives the same findings as the files. Kept apart from `fixtures.rs` so that a
//! stale index never stops `UPDATE_FIXTURES=1 cargo test --test it fixtures::` from rewriting it.

use automl_rules::check_text_for;
use automl_rules::diag::snapshot;

mod common;
mod fixture_index;

#[test]
fn the_index_lists_every_fixture() {
    let listed: Vec<&str> = fixture_index::CASES.iter().map(|c| c.0).collect();
    assert_eq!(
        listed,
        common::names_on_disk(),
        "run UPDATE_FIXTURES=1 cargo test -p automl-rules --test it fixtures::"
    );
    for (name, text, expected) in fixture_index::CASES {
        assert_eq!(
            snapshot(&check_text_for(common::operation_for(name), text).diagnostics),
            *expected,
            "{name} through the index"
        );
    }
}
