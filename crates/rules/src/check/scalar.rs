//! One scalar or list against its shape: the type (with the AWS CLI's and boto3's readings
//! of numbers and durations), length, count, range, enum and pattern, each into a typed
//! failure the walker turns into a finding.

use super::explain::{pattern_explanation, pattern_too_long_explanation};
use super::{Failure, Place};
use crate::json::{Node, Value};
use crate::model::{Kind, Shape};
use crate::number::{parse_f32, parse_f64, parse_i64};
use crate::pattern;
use crate::wording::python::{python_str, python_type};
use crate::wording::text::{fmt_num, int_text, is_integer_text, shorten};

/// The JSON type a shape wants, for messages.
fn wanted(shape: &Shape) -> &'static str {
    match shape.kind {
        Kind::Structure { .. } | Kind::Map { .. } => "an object",
        Kind::List { .. } => "an array",
        Kind::String { .. } => "a string",
        Kind::Integer { .. } => "a whole number",
        Kind::Float { .. } => "a number",
        Kind::Boolean => "true or false",
    }
}

/// botocore's "valid types" for a shape.
fn python_types(shape: &Shape) -> &'static str {
    match shape.kind {
        Kind::Structure { .. } | Kind::Map { .. } => "<class 'dict'>",
        Kind::List { .. } => "<class 'list'>, <class 'tuple'>",
        Kind::String { .. } => "<class 'str'>",
        Kind::Integer { .. } => "<class 'int'>",
        Kind::Float { .. } => "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
        Kind::Boolean => "<class 'bool'>",
    }
}

pub(super) fn type_failure(node: &Node, shape: &Shape, place: &Place) -> Option<Failure> {
    let ok = match (&shape.kind, &node.value) {
        (Kind::Structure { .. } | Kind::Map { .. }, Value::Object(_)) => true,
        (Kind::List { .. }, Value::Array(_)) => true,
        (Kind::String { .. }, Value::String(_)) => true,
        (Kind::Integer { .. }, Value::Number(text)) => is_integer_text(text),
        (Kind::Float { .. }, Value::Number(_)) => true,
        (Kind::Boolean, Value::Bool(_)) => true,
        _ => false,
    };
    if ok {
        return None;
    }
    let found = match &node.value {
        Value::Number(text) if !is_integer_text(text) => {
            format!("the number {text}, which has a fraction or an exponent")
        }
        Value::Number(text) => format!("the number {text}"),
        Value::String(s) => format!("the string \"{}\"", shorten(s, 40)),
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    let mut message = format!("{} must be {}, not {found}", name_of(place), wanted(shape));
    match (&shape.kind, &node.value) {
        (Kind::Integer { min, max }, Value::Number(text)) => {
            message = integer_as_float_message(name_of(place), text, *min, *max)
        }
        (Kind::Integer { .. } | Kind::Float { .. }, Value::String(s))
            if parse_f64(s.trim()).is_some() =>
        {
            message.push_str(": remove the quotes")
        }
        (Kind::Boolean, Value::String(s))
            if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") =>
        {
            message.push_str(": remove the quotes")
        }
        (_, Value::Null) => message.push_str(": leave the member out instead"),
        _ => {}
    }
    // "4h" in a member in seconds: what it comes to.
    if let (Kind::Integer { min, max }, Value::String(s)) = (&shape.kind, &node.value) {
        if let Some(seconds) =
            duration_in_seconds(s).filter(|_| name_of(place).ends_with("InSeconds"))
        {
            message = duration_message(name_of(place), s, seconds, *min, *max);
        }
    }
    let cli = match (&shape.kind, &node.value) {
        // Python's bool is an int, so botocore lets true and false through as numbers and
        // only applies the minimum (false is 0); the service then refuses the boolean.
        (Kind::Integer { min: Some(min), .. }, Value::Bool(false)) if *min > 0 => Some(format!(
            "Invalid value for parameter {}, value: False, valid min value: {min}",
            place.cli
        )),
        (Kind::Integer { .. } | Kind::Float { .. }, Value::Bool(_)) => None,
        _ => Some(format!(
            "Invalid type for parameter {}, value: {}, type: {}, valid types: {}",
            place.cli,
            python_str(node),
            python_type(node),
            python_types(shape)
        )),
    };
    Some(Failure {
        code: "type",
        message,
        constraint: String::new(),
        cli,
    })
}

/// The message for an integer written with a decimal point or an exponent (`5.0`, `1e3`),
/// which the AWS CLI reads as a float and refuses: how to write it, and, so that one round
/// trip suffices, the range it must also be in. Out of range, the range leads, so the
/// message never recommends a value that is refused in turn.
pub(super) fn integer_as_float_message(
    name: &str,
    text: &str,
    min: Option<i64>,
    max: Option<i64>,
) -> String {
    const I32: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);
    let whole = whole_number_text(text);
    let value = parse_f64(text).unwrap_or(f64::NAN);
    let out_of_range = if let Some(max) = max.filter(|&max| value > max as f64) {
        Some(format!("above the maximum {max}"))
    } else if let Some(min) = min.filter(|&min| value < min as f64) {
        Some(format!("below the minimum {min}"))
    } else if !(I32.0 as f64..=I32.1 as f64).contains(&value) {
        Some("outside the 32-bit integer range".to_string())
    } else {
        None
    };
    if let Some(why) = out_of_range {
        let shown = match &whole {
            Some(whole) => format!("{text} ({whole})"),
            None => text.to_string(),
        };
        let (lo, hi) = (min.unwrap_or(I32.0), max.unwrap_or(I32.1));
        return format!(
            "{name} is {shown}, {why}; write a whole number from {lo} to {hi} without an exponent or decimal point"
        );
    }
    match whole {
        Some(whole) => format!(
            "{name} is {text}: write it as {whole}, since the AWS CLI rejects an integer written with an exponent or a decimal point"
        ),
        None if value.is_finite() => format!("{name} must be a whole number, not {text}"),
        None => format!(
            "{name} is {text}: the AWS CLI rejects an integer written with an exponent or a decimal point"
        ),
    }
}

/// What a duration written with units comes to in seconds: the whole seconds and the
/// billionths of a second left over (`0.5s` is `(0, 500_000_000)`); `None` for any text
/// that is not one. One reading, for the rules' messages and the page's "Use 14400" button.
///
/// Accepted, case-insensitive, with white space around it allowed:
/// - one or more parts, each a number and a unit, with or without white space between
///   them and between parts: `4h`, `90 m`, `1h30m`, `1h 30m`, `1 hour 30 minutes`;
/// - a number is decimal digits, with a fraction if any: `4`, `1.5` (at most 18 digits
///   before the point and 9 after it; not `.5`, `5.`, `-4` or `1e3`);
/// - a unit is one of `d` `day` `days` (86400 s), `h` `hr` `hrs` `hour` `hours` (3600 s),
///   `m` `min` `mins` `minute` `minutes` (60 s), `s` `sec` `secs` `second` `seconds`;
/// - each unit at most once, larger units first (`30m 1h` and `1h 1h` are not read).
///
/// A bare number (`14400`) is not a duration: it has no unit. A total beyond `u64::MAX`
/// seconds is not read either.
pub fn duration_in_seconds(text: &str) -> Option<(u64, u32)> {
    const BILLION: u64 = 1_000_000_000;
    let mut rest = text.trim();
    if rest.is_empty() {
        return None;
    }
    let (mut seconds, mut billionths) = (0u64, 0u64);
    // The size of the last unit read: each must be smaller than the one before.
    let mut last = u64::MAX;
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(end);
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let pointed = number.contains('.');
        if whole.is_empty()
            || whole.len() > 18
            || fraction.len() > 9
            || fraction.contains('.')
            || (pointed && fraction.is_empty())
        {
            return None;
        }
        let after = after.trim_start();
        let letters = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let size = match after[..letters].to_ascii_lowercase().as_str() {
            "d" | "day" | "days" => 86_400,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3_600,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            _ => return None,
        };
        if size >= last {
            return None;
        }
        last = size;
        let whole: u64 = whole.parse().ok()?;
        // The fraction in billionths: "5" is 500_000_000.
        let fraction = fraction
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(9)
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        billionths += fraction * size;
        seconds = whole
            .checked_mul(size)?
            .checked_add(seconds)?
            .checked_add(billionths / BILLION)?;
        billionths %= BILLION;
        rest = after[letters..].trim_start();
    }
    Some((seconds, billionths as u32))
}

/// The message for a duration written with units (`"4h"`) in a member in seconds, which
/// must be a plain whole number: what it comes to and what to write instead, or, when that
/// is not a whole number or out of the member's range, so.
pub(super) fn duration_message(
    name: &str,
    text: &str,
    (seconds, billionths): (u64, u32),
    min: Option<i64>,
    max: Option<i64>,
) -> String {
    let (lo, hi) = integer_bounds(min, max);
    let shown = shorten(text.trim(), 40);
    let instead = format!("write a whole number of seconds from {lo} to {hi}");
    if billionths != 0 {
        let fraction = format!("{billionths:09}");
        return format!(
            "{name} is in seconds: {shown} is {seconds}.{}, not a whole number — {instead}",
            fraction.trim_end_matches('0')
        );
    }
    let why = if u64::try_from(hi).map_or(true, |hi| seconds > hi) {
        match max {
            Some(max) => format!("above the maximum {max}"),
            None => "outside the 32-bit integer range".to_string(),
        }
    } else if (seconds as i64) < lo {
        format!("below the minimum {lo}")
    } else {
        return format!("{name} is in seconds: {shown} is {seconds} — write {seconds}");
    };
    format!("{name} is in seconds: {shown} is {seconds}, {why} — {instead}")
}

/// The whole number of seconds to write instead of `text` in a member of `shape`, when
/// `text` reads as a duration ([`duration_in_seconds`]) that comes to a whole number
/// within the member's range.
pub fn seconds_to_write(shape: &Shape, text: &str) -> Option<u64> {
    let Kind::Integer { min, max } = shape.kind else {
        return None;
    };
    let (lo, hi) = integer_bounds(min, max);
    match duration_in_seconds(text)? {
        (seconds, 0) if (lo.max(0) as u64..=hi.max(0) as u64).contains(&seconds) => Some(seconds),
        _ => None,
    }
}

/// An integer member's bounds, within the 32-bit integers the service reads.
fn integer_bounds(min: Option<i64>, max: Option<i64>) -> (i64, i64) {
    (
        min.unwrap_or(i32::MIN as i64),
        max.unwrap_or(i32::MAX as i64),
    )
}

/// A JSON number's text (`1e3`, `5.0`, `-2.50e1`) as a plain integer (`1000`, `5`, `-25`)
/// when its value is whole and has at most 30 digits, worked out on the decimal digits.
pub(super) fn whole_number_text(text: &str) -> Option<String> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e)),
        None => (unsigned, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Some("0".to_string());
    }
    // Where the decimal point falls in `significant`; exponents too long for an i64 are no
    // integer of at most 30 digits either way.
    let exp: i64 = exp.parse().ok()?;
    let leading_zeros = (digits.len() - significant.len()) as i64;
    let point = exp.checked_add(int.len() as i64 - leading_zeros)?;
    let significant = significant.trim_end_matches('0');
    if point < significant.len() as i64 || point > 30 {
        return None;
    }
    let mut out = String::from(if negative { "-" } else { "" });
    out.push_str(significant);
    out.extend(std::iter::repeat_n('0', point as usize - significant.len()));
    Some(out)
}

/// The member's name for messages: the last part of its botocore path (`ContentType`,
/// `Subnets[2]`), or "the request" at the root. The full path is shown beside the message.
fn name_of(place: &Place) -> &str {
    if place.cli.is_empty() {
        "the request"
    } else {
        place.cli.rsplit('.').next().unwrap_or(&place.cli)
    }
}

pub(super) fn count_failure(
    len: usize,
    min: Option<u32>,
    max: Option<u32>,
    member: &Shape,
    place: &Place,
) -> Option<Failure> {
    let noun = |n: u32| match member.kind {
        Kind::Structure { .. } => format!("{n} item{}", if n == 1 { "" } else { "s" }),
        _ => format!("{n} value{}", if n == 1 { "" } else { "s" }),
    };
    if let Some(min) = min {
        if (len as u64) < u64::from(min) {
            return Some(Failure {
                code: "count",
                message: format!(
                    "{} needs at least {}; it has {len}",
                    name_of(place),
                    noun(min)
                ),
                constraint: format!("Member must have length greater than or equal to {min}"),
                cli: Some(format!(
                    "Invalid length for parameter {}, value: {len}, valid min length: {min}",
                    place.cli
                )),
            });
        }
    }
    if let Some(max) = max {
        if (len as u64) > u64::from(max) {
            return Some(Failure {
                code: "count",
                message: format!(
                    "{} takes at most {}; it has {len}: remove {}",
                    name_of(place),
                    noun(max),
                    len - max as usize
                ),
                constraint: format!("Member must have length less than or equal to {max}"),
                cli: None,
            });
        }
    }
    None
}

/// Every constraint of a string shape, in the service's words, for list-of-strings clauses,
/// joined by ", " (written into one `String`, not collected and joined: the page then
/// carries no `[String]::join`).
pub(super) fn all_constraints(shape: &Shape) -> String {
    let mut out = String::new();
    if let Kind::String {
        min,
        max,
        pattern,
        values,
    } = &shape.kind
    {
        let next = |out: &mut String| {
            if !out.is_empty() {
                out.push_str(", ");
            }
        };
        if let Some(max) = max {
            next(&mut out);
            out.push_str(&format!(
                "Member must have length less than or equal to {max}"
            ));
        }
        if let Some(min) = min {
            next(&mut out);
            out.push_str(&format!(
                "Member must have length greater than or equal to {min}"
            ));
        }
        if let Some(p) = pattern {
            next(&mut out);
            out.push_str(&format!(
                "Member must satisfy regular expression pattern: {p}"
            ));
        }
        if !values.is_empty() {
            next(&mut out);
            out.push_str(&format!(
                "Member must satisfy enum value set: [{}]",
                values.join(", ")
            ));
        }
    }
    out
}

/// The constraints a well-typed scalar fails.
pub(super) fn scalar_failures(node: &Node, shape: &Shape, place: &Place) -> Vec<Failure> {
    let mut out = Vec::new();
    let name = name_of(place);
    match (&shape.kind, &node.value) {
        (
            Kind::String {
                min,
                max,
                pattern,
                values,
            },
            Value::String(s),
        ) => {
            let len = s.chars().count();
            if let Some(max) = max {
                if len > *max as usize {
                    out.push(Failure {
                        code: "length",
                        message: format!(
                            "{name} is {len} characters long; at most {max} are allowed"
                        ),
                        constraint: format!("Member must have length less than or equal to {max}"),
                        cli: None,
                    });
                }
            }
            if let Some(min) = min {
                if len < *min as usize {
                    out.push(Failure {
                        code: "length",
                        message: if len == 0 {
                            format!("{name} must not be empty")
                        } else {
                            format!("{name} is {len} characters long; at least {min} are needed")
                        },
                        constraint: format!(
                            "Member must have length greater than or equal to {min}"
                        ),
                        cli: Some(format!(
                            "Invalid length for parameter {}, value: {len}, valid min length: {min}",
                            place.cli
                        )),
                    });
                }
            }
            if let Some(p) = pattern {
                if !pattern::model_matches(p, s, false) {
                    let too_long = pattern::model_matches(p, s, true);
                    let explanation = if too_long {
                        pattern_too_long_explanation(shape)
                    } else {
                        pattern_explanation(shape, s)
                    };
                    out.push(Failure {
                        code: "pattern",
                        message: format!("{name} {explanation}"),
                        constraint: format!("Member must satisfy regular expression pattern: {p}"),
                        cli: None,
                    });
                }
            }
            if !values.is_empty() && !values.contains(&s.as_str()) {
                let hint = match values.iter().find(|v| v.eq_ignore_ascii_case(s)) {
                    Some(v) => format!(" (values are case-sensitive: write {v})"),
                    None => String::new(),
                };
                out.push(Failure {
                    code: "enum",
                    message: format!(
                        "{name} cannot be \"{}\"{hint}; use one of: {}",
                        shorten(s, 40),
                        values.join(", ")
                    ),
                    constraint: format!(
                        "Member must satisfy enum value set: [{}]",
                        values.join(", ")
                    ),
                    cli: None,
                });
            }
        }
        (Kind::Integer { min, max }, Value::Number(text)) => {
            // Beyond i64 the exact value does not matter: it is out of every range (the
            // model's bounds are i64), so it is clamped, like text that is not an integer.
            let value = match parse_i64(text) {
                Some(v) => i128::from(v),
                None if text.starts_with('-') => i128::MIN,
                None => i128::MAX,
            };
            let shown = int_text(text);
            if let Some(max) = max {
                if value > i128::from(*max) {
                    out.push(Failure {
                        code: "range",
                        message: format!("{name} is {shown}; at most {max} is allowed"),
                        constraint: format!("Member must have value less than or equal to {max}"),
                        cli: None,
                    });
                }
            }
            if let Some(min) = min {
                if value < i128::from(*min) {
                    out.push(Failure {
                        code: "range",
                        message: format!("{name} is {shown}; it must be at least {min}"),
                        constraint: format!(
                            "Member must have value greater than or equal to {min}"
                        ),
                        cli: Some(format!(
                            "Invalid value for parameter {}, value: {shown}, valid min value: {min}",
                            place.cli
                        )),
                    });
                }
            }
            if out.is_empty() && (value > i128::from(i32::MAX) || value < i128::from(i32::MIN)) {
                // The bounds as text: formatting an i32 would link one more integer printer.
                let (bound, constraint) = if value > 0 {
                    ("2147483647", "less than or equal to")
                } else {
                    ("-2147483648", "greater than or equal to")
                };
                out.push(Failure {
                    code: "range",
                    message: format!(
                        "{name} must fit a 32-bit integer (-2147483648 to 2147483647); {shown} does not"
                    ),
                    constraint: format!("Member must have value {constraint} {bound}"),
                    cli: None,
                });
            }
        }
        (Kind::Float { min, max }, Value::Number(text)) => {
            // The AWS CLI checks the minimum on the Python float (64 bits) before sending;
            // the service reads a model `float` as a Java `float`, the text rounded once to
            // 32 bits (`1.00000001` is 1.0, within `max` 1; `3.5e38` is infinity), and checks
            // the maximum on that. Both bounds of the model's floats are exact in 32 bits,
            // so rounding never moves a value across them the wrong way: a value at most
            // `max` reads as at most `max`.
            let value = parse_f64(text).unwrap_or(f64::NAN);
            let service_value = parse_f32(text).map_or(f64::NAN, f64::from);
            if let Some(max) = max {
                if service_value > *max {
                    out.push(Failure {
                        code: "range",
                        message: if service_value.is_infinite() {
                            format!(
                                "{name} is {text}, past the largest 32-bit float (Infinity to the service); at most {} is allowed",
                                fmt_num(*max)
                            )
                        } else {
                            format!("{name} is {text}; at most {} is allowed", fmt_num(*max))
                        },
                        constraint: format!(
                            "Member must have value less than or equal to {}",
                            fmt_num(*max)
                        ),
                        cli: None,
                    });
                }
            }
            if let Some(min) = min {
                if value < *min {
                    out.push(Failure {
                        code: "range",
                        message: format!("{name} is {text}; it must be at least {}", fmt_num(*min)),
                        constraint: format!(
                            "Member must have value greater than or equal to {}",
                            fmt_num(*min)
                        ),
                        cli: Some(format!(
                            "Invalid value for parameter {}, value: {}, valid min value: {}",
                            place.cli,
                            python_str(node),
                            fmt_num(*min)
                        )),
                    });
                }
            }
        }
        _ => {}
    }
    out
}
