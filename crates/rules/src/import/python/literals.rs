//! Python's number and string literals, as the reader and the shorthand read them: ints
//! exactly, floats written as `repr()` writes them, string escapes and prefixes.

use super::reader::Reader;
use super::tokens::{name_continue, name_start};
use crate::import::shorthand::ascii_space;
use crate::import::{error, ImportError};
use crate::json::Value;
use crate::wording::python::python_float;

impl Reader<'_, '_> {
    /// The JSON number botocore sends for the number literal at `at` (a sign before it is an
    /// operator: see `unary`).
    pub(super) fn number(&self, at: usize) -> Result<Value, ImportError> {
        let literal = self.t.text_of(at);
        let lower = literal.to_ascii_lowercase();
        if lower.ends_with('j') && !lower.starts_with("0x") {
            return Err(self.fail(at, "an imaginary number cannot be sent: write a real one"));
        }
        let radix = match lower.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        let bad = || self.fail(at, &format!("'{literal}' is not a Python number"));
        if radix != 10 {
            let digits = lower[2..].strip_prefix('_').unwrap_or(&lower[2..]);
            let mut n: u64 = 0;
            let mut last_underscore = true;
            for c in digits.chars() {
                if c == '_' {
                    if last_underscore {
                        return Err(bad());
                    }
                    last_underscore = true;
                    continue;
                }
                let d = c.to_digit(radix).ok_or_else(bad)?;
                n = n
                    .checked_mul(u64::from(radix))
                    .and_then(|n| n.checked_add(u64::from(d)))
                    .ok_or_else(|| self.fail(at, "this number is far too large for any member"))?;
                last_underscore = false;
            }
            if last_underscore {
                return Err(bad());
            }
            return Ok(Value::Number(n.to_string()));
        }
        if lower.contains(['.', 'e']) {
            return match py_float(literal) {
                Some(value @ Value::Number(_)) => Ok(value),
                Some(_) => Err(self.fail(
                    at,
                    "this number is beyond a float's range: botocore would send Infinity, which no member takes",
                )),
                None => Err(bad()),
            };
        }
        let (len, count) = py_digits(literal.as_bytes());
        if count == 0 || len != literal.len() {
            return Err(bad());
        }
        let digits: String = literal.chars().filter(|c| *c != '_').collect();
        let trimmed = digits.trim_start_matches('0');
        if trimmed.is_empty() {
            return Ok(Value::Number("0".to_string()));
        }
        if digits.starts_with('0') {
            return Err(self.fail(
                at,
                &format!("Python does not allow leading zeros in a number: write {trimmed}"),
            ));
        }
        Ok(Value::Number(trimmed.to_string()))
    }

    /// Appends the text of the string literal at `at` to `out`.
    pub(super) fn string(&mut self, at: usize, out: &mut String) -> Result<(), ImportError> {
        let t = self.t;
        let token = t.list[at];
        let literal = t.text_of(at);
        let quote_at = literal.find(['\'', '"']).unwrap_or(0);
        let prefix = literal[..quote_at].to_ascii_lowercase();
        if prefix.contains('b') {
            return Err(self.fail(
                at,
                "a bytes literal (b'…') is not a string: botocore refuses it; write the text without the b",
            ));
        }
        let raw = prefix.contains('r');
        let format = prefix.contains('f');
        let q = literal.as_bytes()[quote_at];
        let triple =
            literal.as_bytes()[quote_at..].starts_with(&[q, q, q]) && literal.len() >= quote_at + 6;
        let open = quote_at + if triple { 3 } else { 1 };
        let body = &literal[open..literal.len() - (open - quote_at)];
        let base = token.start + open;
        let mut chars = body.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            match c {
                '\\' if !raw => {
                    let Some((_, e)) = chars.next() else {
                        out.push('\\');
                        break;
                    };
                    let hex = |n: usize,
                               chars: &mut std::iter::Peekable<std::str::CharIndices>|
                     -> Option<u32> {
                        let mut v = 0;
                        for _ in 0..n {
                            let (_, d) = chars.next()?;
                            v = v * 16 + d.to_digit(16)?;
                        }
                        Some(v)
                    };
                    let code = match e {
                        '\n' => continue,
                        '\r' => {
                            if chars.peek().is_some_and(|&(_, c)| c == '\n') {
                                chars.next();
                            }
                            continue;
                        }
                        '\\' | '\'' | '"' => e as u32,
                        'a' => 7,
                        'b' => 8,
                        'f' => 12,
                        'n' => 10,
                        'r' => 13,
                        't' => 9,
                        'v' => 11,
                        '0'..='7' => {
                            let mut v = e as u32 - '0' as u32;
                            for _ in 0..2 {
                                match chars.peek() {
                                    Some(&(_, d @ '0'..='7')) => {
                                        v = v * 8 + (d as u32 - '0' as u32);
                                        chars.next();
                                    }
                                    _ => break,
                                }
                            }
                            v
                        }
                        'x' | 'u' | 'U' => {
                            let n = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            hex(n, &mut chars).ok_or_else(|| {
                                error(
                                    t.text,
                                    base + k,
                                    &format!("\\{e} needs {n} hexadecimal digits (Python's SyntaxError)"),
                                )
                            })?
                        }
                        'N' => {
                            return Err(error(
                                t.text,
                                base + k,
                                "import does not read \\N{…} character names: write the character itself",
                            ))
                        }
                        _ => {
                            // Python keeps an unknown escape as it is.
                            out.push('\\');
                            out.push(e);
                            continue;
                        }
                    };
                    match char::from_u32(code) {
                        Some(c) => out.push(c),
                        None => {
                            return Err(error(
                                t.text,
                                base + k,
                                "this escape is not a character that can be sent (a lone surrogate or beyond U+10FFFF): write the character itself",
                            ))
                        }
                    }
                }
                '\\' => {
                    // A raw string keeps its backslashes, and the character after one.
                    out.push('\\');
                    if let Some((_, e)) = chars.next() {
                        out.push(e);
                    }
                }
                '{' | '}' if format => {
                    if chars.peek().is_some_and(|&(_, d)| d == c) {
                        chars.next();
                        out.push(c);
                        continue;
                    }
                    if c == '}' {
                        return Err(error(
                            t.text,
                            base + k,
                            "a single '}' in an f-string is Python's SyntaxError: write '}}'",
                        ));
                    }
                    let rest = &body[k + 1..];
                    let close = rest.find('}').ok_or_else(|| {
                        error(
                            t.text,
                            base + k,
                            "this f-string field is not closed with '}'",
                        )
                    })?;
                    let field = rest[..close].trim();
                    let simple = field.chars().next().is_some_and(name_start)
                        && field.chars().all(name_continue);
                    let node = if simple {
                        self.resolve(field, at, base + k)?
                    } else {
                        // An expression (`{b.upper()}`, `{n:03d}`): a hole, as written.
                        let span = crate::json::Span {
                            start: base + k,
                            end: base + k + close + 2,
                        };
                        self.hole_at(span, field.to_string(), super::reader::Why::Runs)
                    };
                    match node.value {
                        Value::String(s) => out.push_str(&s),
                        Value::Number(n) => out.push_str(&n),
                        Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
                        Value::Null => out.push_str("None"),
                        _ => {
                            return Err(error(
                                t.text,
                                base + k,
                                &format!("{{{field}}} is not set to a string or a number: write the text it makes"),
                            ))
                        }
                    }
                    // Past the field and its closing brace.
                    while chars.peek().is_some_and(|&(j, _)| j <= k + close + 1) {
                        chars.next();
                    }
                }
                // Python reads source lines with universal newlines: a CRLF or CR in a
                // triple-quoted string is a line feed.
                '\r' => {
                    if chars.peek().is_some_and(|&(_, d)| d == '\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
                _ => out.push(c),
            }
        }
        Ok(())
    }
}

/// The first code point of each run of ten Unicode decimal digits beyond ASCII (Python 3.11's
/// `unicodedata.decimal`, Unicode 14), which Python's `int()` and `float()` accept.
const DIGIT_ZEROS: [u32; 65] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// What Python's `int()` and `float()` parse: non-ASCII spaces and digits made ASCII (other
/// non-ASCII refuses), then ASCII whitespace stripped.
fn py_number_text(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c.is_whitespace() {
            out.push(' ');
        } else {
            let zero = DIGIT_ZEROS
                .iter()
                .find(|&&z| (z..z + 10).contains(&(c as u32)))?;
            out.push(char::from(b'0' + (c as u32 - zero) as u8));
        }
    }
    Some(out.trim_matches(ascii_space).to_string())
}

/// Digits with single underscores between them, from the start of `s`: (length, digits).
fn py_digits(s: &[u8]) -> (usize, usize) {
    let mut i = 0;
    let mut digits = 0;
    while i < s.len() {
        if s[i].is_ascii_digit() {
            digits += 1;
            i += 1;
        } else if s[i] == b'_'
            && digits > 0
            && s[i - 1].is_ascii_digit()
            && s.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
        } else {
            break;
        }
    }
    (i, digits)
}

/// Python's `int(s)` as JSON text (at most 4300 digits, Python's limit).
pub(crate) fn py_int(s: &str) -> Option<String> {
    let t = py_number_text(s)?;
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, &t[..]),
    };
    let (len, digits) = py_digits(body.as_bytes());
    if digits == 0 || digits > 4300 || len != body.len() {
        return None;
    }
    let digits: String = body.chars().filter(|c| *c != '_').collect();
    let digits = digits.trim_start_matches('0');
    Some(match (digits.is_empty(), negative) {
        (true, _) => "0".to_string(),
        (false, true) => format!("-{digits}"),
        (false, false) => digits.to_string(),
    })
}

/// Python's `float(s)`, as botocore puts it in the body: `repr()` of the float, or the strings
/// `NaN`, `Infinity` and `-Infinity`. Up to 15 significant digits in the normal range, these
/// are exactly `repr()`'s shortest digits, worked out on the decimal digits; longer or
/// subnormal values are read as an `f64` and written with its shortest digits.
pub(crate) fn py_float(s: &str) -> Option<Value> {
    let t = py_number_text(s)?;
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, &t[..]),
    };
    let sign = if negative { "-" } else { "" };
    let special = |v: &str| {
        Some(Value::String(format!(
            "{}{v}",
            if v == "NaN" { "" } else { sign }
        )))
    };
    match body.to_ascii_lowercase().as_str() {
        "nan" => return special("NaN"),
        "inf" | "infinity" => return special("Infinity"),
        _ => {}
    }
    // digitpart ["." [digitpart]] | "." digitpart, then [e [sign] digitpart]
    let b = body.as_bytes();
    let (int_len, int_count) = py_digits(b);
    let mut i = int_len;
    let mut frac = (i, i);
    if b.get(i) == Some(&b'.') {
        let (len, _) = py_digits(&b[i + 1..]);
        frac = (i + 1, i + 1 + len);
        i += 1 + len;
    }
    if int_count == 0 && frac.0 == frac.1 {
        return None;
    }
    let mut exp: i64 = 0;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let minus = b.get(i) == Some(&b'-');
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (len, count) = py_digits(&b[i..]);
        if count == 0 {
            return None;
        }
        for d in b[i..i + len].iter().filter(|d| d.is_ascii_digit()) {
            exp = (exp * 10 + i64::from(d - b'0')).min(1 << 40);
        }
        if minus {
            exp = -exp;
        }
        i += len;
    }
    if i != b.len() {
        return None;
    }
    let digits_of = |range: &[u8]| -> String {
        range
            .iter()
            .filter(|d| d.is_ascii_digit())
            .map(|&d| char::from(d))
            .collect()
    };
    let int = digits_of(&b[..int_len]);
    let all = int.clone() + &digits_of(&b[frac.0..frac.1]);
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all[lead..].trim_end_matches('0');
    // The value is 0.DIGITS times ten to the power `point`.
    let point = int.len() as i64 - lead as i64 + exp;
    // Where Python's float() overflows (from 2^1024 - 2^970) and underflows to zero (up to
    // 2^-1075), as the first 50 digits of those bounds.
    const OVERFLOW: &str = "17976931348623158079372897140530341507993413271003";
    const UNDERFLOW: &str = "24703282292062327208828439643411068618252990130716";
    if point > 309 || (point == 309 && digits >= OVERFLOW) {
        return special("Infinity");
    }
    if digits.is_empty() || point < -323 || (point == -323 && digits <= UNDERFLOW) {
        return Some(Value::Number(format!("{sign}0.0")));
    }
    if digits.len() <= 15 && point > -307 {
        return Some(Value::Number(float_text(sign, digits, point)));
    }
    let value = crate::number::parse_f64(&format!("{sign}0.{digits}e{point}"))?;
    Some(Value::Number(python_float(value)))
}

/// A float as Python's `repr()` writes it, from its digits (no leading or trailing zeros) and
/// the power of ten `point` of 0.DIGITS: positional from 1e-4 up to 1e16 (with `.0` when
/// whole), else as `1.5e-07` or `1e+16`.
fn float_text(sign: &str, digits: &str, point: i64) -> String {
    let n = digits.len() as i64;
    if point > -4 && point <= 16 {
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point >= n {
            format!("{sign}{digits}{}.0", "0".repeat((point - n) as usize))
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let exp = point - 1;
        let exp_sign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{exp_sign}{:02}", exp.abs())
    }
}
