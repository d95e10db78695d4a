//! The walker: one pass over a request against the [`model`](crate::model) table, then the
//! documented rules of [`rules`](crate::rules).
//!
//! Semantics are the service's and the AWS CLI's, not a naive reading of JSON:
//! - strings are measured in Unicode code points, and patterns must match the whole string
//!   with Java's rules ([`pattern`](crate::pattern));
//! - integers are 32-bit signed and written without fraction or exponent (`5.0` and `1e3`
//!   are floats to the AWS CLI, which refuses them), a string `"5"` is not a number, `null`
//!   is a type error for every member, enum values are case-sensitive;
//! - a member the request does not have, including a wrong-case name, is an error: the AWS
//!   CLI refuses unknown parameters.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Severity};
use crate::float::{display_f32, display_f64, i128_text, parse_f64, parse_i64};
use crate::json::{self, escape_pointer_token, Node, Span, Value};
use crate::model::{self, Kind, Shape};
use crate::pattern;
use crate::rules;

/// The result of checking a text: every finding, and the request when the text was JSON.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub request: Option<Node>,
}

impl Outcome {
    /// True when nothing would be rejected (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads a JSON text and checks it. A text that is not JSON gets one `syntax` error located
/// at the fault.
pub fn check_text(text: &str) -> Outcome {
    match json::parse_noting(text) {
        Ok((node, lone_surrogates)) => {
            let mut diagnostics = Vec::new();
            // One warning per member, at its first lone surrogate (a text can hold
            // hundreds of thousands of them).
            let mut lone: Vec<(String, usize, usize)> = Vec::new();
            for offset in lone_surrogates {
                let path = pointer_at(&node, offset);
                match lone.last_mut() {
                    Some((last, _, count)) if *last == path => *count += 1,
                    _ => lone.push((path, offset, 1)),
                }
            }
            for (path, offset, count) in lone {
                let what = if count == 1 {
                    "a \\u escape".to_string()
                } else {
                    format!("{count} \\u escapes (the first is shown)")
                };
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: "lone-surrogate",
                    path,
                    message: format!("this value has {what} of half a UTF-16 surrogate pair, which is not a character: the AWS CLI sends it as is, and it is no letter, digit or separator; it is checked here as U+FFFD"),
                    service_message: None,
                    cli_message: None,
                    span: Some(Span { start: offset, end: offset + 6 }),
                    service_clause: None,
                    related: Vec::new(),
                });
            }
            if text.starts_with('\u{feff}') {
                diagnostics.push(Diagnostic {
                    severity: Severity::Error,
                    code: "byte-order-mark",
                    path: String::new(),
                    message: "the text starts with a UTF-8 byte order mark, which the AWS CLI refuses (`Invalid JSON: Unexpected UTF-8 BOM`): save it without one".to_string(),
                    service_message: None,
                    cli_message: Some(
                        "Error parsing parameter 'cli-input-json': Invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)".to_string(),
                    ),
                    span: Some(Span { start: 0, end: 3 }),
                    service_clause: None,
                    related: Vec::new(),
                });
            }
            diagnostics.extend(check_node(&node));
            Outcome {
                diagnostics,
                request: Some(node),
            }
        }
        Err(err) => Outcome {
            diagnostics: vec![syntax_error(&err)],
            request: None,
        },
    }
}

/// The diagnostic for a text that is not JSON.
pub fn syntax_error(err: &json::JsonError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: err.code,
        path: String::new(),
        message: if err.code == "syntax" {
            format!(
                "not valid JSON: {} (line {}, column {})",
                err.message, err.line, err.column
            )
        } else {
            format!(
                "refused: {} (line {}, column {})",
                err.message, err.line, err.column
            )
        },
        service_message: None,
        cli_message: None,
        span: Some(Span {
            start: err.offset,
            end: err.offset,
        }),
        service_clause: None,
        related: Vec::new(),
    }
}

/// Checks a request: the model's constraints, then the documented rules. Every finding is
/// collected, in document order for the model's constraints.
pub fn check_node(request: &Node) -> Vec<Diagnostic> {
    let mut walker = Walker { out: Vec::new() };
    let place = Place {
        pointer: String::new(),
        service: String::new(),
        cli: String::new(),
    };
    walker.walk(request, &model::CREATE_AUTO_ML_JOB_REQUEST, &place);
    let mut out = walker.out;
    let mut documented = Vec::new();
    rules::check_all(request, &mut documented);
    // A documented rule says nothing new about a member the model already faults.
    documented.retain(|d| !out.iter().any(|m| m.is_error() && m.path == d.path));
    out.extend(documented);
    out
}

/// The JSON Pointer of the innermost value whose text holds a byte offset.
fn pointer_at(node: &Node, offset: usize) -> String {
    let mut pointer = String::new();
    let mut node = node;
    loop {
        let next = match &node.value {
            Value::Array(items) => items
                .iter()
                .position(|n| n.span.start <= offset && offset < n.span.end)
                .map(|i| (i.to_string(), &items[i])),
            Value::Object(members) => members
                .iter()
                .find(|m| m.key_span.start <= offset && offset < m.value.span.end)
                .map(|m| (escape_pointer_token(&m.key), &m.value)),
            _ => None,
        };
        match next {
            Some((token, child)) => {
                pointer.push('/');
                pointer.push_str(&token);
                node = child;
            }
            None => return pointer,
        }
    }
}

/// Where a finding points in the text a request was read from: the value at its path, or,
/// for a member that is missing, the nearest enclosing value that is there.
pub fn locate(request: &Node, pointer: &str) -> Option<Span> {
    let mut path = pointer;
    loop {
        if let Some(node) = request.pointer(path) {
            return Some(node.span);
        }
        path = &path[..path.rfind('/')?];
    }
}

/// Where a value sits, in the three notations the findings use.
#[derive(Clone)]
struct Place {
    /// JSON Pointer: `/InputDataConfig/0/TargetAttributeName`.
    pointer: String,
    /// The service's member path: `inputDataConfig.1.member.targetAttributeName`.
    service: String,
    /// botocore's parameter name: `InputDataConfig[0].TargetAttributeName`.
    cli: String,
}

impl Place {
    fn member(&self, name: &str) -> Place {
        let lower = lower_camel(name);
        Place {
            pointer: format!("{}/{}", self.pointer, escape_pointer_token(name)),
            service: if self.service.is_empty() {
                lower
            } else {
                format!("{}.{lower}", self.service)
            },
            cli: if self.cli.is_empty() {
                name.to_string()
            } else {
                format!("{}.{name}", self.cli)
            },
        }
    }

    fn item(&self, index: usize) -> Place {
        Place {
            pointer: format!("{}/{index}", self.pointer),
            service: format!("{}.{}.member", self.service, index + 1),
            cli: format!("{}[{index}]", self.cli),
        }
    }

    /// How botocore names this place in "Unknown parameter in …" and "Missing required
    /// parameter in …".
    fn cli_container(&self) -> &str {
        if self.cli.is_empty() {
            "input"
        } else {
            &self.cli
        }
    }
}

fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

struct Walker {
    out: Vec<Diagnostic>,
}

/// One model constraint a value fails, as the service words it.
struct Failure {
    code: &'static str,
    message: String,
    /// `Member must …`.
    constraint: String,
    /// botocore's line, when botocore checks this constraint too.
    cli: Option<String>,
}

impl Walker {
    /// Checks `node` against `shape`.
    fn walk(&mut self, node: &Node, shape: &Shape, place: &Place) {
        if let Some(mut failure) = type_failure(node, shape, place) {
            if place.cli.is_empty() {
                // The AWS CLI refuses a non-object --cli-input-json before any parameter check.
                failure.cli = None;
            }
            self.push_cli_only(node, place, failure);
            return;
        }
        match &shape.kind {
            Kind::Structure { members } => self.walk_structure(node, shape, members, place),
            Kind::List { member, min, max } => {
                let items = node.as_array().unwrap_or_default();
                if let Some(failure) = count_failure(items.len(), *min, *max, member, place) {
                    self.push(node, place, failure);
                }
                let strings = matches!(member.kind, Kind::String { .. });
                // The service's clause for a list of strings names the whole list: render it
                // once, however many items fail.
                let mut list_clause: Option<String> = None;
                for (i, item) in items.iter().enumerate() {
                    let item_place = place.item(i);
                    if strings {
                        self.walk_string_item(item, member, &item_place, || {
                            list_clause
                                .get_or_insert_with(|| {
                                    format!(
                                        "Value '{}' at '{}' failed to satisfy constraint: Member must satisfy constraint: [{}]",
                                        render_java(node),
                                        place.service,
                                        all_constraints(member)
                                    )
                                })
                                .clone()
                        });
                    } else {
                        self.walk(item, member, &item_place);
                    }
                }
            }
            _ => {
                for failure in scalar_failures(node, shape, place) {
                    self.push(node, place, failure);
                }
            }
        }
    }

    fn walk_structure(
        &mut self,
        node: &Node,
        shape: &Shape,
        members: &'static [model::MemberDef],
        place: &Place,
    ) {
        let given = node.as_object().unwrap_or_default();
        // The order is botocore's, so that the AWS CLI's report reads the same: missing
        // required members first, then unknown members, then what is inside known ones.
        for def in members.iter().filter(|m| m.required) {
            if node.get(def.name).is_none() {
                self.missing(node, place, def);
            }
        }
        // Where a key repeats, JSON readers keep the last value.
        // `new`, not `with_capacity`: the crate's other maps start empty, and one way of making
        // them keeps one copy of hashbrown's allocation code in the page.
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (i, member) in given.iter().enumerate() {
            last.insert(member.key.as_str(), i);
        }
        let kept = |i: usize, key: &str| last.get(key) == Some(&i);
        for (i, member) in given.iter().enumerate() {
            if !kept(i, &member.key) {
                self.out.push(Diagnostic {
                    severity: Severity::Warning,
                    code: "duplicate",
                    path: format!("{}/{}", place.pointer, escape_pointer_token(&member.key)),
                    message: format!(
                        "\"{}\" appears more than once in this object: only the last one is sent, the others are ignored",
                        member.key
                    ),
                    service_message: None,
                    cli_message: None,
                    span: Some(member.key_span),
                    service_clause: None,
                    related: Vec::new(),
                });
            }
        }
        for (i, member) in given.iter().enumerate() {
            if kept(i, &member.key) && shape.member(&member.key).is_none() {
                self.unknown(place, &member.key, member.key_span, members);
            }
        }
        for (i, member) in given.iter().enumerate() {
            if let (true, Some(def)) = (kept(i, &member.key), shape.member(&member.key)) {
                self.walk(&member.value, def.shape, &place.member(def.name));
            }
        }
    }

    fn missing(&mut self, node: &Node, place: &Place, def: &model::MemberDef) {
        let missing = place.member(def.name);
        let cli = format!(
            "Missing required parameter in {}: \"{}\"",
            place.cli_container(),
            def.name
        );
        let clause = format!(
            "Value null at '{}' failed to satisfy constraint: Member must not be null",
            missing.service
        );
        self.out.push(Diagnostic {
            severity: Severity::Error,
            code: "required",
            path: missing.pointer,
            message: format!("{} is required{}", def.name, in_where(place)),
            service_message: Some(crate::diag::combine_clauses(&[&clause])),
            cli_message: Some(cli),
            span: Some(node.span),
            service_clause: Some(clause),
            related: Vec::new(),
        });
    }

    fn unknown(
        &mut self,
        place: &Place,
        key: &str,
        key_span: Span,
        members: &'static [model::MemberDef],
    ) {
        let names: Vec<&str> = members.iter().map(|m| m.name).collect();
        let list = names.join(", ");
        let cli = format!(
            "Unknown parameter in {}: \"{key}\", must be one of: {list}",
            place.cli_container(),
        );
        let v2 = model::V2_ONLY
            .iter()
            .find(|(name, _)| *name == key && place.cli.is_empty());
        let hint = match suggest(key, &names) {
            _ if v2.is_some() => format!(
                " but of CreateAutoMLJobV2's (this is a CreateAutoMLJob request: {})",
                v2.map_or("", |(_, instead)| instead)
            ),
            Some(name) if name.eq_ignore_ascii_case(key) => {
                format!(" (member names are case-sensitive: write {name})")
            }
            Some(name) => format!(" (did you mean {name}?)"),
            None => String::new(),
        };
        self.out.push(Diagnostic {
            severity: Severity::Error,
            code: "unknown",
            path: format!("{}/{}", place.pointer, escape_pointer_token(key)),
            message: format!(
                "\"{key}\" is not a member of {}{hint}; the members are {list}",
                if place.cli.is_empty() {
                    "the request"
                } else {
                    &place.cli
                },
            ),
            service_message: Some(cli.clone()),
            cli_message: Some(cli),
            span: Some(key_span),
            service_clause: None,
            related: Vec::new(),
        });
    }

    /// An item of a list of strings: checked as a string, but the service reports the whole
    /// list with every constraint of its members.
    fn walk_string_item(
        &mut self,
        item: &Node,
        shape: &Shape,
        place: &Place,
        list_clause: impl FnOnce() -> String,
    ) {
        if let Some(failure) = type_failure(item, shape, place) {
            self.push_cli_only(item, place, failure);
            return;
        }
        let failures = scalar_failures(item, shape, place);
        if failures.is_empty() {
            return;
        }
        let clause = list_clause();
        for failure in failures {
            self.out.push(Diagnostic {
                severity: Severity::Error,
                code: failure.code,
                path: place.pointer.clone(),
                message: failure.message,
                service_message: Some(crate::diag::combine_clauses(&[&clause])),
                cli_message: failure.cli,
                span: Some(item.span),
                service_clause: Some(clause.clone()),
                related: Vec::new(),
            });
        }
    }

    fn push(&mut self, node: &Node, place: &Place, failure: Failure) {
        let value = render_java(node);
        let clause = format!(
            "Value '{value}' at '{}' failed to satisfy constraint: {}",
            place.service, failure.constraint
        );
        self.out.push(Diagnostic {
            severity: Severity::Error,
            code: failure.code,
            path: place.pointer.clone(),
            message: failure.message,
            service_message: Some(crate::diag::combine_clauses(&[&clause])),
            cli_message: failure.cli,
            span: Some(node.span),
            service_clause: Some(clause),
            related: Vec::new(),
        });
    }

    /// A wrong JSON type: the AWS CLI refuses it before sending, except a boolean where a
    /// number belongs, which reaches the service and fails there to deserialize.
    fn push_cli_only(&mut self, node: &Node, place: &Place, failure: Failure) {
        let service = match (&failure.cli, &node.value) {
            (Some(cli), _) => Some(cli.clone()),
            (None, Value::Bool(_)) => Some(format!(
                "SerializationException: {} must be a number, not a boolean",
                place.cli
            )),
            (None, _) => None,
        };
        self.out.push(Diagnostic {
            severity: Severity::Error,
            code: failure.code,
            path: place.pointer.clone(),
            message: failure.message,
            service_message: service,
            cli_message: failure.cli,
            span: Some(node.span),
            service_clause: None,
            related: Vec::new(),
        });
    }
}

/// Where a missing member belongs, for a `required` message, in words rather than a path
/// (the page shows the field's label and place beside the message, the command line its
/// pointer): "" at the top, " in OutputDataConfig" in a structure, " in every channel" in
/// the items of a list.
fn in_where(place: &Place) -> String {
    let Some(last) = place.cli.rsplit('.').next().filter(|s| !s.is_empty()) else {
        return String::new();
    };
    match last.split_once('[') {
        Some((list, _)) => format!(" in every {}", item_noun(list)),
        None => format!(" in {last}"),
    }
}

/// What one item of a list of structures is called in messages.
fn item_noun(list: &str) -> String {
    match list {
        "InputDataConfig" => "channel".to_string(),
        "Tags" => "tag".to_string(),
        _ => format!("{list} entry"),
    }
}

/// The closest member name: a case-insensitive match, or one at edit distance ≤ 2.
fn suggest<'a>(key: &str, names: &[&'a str]) -> Option<&'a str> {
    if let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(key)) {
        return Some(name);
    }
    names
        .iter()
        .map(|n| {
            (
                edit_distance(&key.to_ascii_lowercase(), &n.to_ascii_lowercase()),
                *n,
            )
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the distance table: `row[j]` is the distance from the characters of `a`
    // read so far to the first `j` of `b`.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        // The row before at j - 1, and this row at j - 1.
        let mut diagonal = i;
        let mut left = i + 1;
        for (cell, cb) in row.iter_mut().skip(1).zip(&b) {
            let up = *cell;
            left = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(left).min(up)
            };
            diagonal = up;
            *cell = left;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The JSON type a shape wants, for messages.
fn wanted(shape: &Shape) -> &'static str {
    match shape.kind {
        Kind::Structure { .. } => "an object",
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
        Kind::Structure { .. } => "<class 'dict'>",
        Kind::List { .. } => "<class 'list'>, <class 'tuple'>",
        Kind::String { .. } => "<class 'str'>",
        Kind::Integer { .. } => "<class 'int'>",
        Kind::Float { .. } => "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
        Kind::Boolean => "<class 'bool'>",
    }
}

/// Whether a JSON number's text is an integer to Python's `json` module (no fraction, no
/// exponent).
fn is_integer_text(text: &str) -> bool {
    !text.contains(['.', 'e', 'E'])
}

fn type_failure(node: &Node, shape: &Shape, place: &Place) -> Option<Failure> {
    let ok = match (&shape.kind, &node.value) {
        (Kind::Structure { .. }, Value::Object(_)) => true,
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
fn integer_as_float_message(name: &str, text: &str, min: Option<i64>, max: Option<i64>) -> String {
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
fn duration_message(
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
fn whole_number_text(text: &str) -> Option<String> {
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

fn count_failure(
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
fn all_constraints(shape: &Shape) -> String {
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
fn scalar_failures(node: &Node, shape: &Shape, place: &Place) -> Vec<Failure> {
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
            let value = parse_f64(text).unwrap_or(f64::NAN);
            if let Some(max) = max {
                if value > *max {
                    out.push(Failure {
                        code: "range",
                        message: format!("{name} is {text}; at most {} is allowed", fmt_num(*max)),
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

/// An integer's text as Python and Java print the number (`-0` is `0`, no leading `+`).
fn int_text(text: &str) -> String {
    i128_text(text).unwrap_or_else(|| text.to_string())
}

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
fn scientific(fixed: &str) -> (String, i32) {
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
fn with_point(mut text: String) -> String {
    if !text.contains('.') {
        text.push_str(".0");
    }
    text
}

/// Whether Python's `str.isprintable` is false for a character, so `repr` escapes it:
/// control and format characters, separators other than the space, surrogates and private
/// use.
fn python_escapes(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || (c != ' ' && pattern::is_separator(c))
        || matches!(u, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
            | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
            | 0x110BD | 0x1D173..=0x1D17A | 0xE0001 | 0xE0020..=0xE007F
            | 0xE000..=0xF8FF | 0xF0000..)
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        display_f64(x)
    }
}

/// What a pattern accepts, in words, and what is wrong with `value`, after the member's name.
fn pattern_explanation(shape: &Shape, value: &str) -> String {
    let first_bad = |ok: &dyn Fn(char) -> bool| {
        bad_char_note(value, ok)
            .map(|note| format!(" ({note})"))
            .unwrap_or_default()
    };
    match shape.name {
        "AutoMLJobName" | "EndpointName" => {
            let edge = match (value.starts_with('-'), value.len() > 1 && value.ends_with('-')) {
                (true, true) => "it starts and ends with '-'",
                (true, false) => "it starts with '-'",
                (false, true) => "it ends with '-'",
                (false, false) => "",
            };
            let bad = bad_char_note(value, &|c| c.is_ascii_alphanumeric() || c == '-');
            let extra = match (edge, bad) {
                ("", None) => String::new(),
                ("", Some(bad)) => format!(" ({bad})"),
                (edge, None) => format!(" ({edge})"),
                (edge, Some(bad)) => format!(" ({edge}, and {bad})"),
            };
            format!("may contain only ASCII letters, digits and hyphens, starting and ending with a letter or digit{extra}")
        }
        "S3Uri" => {
            if value.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
                "must not contain a line break".to_string()
            } else if value.is_empty() {
                "must not be empty: write s3://bucket/prefix".to_string()
            } else {
                let scheme = value.split_once("://").map_or("", |(scheme, _)| scheme);
                let extra = if ["s3", "https"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(scheme) && *s != scheme)
                {
                    format!(" (it starts with {scheme}://: the scheme is lowercase)")
                } else {
                    value
                        .chars()
                        .next()
                        .filter(|c| c.is_whitespace())
                        .map(|c| format!(" (it starts with {}, perhaps pasted)", describe_char(c)))
                        .unwrap_or_default()
                };
                format!("must be an s3:// (or https://) URL with a bucket name, such as s3://my-bucket/path/{extra}")
            }
        }
        "ContentType" => "must not contain a line break".to_string(),
        "SampleWeightAttributeName" => format!(
            "may contain only ASCII letters, digits, '_' and '-'{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        ),
        "KmsKeyId" => format!(
            "may contain only ASCII letters, digits, ':', '/', '_' and '-': a key ID, key ARN, alias name or alias ARN{}",
            first_bad(&|c| c.is_ascii_alphanumeric() || ":/_-".contains(c))
        ),
        "SecurityGroupId" => ec2_id_explanation(value, "sg-", "group", "sg-0123456789abcdef0"),
        "SubnetId" => ec2_id_explanation(value, "subnet-", "subnet", "subnet-0123456789abcdef0"),
        "RoleArn" => role_arn_explanation(value),
        "TagKey" | "TagValue" => format!(
            "may contain only letters, digits, spaces and _ . : / = + - @{}",
            first_bad(&|c| pattern::is_letter(c)
                || pattern::is_separator(c)
                || pattern::is_number(c)
                || "_.:/=+-@".contains(c))
        ),
        _ => "does not have the expected form".to_string(),
    }
}

/// The pattern message for a value that fails its pattern only by being too long (it
/// matches the pattern without its upper bounds): every character is allowed.
fn pattern_too_long_explanation(shape: &Shape) -> String {
    match (shape.name, &shape.kind) {
        ("AutoMLJobName" | "EndpointName", Kind::String { max: Some(max), .. }) => format!(
            "fails the name pattern only because it is too long (the pattern allows at most {max} letters and digits)"
        ),
        _ => "fails the pattern only because it is too long".to_string(),
    }
}

/// The first character `ok` refuses: "character 3 is '_'", or, for white space at either
/// end, "it ends with a space, perhaps pasted".
fn bad_char_note(value: &str, ok: &dyn Fn(char) -> bool) -> Option<String> {
    let (i, c) = value.chars().enumerate().find(|(_, c)| !ok(*c))?;
    if c.is_whitespace() {
        if i == 0 {
            return Some(format!(
                "it starts with {}, perhaps pasted",
                describe_char(c)
            ));
        }
        if value.chars().skip(i).all(char::is_whitespace) {
            return Some(format!("it ends with {}, perhaps pasted", describe_char(c)));
        }
    }
    Some(format!("character {} is {}", i + 1, describe_char(c)))
}

/// A security group or subnet ID that fails `[-0-9a-zA-Z]+`: the character at fault, and
/// the ID to write when the value holds one (an ARN, a name and ID pasted together) or looks
/// like a name.
fn ec2_id_explanation(value: &str, prefix: &str, noun: &str, example: &str) -> String {
    let note = bad_char_note(value, &|c| c.is_ascii_alphanumeric() || c == '-')
        .map(|note| format!(" ({note})"))
        .unwrap_or_default();
    let id = value.find(prefix).map(|at| {
        let rest = &value[at..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let hint = match id {
        Some(id) if id.len() > prefix.len() && id != value.trim() => {
            format!(": write only the ID, {id}")
        }
        Some(_) => String::new(),
        // `sg_0abc` or `subnet0abc`: a mistyped ID, not a name.
        None if value.starts_with(prefix.trim_end_matches('-')) => String::new(),
        None => format!(": give the {noun}'s ID, such as {example}, not its name"),
    };
    format!("may contain only ASCII letters, digits and '-'{note}{hint}")
}

/// What a role ARN must look like.
const ROLE_ARN_FORM: &str = "arn:aws:iam::<12-digit account ID>:role/<name>";

/// Why a `RoleArn` fails `arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+`, at the
/// first part that is wrong: white space around it, another kind of ARN (a user, a group, an
/// STS session), the partition, service, Region or account ID, or the role name.
fn role_arn_explanation(value: &str) -> String {
    role_arn_cause(value, 0)
}

/// The model's pattern for a role ARN.
const ROLE_ARN_PATTERN: &str = r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+";

/// [`role_arn_explanation`] of `value`, which follows `skipped` characters of white space.
fn role_arn_cause(value: &str, skipped: usize) -> String {
    let name_char = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-/".contains(c);
    let trimmed = value.trim();
    if trimmed.len() != value.len() && !trimmed.is_empty() {
        let (edge, c) = match value.chars().next() {
            Some(c) if c.is_whitespace() => ("starts", c),
            _ => ("ends", value.chars().next_back().unwrap_or(' ')),
        };
        let what = format!("{edge} with {} (pasted?)", describe_char(c));
        return if pattern::model_matches(ROLE_ARN_PATTERN, trimmed, false) {
            format!("{what}: remove it")
        } else {
            let skipped = value.chars().take_while(|c| c.is_whitespace()).count();
            format!("{what}, and {}", role_arn_cause(trimmed, skipped))
        };
    }
    let generic = format!("must be an IAM role ARN: {ROLE_ARN_FORM}, where the name may contain letters, digits and + = , . @ _ - /");
    let Some(arn) = value.strip_prefix("arn:") else {
        if !value.is_empty() && value.chars().all(name_char) && !value.contains(':') {
            let name = value.trim_start_matches('/');
            let name = name.strip_prefix("role/").unwrap_or(name);
            return format!("must be the role's ARN, not its name: arn:aws:iam::<12-digit account ID>:role/{name}");
        }
        return format!("does not start with arn:, as an IAM role ARN does: {ROLE_ARN_FORM}");
    };
    let parts: Vec<&str> = arn.splitn(5, ':').collect();
    let [partition, service, region, account, resource] = parts[..] else {
        if let [_, "iam", account, _] = parts[..] {
            if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
                return "needs two colons after iam (iam::, an IAM ARN has no Region) before the account ID".to_string();
            }
        }
        return format!("has too few ':'-separated parts ({generic})");
    };
    let partition_ok = partition
        .strip_prefix("aws")
        .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
    if !partition_ok {
        return format!("has the partition '{partition}' where aws (or aws-cn, aws-us-gov) belongs: {ROLE_ARN_FORM}");
    }
    if service == "sts" {
        if let Some(session) = resource.strip_prefix("assumed-role/") {
            let role = session.split('/').next().unwrap_or_default();
            return format!("is an STS assumed-role session ARN, not the role's ARN: write arn:{partition}:iam::{account}:role/{role} (with the role's path, if it has one)");
        }
    }
    if service != "iam" {
        return format!("names the service '{service}' where iam belongs: {ROLE_ARN_FORM}");
    }
    if !region.is_empty() {
        return format!("has a Region ('{region}'), but IAM ARNs have none: write iam::{account}");
    }
    if account.is_empty() {
        return format!("has no account ID: {ROLE_ARN_FORM}");
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return if account.bytes().all(|b| b.is_ascii_digit()) {
            let zeros = if account.len() < 12 {
                " (leading zeros lost?)"
            } else {
                ""
            };
            format!(
                "has an account ID of {} digit{}, {account}; account IDs have 12{zeros}",
                account.len(),
                if account.len() == 1 { "" } else { "s" }
            )
        } else {
            format!("has '{account}' where the 12-digit account ID belongs")
        };
    }
    let kind = resource.split('/').next().unwrap_or_default();
    match kind {
        "user" | "group" | "policy" | "instance-profile" | "saml-provider" | "oidc-provider"
        | "mfa" | "server-certificate" => {
            return format!("is an IAM {} ARN, not a role's: give the ARN of a role SageMaker can assume, {ROLE_ARN_FORM}", kind.replace('-', " "));
        }
        _ => {}
    }
    let Some(name) = resource.strip_prefix("role") else {
        return format!("has no role/ before the role name: write arn:{partition}:iam::{account}:role/{resource}");
    };
    let name = name.strip_prefix('/').unwrap_or(name);
    if name.is_empty() {
        return "has no role name after role/".to_string();
    }
    // Where the name starts in `value`, to count characters from the start.
    let before = skipped + value.chars().count() - name.chars().count();
    match name.chars().enumerate().find(|(_, c)| !name_char(*c)) {
        Some((i, c)) => format!(
            "has a role name with a character roles cannot have: character {} is {} (names may contain letters, digits and + = , . @ _ - /)",
            before + i + 1,
            describe_char(c)
        ),
        None => generic,
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

/// How the service renders a value in `Value '…' at …` (Java's `toString`).
pub fn render_java(node: &Node) -> String {
    let mut out = String::new();
    write_repr(&mut out, node, false);
    out
}

/// Writes Java's `toString` (`python` false) or Python's `repr` (`python` true) of a value
/// into one buffer: both render lists as `[a, b]` and maps as `{k: v}`, and differ only in
/// scalars and in how keys and strings are quoted.
fn write_repr(out: &mut String, node: &Node, python: bool) {
    match &node.value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item, python);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if python {
                    python_string(out, &m.key);
                } else {
                    out.push_str(&m.key);
                }
                out.push_str(": ");
                write_repr(out, &m.value, python);
            }
            out.push('}');
        }
        Value::String(s) if python => python_string(out, s),
        Value::String(s) => out.push_str(s),
        Value::Null => out.push_str(if python { "None" } else { "null" }),
        Value::Bool(b) => out.push_str(match (python, b) {
            (true, true) => "True",
            (true, false) => "False",
            (false, true) => "true",
            (false, false) => "false",
        }),
        Value::Number(text) if is_integer_text(text) => out.push_str(&int_text(text)),
        Value::Number(text) if python => match parse_f64(text) {
            Some(x) => out.push_str(&python_float(x)),
            None => out.push_str(text),
        },
        Value::Number(text) => out.push_str(&java_number(text)),
    }
}

/// Java's rendering of a number: integers as written; other numbers as `Float.toString`
/// does (`0.5`, `2.0`, `1.0E-5`).
fn java_number(text: &str) -> String {
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

/// How Python's `str()` shows a value that came from `json.loads`.
fn python_str(node: &Node) -> String {
    match &node.value {
        Value::String(s) => s.clone(),
        _ => python_repr(node),
    }
}

fn python_repr(node: &Node) -> String {
    let mut out = String::new();
    write_repr(&mut out, node, true);
    out
}

/// Python's `repr` of a string.
fn python_string(out: &mut String, s: &str) {
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

fn python_type(node: &Node) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_numbers() {
        assert_eq!(java_number("0.5"), "0.5");
        assert_eq!(java_number("2.0"), "2.0");
        assert_eq!(java_number("1e0"), "1.0");
        assert_eq!(java_number("1e-5"), "1.0E-5");
        assert_eq!(java_number("12345678.0"), "1.2345678E7");
        assert_eq!(java_number("750"), "750");
    }

    /// The renderings before `scientific`, with `{:e}`: the oracle for the ones now built
    /// from `Display` alone.
    fn python_float_with_exp(x: f64) -> String {
        let sci = format!("{x:e}");
        let (mantissa, exp) = sci.split_once('e').unwrap();
        let exp: i32 = exp.parse().unwrap();
        if (-4..16).contains(&exp) {
            with_point(format!("{x}"))
        } else {
            let sign = if exp < 0 { '-' } else { '+' };
            format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
        }
    }

    fn java_float_with_exp(x: f32) -> String {
        if (1e-3..1e7).contains(&x.abs()) {
            with_point(format!("{x}"))
        } else {
            let s = format!("{x:e}");
            let (mantissa, exp) = s.split_once('e').unwrap();
            format!("{}E{exp}", with_point(mantissa.to_string()))
        }
    }

    #[test]
    fn float_renderings_match_the_exponent_formatter() {
        let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        let mut f64s = vec![
            f64::MIN_POSITIVE,
            f64::MAX,
            5e-324,
            1e16,
            1e15,
            1e-4,
            1e-5,
            0.1,
        ];
        let mut f32s = vec![
            f32::MIN_POSITIVE,
            f32::MAX,
            1e-45,
            1e7,
            1e-3,
            9.999999e6,
            0.1,
        ];
        for _ in 0..100_000 {
            let bits = rng.next();
            f64s.push(f64::from_bits(bits));
            f32s.push(f32::from_bits(bits as u32));
            // Values near the switches between fixed and scientific notation.
            f64s.push((bits % 2_000_000) as f64 * 10f64.powi((bits >> 40) as i32 % 24 - 12));
        }
        for x in f64s
            .into_iter()
            .filter(|x| x.is_finite() && *x != 0.0)
            .map(f64::abs)
        {
            assert_eq!(python_float(x), python_float_with_exp(x), "{x:e}");
            assert_eq!(python_float(-x), python_float_with_exp(-x), "{x:e}");
        }
        for x in f32s
            .into_iter()
            .filter(|x| x.is_finite() && *x != 0.0)
            .map(f32::abs)
        {
            let text = format!("{:e}", f64::from(x));
            assert_eq!(java_number(&text), java_float_with_exp(x), "{x:e}");
            assert_eq!(
                java_number(&format!("-{text}")),
                java_float_with_exp(-x),
                "{x:e}"
            );
        }
    }

    /// The renderings before `write_repr`, one `String` per value: the oracle for the one
    /// buffer both now write into.
    fn java_with_parts(node: &Node) -> String {
        match &node.value {
            Value::Null => "null".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Number(text) => java_number(text),
            Value::String(s) => s.clone(),
            Value::Array(items) => {
                let parts: Vec<String> = items.iter().map(java_with_parts).collect();
                format!("[{}]", parts.join(", "))
            }
            Value::Object(members) => {
                let parts: Vec<String> = members
                    .iter()
                    .map(|m| format!("{}: {}", m.key, java_with_parts(&m.value)))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }

    fn python_with_parts(node: &Node) -> String {
        match &node.value {
            Value::Null => "None".to_string(),
            Value::Bool(true) => "True".to_string(),
            Value::Bool(false) => "False".to_string(),
            Value::Number(text) if is_integer_text(text) => int_text(text),
            Value::Number(text) => match parse_f64(text) {
                Some(x) => python_float(x),
                None => text.clone(),
            },
            Value::String(s) => {
                let quote = if s.contains('\'') && !s.contains('"') {
                    '"'
                } else {
                    '\''
                };
                let mut out = String::new();
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
                        c if python_escapes(c) => match c as u32 {
                            u @ 0..=0xFF => out.push_str(&format!("\\x{u:02x}")),
                            u @ 0x100..=0xFFFF => out.push_str(&format!("\\u{u:04x}")),
                            u => out.push_str(&format!("\\U{u:08x}")),
                        },
                        c => out.push(c),
                    }
                }
                out.push(quote);
                out
            }
            Value::Array(items) => {
                let parts: Vec<String> = items.iter().map(python_with_parts).collect();
                format!("[{}]", parts.join(", "))
            }
            Value::Object(members) => {
                let parts: Vec<String> = members
                    .iter()
                    .map(|m| {
                        format!(
                            "{}: {}",
                            python_with_parts(&Node::new(Value::String(m.key.clone()))),
                            python_with_parts(&m.value)
                        )
                    })
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
        }
    }

    /// Every value of every fixture, and strings of awkward characters, render as before.
    #[test]
    fn reprs_match_the_renderings_with_parts() {
        fn every(node: &Node, out: &mut Vec<Node>) {
            out.push(node.clone());
            match &node.value {
                Value::Array(items) => items.iter().for_each(|n| every(n, out)),
                Value::Object(members) => members.iter().for_each(|m| every(&m.value, out)),
                _ => {}
            }
        }
        let mut nodes = Vec::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                if let Ok(node) = json::parse(&std::fs::read_to_string(&path).unwrap()) {
                    every(&node, &mut nodes);
                }
            }
        }
        assert!(nodes.len() > 1000, "{}", nodes.len());
        let alphabet: Vec<char> =
            "a'\"\\\n\r\t\u{0}\u{7f}\u{85}\u{a0}\u{ad}\u{2028}\u{202e}\u{feff}\u{e000}\u{10ffff}\u{e0041}é😀 "
                .chars()
                .collect();
        let mut rng = crate::test_rng::Rng(0x0123_4567_89AB_CDEF);
        for _ in 0..5000 {
            let state = rng.next();
            let s: String = (0..(state % 12) as usize)
                .map(|i| alphabet[((state >> (4 + i * 5)) as usize) % alphabet.len()])
                .collect();
            let text = format!(
                "{{{}: [{}, 1.5e-7, -0, 1e400, true, null, {{}}]}}",
                json::to_compact(&Node::new(Value::String(s.clone()))),
                json::to_compact(&Node::new(Value::String(s)))
            );
            every(&json::parse(&text).unwrap(), &mut nodes);
        }
        for node in &nodes {
            assert_eq!(render_java(node), java_with_parts(node));
            assert_eq!(python_repr(node), python_with_parts(node));
        }
    }

    #[test]
    fn python_reprs() {
        let node = json::parse(r#"{"a": [1, 5.0, 1e3, true, null, "it's"]}"#).unwrap();
        assert_eq!(
            python_repr(&node),
            r#"{'a': [1, 5.0, 1000.0, True, None, "it's"]}"#
        );
    }

    #[test]
    fn whole_numbers_written_as_floats() {
        assert_eq!(whole_number_text("1e3").as_deref(), Some("1000"));
        assert_eq!(whole_number_text("5.0").as_deref(), Some("5"));
        assert_eq!(whole_number_text("-2.50e1").as_deref(), Some("-25"));
        assert_eq!(whole_number_text("0.0").as_deref(), Some("0"));
        assert_eq!(whole_number_text("-0e7").as_deref(), Some("0"));
        assert_eq!(whole_number_text("1500e-3"), None);
        assert_eq!(whole_number_text("15000E-4"), None);
        assert_eq!(whole_number_text("12000E-3").as_deref(), Some("12"));
        assert_eq!(whole_number_text("0.0012e4").as_deref(), Some("12"));
        assert_eq!(whole_number_text("5.5"), None);
        assert_eq!(whole_number_text("1e400"), None);
        assert_eq!(whole_number_text("1e99999999999999999999"), None);
    }

    #[test]
    fn integers_written_as_floats_say_how_to_write_them() {
        let m = |text| integer_as_float_message("MaxCandidates", text, Some(1), Some(750));
        assert_eq!(
            m("5.0"),
            "MaxCandidates is 5.0: write it as 5, since the AWS CLI rejects an integer written with an exponent or a decimal point"
        );
        assert_eq!(m("5.5"), "MaxCandidates must be a whole number, not 5.5");
    }

    /// Regression: `1e3` for MaxCandidates (at most 750) was told "write it as 1000", a value
    /// refused in turn; out of range, the range leads.
    #[test]
    fn integers_written_as_floats_out_of_range_lead_with_the_range() {
        let m = |text| integer_as_float_message("MaxCandidates", text, Some(1), Some(750));
        assert_eq!(
            m("1e3"),
            "MaxCandidates is 1e3 (1000), above the maximum 750; write a whole number from 1 to 750 without an exponent or decimal point"
        );
        assert_eq!(
            m("0.0"),
            "MaxCandidates is 0.0 (0), below the minimum 1; write a whole number from 1 to 750 without an exponent or decimal point"
        );
        assert_eq!(
            m("1e400"),
            "MaxCandidates is 1e400, above the maximum 750; write a whole number from 1 to 750 without an exponent or decimal point"
        );
        assert_eq!(
            m("750.5"),
            "MaxCandidates is 750.5, above the maximum 750; write a whole number from 1 to 750 without an exponent or decimal point"
        );
        assert_eq!(
            integer_as_float_message("MaxAutoMLJobRuntimeInSeconds", "3e9", Some(1), None),
            "MaxAutoMLJobRuntimeInSeconds is 3e9 (3000000000), outside the 32-bit integer range; write a whole number from 1 to 2147483647 without an exponent or decimal point"
        );
    }

    #[test]
    fn durations_read_as_seconds() {
        for (text, expected) in [
            ("4h", Some((14_400, 0))),
            ("90m", Some((5_400, 0))),
            ("1.5h", Some((5_400, 0))),
            ("2 hours", Some((7_200, 0))),
            ("1d", Some((86_400, 0))),
            ("1h30m", Some((5_400, 0))),
            ("1h 30m", Some((5_400, 0))),
            ("1 hour 30 minutes", Some((5_400, 0))),
            ("  4H  ", Some((14_400, 0))),
            ("1 Day 2 HRS 3 mins 4 secs", Some((93_784, 0))),
            ("1d2h3m4s", Some((93_784, 0))),
            ("1 hr", Some((3_600, 0))),
            ("1 minute", Some((60, 0))),
            ("45 sec", Some((45, 0))),
            ("1 second", Some((1, 0))),
            ("0s", Some((0, 0))),
            ("30000d", Some((2_592_000_000, 0))),
            ("0.5s", Some((0, 500_000_000))),
            ("1.01m", Some((60, 600_000_000))),
            // Fractions that add up to a whole second.
            ("0.01m 0.4s", Some((1, 0))),
            ("0.000000001s", Some((0, 1))),
            ("999999999999999999s", Some((999_999_999_999_999_999, 0))),
            // Not a duration: the message stays the type error.
            ("14400", None),
            ("", None),
            ("   ", None),
            ("h", None),
            ("4", None),
            ("4 h 30", None),
            ("-4h", None),
            (".5h", None),
            ("5.h", None),
            ("1.2.3h", None),
            ("1e3s", None),
            ("4 weeks", None),
            ("4 hourss", None),
            ("4ms", None),
            ("30m 1h", None),
            ("1h 1h", None),
            ("1h, 30m", None),
            ("1 hour and 30 minutes", None),
            ("4h!", None),
            ("４h", None),
            ("0.0000000001s", None),
            ("1000000000000000000s", None),
            ("999999999999999999d", None),
        ] {
            assert_eq!(duration_in_seconds(text), expected, "{text:?}");
        }
    }

    #[test]
    fn durations_in_seconds_say_what_to_write() {
        let m = |text| {
            let seconds = duration_in_seconds(text).unwrap();
            duration_message("MaxAutoMLJobRuntimeInSeconds", text, seconds, Some(1), None)
        };
        assert_eq!(
            m("4h"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 4h is 14400 — write 14400"
        );
        assert_eq!(
            m(" 1 hour 30 minutes "),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 1 hour 30 minutes is 5400 — write 5400"
        );
        assert_eq!(
            m("4000d"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 4000d is 345600000 — write 345600000"
        );
        assert_eq!(
            m("30000d"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 30000d is 2592000000, outside the 32-bit integer range — write a whole number of seconds from 1 to 2147483647"
        );
        assert_eq!(
            m("0s"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 0s is 0, below the minimum 1 — write a whole number of seconds from 1 to 2147483647"
        );
        assert_eq!(
            m("0.5s"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 0.5s is 0.5, not a whole number — write a whole number of seconds from 1 to 2147483647"
        );
        assert_eq!(
            m("1.01m"),
            "MaxAutoMLJobRuntimeInSeconds is in seconds: 1.01m is 60.6, not a whole number — write a whole number of seconds from 1 to 2147483647"
        );
        assert_eq!(
            duration_message("X", "1h", (3_600, 0), Some(1), Some(60)),
            "X is in seconds: 1h is 3600, above the maximum 60 — write a whole number of seconds from 1 to 60"
        );
    }

    #[test]
    fn seconds_to_write_are_whole_and_within_the_range() {
        let shape = &model::MAX_AUTO_ML_JOB_RUNTIME_IN_SECONDS;
        assert_eq!(seconds_to_write(shape, "4h"), Some(14_400));
        assert_eq!(seconds_to_write(shape, "1h 30m"), Some(5_400));
        assert_eq!(seconds_to_write(shape, "0s"), None, "below the minimum");
        assert_eq!(seconds_to_write(shape, "0.5s"), None, "not whole");
        assert_eq!(seconds_to_write(shape, "30000d"), None, "beyond 32 bits");
        assert_eq!(seconds_to_write(shape, "14400"), None, "already a number");
        assert_eq!(seconds_to_write(&model::BOOLEAN, "4h"), None);
    }

    /// Regression: every RoleArn that failed its pattern got the same generic message.
    #[test]
    fn role_arn_failures_name_their_cause() {
        for (value, expected) in [
            (
                "arn:aws:iam::123456789012:role/x ",
                "ends with a space (pasted?): remove it",
            ),
            (
                "arn:aws:iam::123456789012:user/alice",
                "is an IAM user ARN, not a role's: give the ARN of a role SageMaker can assume, arn:aws:iam::<12-digit account ID>:role/<name>",
            ),
            (
                "arn:aws:iam::123456789012:group/admins",
                "is an IAM group ARN, not a role's: give the ARN of a role SageMaker can assume, arn:aws:iam::<12-digit account ID>:role/<name>",
            ),
            (
                "arn:aws:iam::12345678901:role/x",
                "has an account ID of 11 digits, 12345678901; account IDs have 12 (leading zeros lost?)",
            ),
            (
                "arn:aws:iam:::role/x",
                "has no account ID: arn:aws:iam::<12-digit account ID>:role/<name>",
            ),
            (
                "arn:aws:iam::my-account:role/x",
                "has 'my-account' where the 12-digit account ID belongs",
            ),
            (
                "arn:aws:iam:123456789012:role/x",
                "needs two colons after iam (iam::, an IAM ARN has no Region) before the account ID",
            ),
            (
                "arn:aws:iam:us-east-1:123456789012:role/x",
                "has a Region ('us-east-1'), but IAM ARNs have none: write iam::123456789012",
            ),
            (
                "arn:aws:sts::123456789012:assumed-role/MyRole/session",
                "is an STS assumed-role session ARN, not the role's ARN: write arn:aws:iam::123456789012:role/MyRole (with the role's path, if it has one)",
            ),
            (
                "arn:aws:s3:::bucket/key",
                "names the service 's3' where iam belongs: arn:aws:iam::<12-digit account ID>:role/<name>",
            ),
            (
                "arn:AWS:iam::123456789012:role/x",
                "has the partition 'AWS' where aws (or aws-cn, aws-us-gov) belongs: arn:aws:iam::<12-digit account ID>:role/<name>",
            ),
            (
                "AmazonSageMaker-ExecutionRole",
                "must be the role's ARN, not its name: arn:aws:iam::<12-digit account ID>:role/AmazonSageMaker-ExecutionRole",
            ),
            (
                "arn:aws:iam::123456789012:AmazonSageMaker-ExecutionRole",
                "has no role/ before the role name: write arn:aws:iam::123456789012:role/AmazonSageMaker-ExecutionRole",
            ),
            (
                "arn:aws:iam::123456789012:role/my role",
                "has a role name with a character roles cannot have: character 34 is a space (names may contain letters, digits and + = , . @ _ - /)",
            ),
        ] {
            let shape = &model::ROLE_ARN;
            assert!(!pattern::matches(shape_pattern(shape), value), "{value}");
            assert_eq!(pattern_explanation(shape, value), expected, "{value}");
        }
    }

    /// Regression: "churn-" was told twice that a name must start and end with a letter or
    /// digit, and never which end was at fault.
    #[test]
    fn name_pattern_messages_point_at_the_cause() {
        let name = &model::AUTO_ML_JOB_NAME;
        let says = |v: &str| pattern_explanation(name, v);
        let rule = "may contain only ASCII letters, digits and hyphens, starting and ending with a letter or digit";
        assert_eq!(says("churn-"), format!("{rule} (it ends with '-')"));
        assert_eq!(says("-churn"), format!("{rule} (it starts with '-')"));
        assert_eq!(
            says("-churn-"),
            format!("{rule} (it starts and ends with '-')")
        );
        assert_eq!(
            says("my_job-"),
            format!("{rule} (it ends with '-', and character 3 is '_')")
        );
        assert_eq!(
            says("my-job "),
            format!("{rule} (it ends with a space, perhaps pasted)")
        );
    }

    /// Security group and subnet IDs: the ID inside a pasted ARN, and a name given for an ID.
    #[test]
    fn ec2_id_messages_suggest_the_id() {
        let sg = |v: &str| ec2_id_explanation(v, "sg-", "group", "sg-0123456789abcdef0");
        assert!(
            sg("arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc")
                .ends_with(": write only the ID, sg-0abc")
        );
        assert!(sg("my group")
            .ends_with(": give the group's ID, such as sg-0123456789abcdef0, not its name"));
        assert!(sg("sg_0abc").ends_with("(character 3 is '_')"));
        let subnet =
            |v: &str| ec2_id_explanation(v, "subnet-", "subnet", "subnet-0123456789abcdef0");
        assert!(subnet(" subnet-0abc").ends_with("(it starts with a space, perhaps pasted)"));
    }

    #[test]
    fn pattern_explanations_never_panic() {
        let alphabet: Vec<char> = "arn:aws-iam:role/user sg-subnet-0123456789\té😀{,}\\p"
            .chars()
            .collect();
        let mut rng = crate::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        let shapes = [
            &model::ROLE_ARN,
            &model::AUTO_ML_JOB_NAME,
            &model::SECURITY_GROUP_ID,
            &model::SUBNET_ID,
            &model::KMS_KEY_ID,
            &model::S3_URI,
        ];
        for _ in 0..20_000 {
            let state = rng.next();
            let len = (state % 40) as usize;
            let value: String = (0..len)
                .map(|i| alphabet[((state >> (i % 50)) as usize + i * 7) % alphabet.len()])
                .collect();
            for prefix in ["", "arn:aws:iam::", "arn:aws:iam::123456789012:role", " "] {
                let value = format!("{prefix}{value}");
                for shape in shapes {
                    let _ = pattern_explanation(shape, &value);
                }
                let _ = pattern::without_upper_bounds(&value);
            }
        }
    }

    /// A role ARN after white space counts characters from the start of the value.
    #[test]
    fn role_arn_positions_count_leading_white_space() {
        assert_eq!(
            role_arn_explanation("  arn:aws:iam::123456789012:role/my role"),
            "starts with a space (pasted?), and has a role name with a character roles cannot have: character 36 is a space (names may contain letters, digits and + = , . @ _ - /)"
        );
    }

    /// `role_arn_cause` matches with the model's pattern (it would match nothing with another).
    #[test]
    fn role_arn_pattern_is_the_models() {
        assert_eq!(ROLE_ARN_PATTERN, shape_pattern(&model::ROLE_ARN));
    }

    fn shape_pattern(shape: &Shape) -> &'static str {
        match shape.kind {
            Kind::String {
                pattern: Some(p), ..
            } => p,
            _ => panic!("{} has no pattern", shape.name),
        }
    }

    #[test]
    fn suggestions() {
        let names = ["AutoMLJobName", "RoleArn"];
        assert_eq!(suggest("automljobname", &names), Some("AutoMLJobName"));
        assert_eq!(suggest("RoleArm", &names), Some("RoleArn"));
        assert_eq!(suggest("Completely", &names), None);
    }
}
