//! Java's `toString` of values, the way the service shows them in `Value '…' at …`.

use super::python::{scientific, with_point};
use super::text::{int_text, is_integer_text};
use super::write_repr;
use crate::json::Node;
use crate::number::{display_f32, parse_f64};

/// How the service renders a value in `Value '…' at …` (Java's `toString`).
pub fn render_java(node: &Node) -> String {
    let mut out = String::new();
    write_repr(&mut out, node, false);
    out
}

/// Java's rendering of a number: integers as written; other numbers as `Float.toString`
/// does (`0.5`, `2.0`, `1.0E-5`).
pub(crate) fn java_number(text: &str) -> String {
    if is_integer_text(text) {
        return int_text(text);
    }
    let Some(x) = parse_f64(text) else {
        return text.to_string();
    };
    let x = x as f32;
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    if !x.is_finite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    let fixed = display_f32(x);
    if (1e-3..1e7).contains(&x.abs()) {
        with_point(fixed)
    } else {
        let (mantissa, exp) = scientific(&fixed);
        format!("{}E{}", with_point(mantissa), i64::from(exp))
    }
}
