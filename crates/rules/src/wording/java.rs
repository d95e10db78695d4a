//! Java's `toString` of values, the way the service shows them in `Value '…' at …`.

use super::python::{scientific, with_point};
use super::text::{int_text, is_integer_text};
use super::write_repr;
use crate::json::Node;
use crate::number::{display_f32, parse_f32};

/// How the service renders a value in `Value '…' at …` (Java's `toString`).
pub fn render_java(node: &Node) -> String {
    let mut out = String::new();
    write_repr(&mut out, node, false);
    out
}

/// Java's rendering of a number: integers as written; other numbers as `Float.toString`
/// does (`0.5`, `2.0`, `1.0E-5`) for the text read as a Java `float` (rounded once to 32
/// bits: `1.0000001` is `1.0000001`, `3.5e38` is `Infinity`).
///
/// Which value the service quotes in `Value '…'` for a model `float` is not documented, and
/// no published example of its message for a float out of range was found (GitHub issues and
/// public pages searched for "failed to satisfy constraint: Member must have value less than
/// or equal to" with fractional values: only integer members and other services' own
/// wordings). We read it as the service's Java code would produce it: the member deserialized
/// into a `float`, the constraint checked on that, the value printed by `Float.toString`. So
/// a text is compared and quoted as the same 32-bit value, and no message can say a value
/// that reads as 1.0 is above 1: `1.00000001` meets `max` 1 and gets no clause at all.
pub(crate) fn java_number(text: &str) -> String {
    if is_integer_text(text) {
        return int_text(text);
    }
    // Read as the service reads a model `float`: rounded once to 32 bits.
    let Some(x) = parse_f32(text) else {
        return text.to_string();
    };
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
