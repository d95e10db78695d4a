//! Python's meaning of written values, as the reader needs it to decide conditions and build
//! strings as the program would: truthiness (The Python Language Reference 6.11, "Boolean
//! operations"), comparisons of written values (6.10), `str()` of a value, `str.format`
//! (The Python Standard Library, "Format String Syntax") and `%` formatting ("printf-style
//! String Formatting") for the conversions requests use (`{}`, `{0}`, `{name}`, `{:05d}`,
//! `%s`, `%d`, `%(name)s`, `%05d`). What they do not cover is `None`: the reader then leaves
//! the expression as a hole, never guessing.

use crate::json::{Node, Value};
use crate::number::parse_f64;

/// Python's `bool(v)`.
pub(super) fn truthy(v: &Value) -> Option<bool> {
    Some(match v {
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => parse_f64(n)? != 0.0,
        Value::Bool(b) => *b,
        Value::Null => false,
        Value::Array(items) => !items.is_empty(),
        Value::Object(members) => !members.is_empty(),
    })
}

/// A number as Python compares it (`True` is 1).
fn numeric(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => parse_f64(n),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// Python's `a == b` for written values.
fn equal(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return x == y;
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Null, Value::Null) => true,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| equal(&a.value, &b.value))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|m| {
                    y.iter()
                        .any(|n| n.key == m.key && equal(&m.value.value, &n.value.value))
                })
        }
        _ => false,
    }
}

/// `a op b` for a comparison operator (`==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `is`,
/// `is not`); `None` when Python would raise or the answer depends on identity.
pub(super) fn compare(op: &str, a: &Value, b: &Value) -> Option<bool> {
    match op {
        "==" => Some(equal(a, b)),
        "!=" => Some(!equal(a, b)),
        "is" | "is not" => {
            // Identity is known for None, True and False only.
            let same = match (a, b) {
                (Value::Null, Value::Null) => true,
                (Value::Bool(x), Value::Bool(y)) => x == y,
                (Value::Null | Value::Bool(_), _) | (_, Value::Null | Value::Bool(_)) => false,
                _ => return None,
            };
            Some(same == (op == "is"))
        }
        "in" | "not in" => {
            let found = match b {
                Value::String(s) => match a {
                    Value::String(part) => s.contains(part.as_str()),
                    _ => return None,
                },
                Value::Array(items) => items.iter().any(|n| equal(a, &n.value)),
                Value::Object(members) => match a {
                    Value::String(key) => members.iter().any(|m| &m.key == key),
                    _ => false,
                },
                _ => return None,
            };
            Some(found == (op == "in"))
        }
        _ => {
            let order = if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
                x.partial_cmp(&y)?
            } else if let (Value::String(x), Value::String(y)) = (a, b) {
                // Python compares strings by code point, as Rust's `str` order does.
                x.cmp(y)
            } else {
                return None;
            };
            Some(match op {
                "<" => order.is_lt(),
                "<=" => order.is_le(),
                ">" => order.is_gt(),
                ">=" => order.is_ge(),
                _ => return None,
            })
        }
    }
}

/// Python's `str(v)` for a scalar (a number is kept as written by the reader, which is
/// Python's `repr()` of it).
pub(super) fn py_str(v: &Value) -> Option<String> {
    Some(match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.clone(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Null => "None".to_string(),
        _ => return None,
    })
}

/// `v` formatted with a format spec of the forms requests use: empty, `s`, `d`, a width
/// (`5`, `05`, `<5`, `>5`), with `s` or `d`. A hole (`hole`) is kept as its marker.
fn format_spec(v: &Value, spec: &str, hole: bool) -> Option<String> {
    if hole {
        return py_str(v);
    }
    let (body, kind) = match spec.as_bytes().last() {
        Some(b's') => (&spec[..spec.len() - 1], Some('s')),
        Some(b'd') => (&spec[..spec.len() - 1], Some('d')),
        _ => (spec, None),
    };
    let text = match (kind, v) {
        (Some('s'), Value::String(s)) => s.clone(),
        (Some('s'), _) => return None,
        (Some('d'), Value::Number(n)) if !n.contains(['.', 'e', 'E']) => n.clone(),
        (Some('d'), _) => return None,
        _ => py_str(v)?,
    };
    if body.is_empty() {
        return Some(text);
    }
    let (align, width) = match body.as_bytes()[0] {
        b'<' | b'>' => (Some(body.as_bytes()[0]), &body[1..]),
        _ => (None, body),
    };
    let zero = align.is_none() && width.starts_with('0') && width.len() > 1;
    let width: usize = width.parse().ok().filter(|w| *w <= 1000)?;
    let len = text.chars().count();
    if len >= width {
        return Some(text);
    }
    let pad = width - len;
    let numeric = matches!(v, Value::Number(_));
    Some(match (align, zero) {
        (_, true) => match text.strip_prefix('-') {
            Some(digits) => format!("-{}{digits}", "0".repeat(pad)),
            None => format!("{}{text}", "0".repeat(pad)),
        },
        (Some(b'<'), _) => format!("{text}{}", " ".repeat(pad)),
        (Some(b'>'), _) => format!("{}{text}", " ".repeat(pad)),
        _ if numeric => format!("{}{text}", " ".repeat(pad)),
        _ => format!("{text}{}", " ".repeat(pad)),
    })
}

/// An argument of a formatting operation: its value, and whether it is (or holds) a hole.
pub(super) type Argument = (Node, bool);

/// `template.format(*positional, **keywords)`; `None` for what it does not cover.
pub(super) fn str_format(
    template: &str,
    positional: &[Argument],
    keywords: &[(String, Argument)],
) -> Option<String> {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    let mut next = 0usize;
    let mut numbered = false;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return None,
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        '{' => return None,
                        c => field.push(c),
                    }
                }
                let (name, spec) = match field.split_once(':') {
                    Some((n, s)) => (n, s),
                    None => (field.as_str(), ""),
                };
                if name.contains(['!', '.', '[']) {
                    return None;
                }
                let arg = if name.is_empty() {
                    if numbered {
                        return None;
                    }
                    next += 1;
                    positional.get(next - 1)?
                } else if let Ok(n) = name.parse::<usize>() {
                    numbered = true;
                    positional.get(n)?
                } else {
                    &keywords.iter().find(|(k, _)| k == name)?.1
                };
                out.push_str(&format_spec(&arg.0.value, spec, arg.1)?);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// `template % args`: `args` a tuple's items, one value, or a dict for `%(name)s`; `None` for
/// what it does not cover.
pub(super) fn percent_format(
    template: &str,
    items: &[Argument],
    mapping: Option<&[(String, Argument)]>,
) -> Option<String> {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    let mut next = 0usize;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let arg = if chars.peek() == Some(&'(') {
            chars.next();
            let mut key = String::new();
            loop {
                match chars.next()? {
                    ')' => break,
                    c => key.push(c),
                }
            }
            &mapping?.iter().find(|(k, _)| *k == key)?.1
        } else {
            if mapping.is_some() {
                return None;
            }
            next += 1;
            items.get(next - 1)?
        };
        let mut spec = String::new();
        loop {
            let c = chars.next()?;
            match c {
                '0'..='9' | '-' => spec.push(c),
                's' | 'd' | 'i' => {
                    let kind = if c == 's' { 's' } else { 'd' };
                    let spec = match spec.strip_prefix('-') {
                        Some(width) => format!("<{width}{kind}"),
                        None if spec.starts_with('0') => format!("{spec}{kind}"),
                        None if spec.is_empty() => kind.to_string(),
                        None => format!(">{spec}{kind}"),
                    };
                    let value = if kind == 's' && !arg.1 {
                        Value::String(py_str(&arg.0.value)?)
                    } else {
                        arg.0.value.clone()
                    };
                    out.push_str(&format_spec(&value, &spec, arg.1)?);
                    break;
                }
                _ => return None,
            }
        }
    }
    if mapping.is_none() && next != items.len() {
        // Python's "not all arguments converted".
        return None;
    }
    Some(out)
}
