//! Small text helpers for messages: numbers without a needless fraction, a character named
//! in words, a long value shortened.

use crate::json;
use crate::number::{display_f64, i128_text};

pub(crate) fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        display_f64(x)
    }
}

pub(crate) fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\n' => "a line break".to_string(),
        '\t' => "a tab".to_string(),
        '\'' => "an apostrophe (')".to_string(),
        '"' => "a double quote (\")".to_string(),
        c if c.is_control() => json::control_character(c),
        c => format!("'{c}'"),
    }
}

pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Whether a JSON number's text is an integer to Python's `json` module (no fraction, no
/// exponent).
pub(crate) fn is_integer_text(text: &str) -> bool {
    !text.contains(['.', 'e', 'E'])
}

/// An integer's text as Python and Java print the number (`-0` is `0`, no leading `+`).
pub(crate) fn int_text(text: &str) -> String {
    i128_text(text).unwrap_or_else(|| text.to_string())
}
