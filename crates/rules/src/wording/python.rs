//! Python's `repr` of values, the way boto3 and the AWS CLI show them back.

use super::text::is_integer_text;
use super::write_repr;
use crate::json::{Node, Value};
use crate::number::display_f64;
use crate::{json, pattern};

/// Python's `repr` of a float: the shortest digits that read back the same, in fixed notation
/// for exponents from -4 to 15, else as `1e+16` or `1.5e-07`. For the whole crate: a `{:e}`
/// anywhere links another float formatter into the page.
pub(crate) fn python_float(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // The crate's own `Display` digits: `{:e}` would link a second formatter for them.
    let fixed = display_f64(x);
    let (mantissa, exp) = scientific(&fixed);
    if (-4..16).contains(&exp) {
        with_point(fixed)
    } else {
        format!(
            "{mantissa}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            i64::from(exp.unsigned_abs())
        )
    }
}

/// A float's `Display` text (`-0.00125`, `1500`) as `{:e}` would write it: the mantissa
/// (`-1.25`, `1.5`, `7`) and the exponent (`-3`, `3`, `0`). The digits are the same shortest
/// ones either way. `fixed` is finite and not zero.
pub(super) fn scientific(fixed: &str) -> (String, i32) {
    let (sign, unsigned) = match fixed.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", fixed),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    let exp = int.len() as i32 - (all.len() - digits.len()) as i32 - 1;
    let digits = digits.trim_end_matches('0');
    let (first, rest) = digits.split_at(1);
    let mantissa = if rest.is_empty() {
        format!("{sign}{first}")
    } else {
        format!("{sign}{first}.{rest}")
    };
    (mantissa, exp)
}

/// A number's text with `.0` added when it has no decimal point.
pub(crate) fn with_point(mut text: String) -> String {
    if !text.contains('.') {
        text.push_str(".0");
    }
    text
}

/// Whether Python's `str.isprintable` is false for a character, so `repr` escapes it:
/// control and format characters, separators other than the space, surrogates and private
/// use.
pub(crate) fn python_escapes(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || (c != ' ' && pattern::is_separator(c))
        || matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
            | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
            | 0x110BD | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
            | 0xE000..=0xF8FF | 0xF0000..)
}

/// How Python's `str()` shows a value that came from `json.loads`.
pub(crate) fn python_str(node: &Node) -> String {
    match &node.value {
        Value::String(s) => s.clone(),
        _ => python_repr(node),
    }
}

pub(crate) fn python_repr(node: &Node) -> String {
    let mut out = String::new();
    write_repr(&mut out, node, true);
    out
}

/// Python's `repr` of a string.
pub(super) fn python_string(out: &mut String, s: &str) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if python_escapes(c) => {
                let (escape, digits) = match c as u32 {
                    0..=0xFF => ("\\x", 2),
                    0x100..=0xFFFF => ("\\u", 4),
                    _ => ("\\U", 8),
                };
                out.push_str(escape);
                json::push_hex(out, c as u32, digits, false);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

pub(crate) fn python_type(node: &Node) -> &'static str {
    match &node.value {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(text) if is_integer_text(text) => "<class 'int'>",
        Value::Number(_) => "<class 'float'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}
