//! What the import tests of refused texts share: the check that a text is refused with a
//! message containing what is expected, at the expected line and column.

use automl_rules::import::import;
use automl_rules::json;

/// `None` when `text` is refused as expected; else what went wrong, named by `guard`.
pub fn refusal_mismatch(
    guard: &str,
    text: &str,
    message: &str,
    line: usize,
    column: usize,
) -> Option<String> {
    match import(text) {
        Ok(node) => Some(format!("{guard}: imported {}", json::to_compact(&node))),
        Err(err) => {
            assert_eq!(
                json::line_col(text, err.offset),
                (err.line, err.column),
                "{guard}"
            );
            (!err.message.contains(message) || (err.line, err.column) != (line, column))
                .then(|| format!("{guard}: got {err}; want {message:?} at {line}:{column}"))
        }
    }
}

/// A table of refused texts: (guard, text, message, line, column), each refused as expected;
/// every mismatch is named in one failure.
pub fn assert_refusals(table: &[(&str, &str, &str, usize, usize)]) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|&(guard, text, message, line, column)| {
            refusal_mismatch(guard, text, message, line, column)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
