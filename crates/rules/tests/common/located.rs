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
