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

use crate::diag::{Diagnostic, Findings, Severity};
use crate::json::{self, escape_pointer_token, Node, Span, Value};
use crate::model::{self, Kind, Shape};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB};
use crate::rules;
use crate::wording::java::render_java;
use crate::wording::text::shorten;
use explain::suggest;
use scalar::{all_constraints, count_failure, scalar_failures, type_failure};

mod explain;
pub(crate) mod scalar;

pub use scalar::{duration_in_seconds, seconds_to_write};

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
    check_text_for(&CREATE_AUTO_ML_JOB, text)
}

/// [`check_text`] for a request of `op`.
pub fn check_text_for(op: &Operation, text: &str) -> Outcome {
    match json::parse_noting(text) {
        Ok((node, lone_surrogates)) => {
            let mut diagnostics = lone_surrogate_warnings(&node, &lone_surrogates);
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
            diagnostics.extend(check_node_for(op, &node));
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

/// The `lone-surrogate` warnings of a request read from a text with `\\u` escapes of half a
/// UTF-16 surrogate pair at `offsets` (in the order of the text; see
/// [`json::parse_noting`]): one per member, at its first, at most `SHOWN_PER_KIND` of a kind
/// (a text can hold hundreds of thousands of them). The import gives the same.
pub(crate) fn lone_surrogate_warnings(node: &Node, offsets: &[usize]) -> Vec<Diagnostic> {
    let mut lone = Findings::new();
    let mut current: Option<(String, usize, usize)> = None;
    for &offset in offsets {
        let path = pointer_at(node, offset);
        match &mut current {
            Some((last, _, count)) if *last == path => *count += 1,
            _ => {
                if let Some(done) = current.replace((path, offset, 1)) {
                    push_lone_surrogate(&mut lone, done);
                }
            }
        }
    }
    if let Some(done) = current {
        push_lone_surrogate(&mut lone, done);
    }
    lone.finish()
}

/// The `lone-surrogate` warning for the `count` lone surrogates of the member at `path`, the
/// first at `offset`.
fn push_lone_surrogate(out: &mut Findings, (path, offset, count): (String, usize, usize)) {
    if !out.admit(Severity::Warning, "lone-surrogate", &path, false, false) {
        return;
    }
    let what = if count == 1 {
        "a \\u escape".to_string()
    } else {
        format!("{count} \\u escapes (the first is shown)")
    };
    out.push_admitted(Diagnostic {
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

/// A model violation at `place`, read from `span`: the service reports `clause` for it (alone,
/// its message is that clause combined; with others, the clause joins theirs).
fn model_error(failure: Failure, place: &Place, span: Span, clause: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code: failure.code,
        path: place.pointer.clone(),
        message: failure.message,
        service_message: Some(crate::diag::combine_clauses(&[&clause])),
        cli_message: failure.cli,
        span: Some(span),
        service_clause: Some(clause),
        related: Vec::new(),
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
    check_node_for(&CREATE_AUTO_ML_JOB, request)
}

/// [`check_node`] for a request of `op`: its request table, then its rules.
pub fn check_node_for(op: &Operation, request: &Node) -> Vec<Diagnostic> {
    let mut walker = Walker {
        out: Findings::new(),
        v2: op.name == crate::operation::CREATE_AUTO_ML_JOB_V2.name,
    };
    let place = Place {
        pointer: String::new(),
        service: String::new(),
        cli: String::new(),
    };
    walker.walk(request, op.request, &place);
    let model = walker.out;
    let mut documented = Findings::new();
    rules::run_for(op, request, &mut documented);
    // A documented rule says nothing new about a member the model already faults (among
    // the model's findings listed: see `Findings`).
    let faulted = model.listed();
    documented.retain(|d| !faulted.iter().any(|m| m.is_error() && m.path == d.path));
    let mut out = model.finish();
    out.extend(documented.finish());
    out
}

/// The JSON Pointer of the innermost value whose text holds a byte offset.
fn pointer_at(node: &Node, offset: usize) -> String {
    let mut pointer = String::new();
    let mut node = node;
    loop {
        let next = match &node.value {
            // Items and members are in text order: a binary search, so that a million
            // offsets in a million items take no quadratic time.
            Value::Array(items) => {
                let i = items.partition_point(|n| n.span.end <= offset);
                items
                    .get(i)
                    .filter(|n| n.span.start <= offset)
                    .map(|n| (i.to_string(), n))
            }
            Value::Object(members) => {
                let i = members.partition_point(|m| m.value.span.end <= offset);
                members
                    .get(i)
                    .filter(|m| m.key_span.start <= offset)
                    .map(|m| (escape_pointer_token(&m.key), &m.value))
            }
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

    /// The value under `key` of a map (the service names it `map.key`, botocore `Map.key`).
    fn entry(&self, key: &str) -> Place {
        Place {
            pointer: format!("{}/{}", self.pointer, escape_pointer_token(key)),
            service: format!("{}.{key}", self.service),
            cli: format!("{}.{key}", self.cli),
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
    /// At most `diag::SHOWN_PER_KIND` findings of a kind, the rest counted: a finding not
    /// listed is not built.
    out: Findings,
    /// Whether the request is `CreateAutoMLJobV2`'s: an unknown member that is V1's is told
    /// where it goes in V2 (and, for any other operation, a member that is V2's where it goes
    /// in V1).
    v2: bool,
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
                                        // The service quotes the whole list; past 4,096
                                        // characters (a list of a million strings) ours
                                        // ends with `…`, once for all its items.
                                        shorten(&render_java(node), 4096),
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
            Kind::Map {
                key,
                value,
                min,
                max,
            } => {
                let entries = node.as_object().unwrap_or_default();
                if let Some(mut failure) = count_failure(entries.len(), *min, *max, value, place) {
                    // botocore checks no map's entry count (`validate.py`, `_validate_map`).
                    failure.cli = None;
                    self.push(node, place, failure);
                }
                for entry in entries {
                    let entry_place = place.entry(&entry.key);
                    // The key is a string of the key shape, checked where it is written;
                    // botocore names it `Map (key: k)`.
                    let key_node = Node {
                        value: Value::String(entry.key.clone()),
                        span: entry.key_span,
                    };
                    let key_place = Place {
                        cli: format!("{} (key: {})", place.cli, entry.key),
                        ..entry_place.clone()
                    };
                    self.walk(&key_node, key, &key_place);
                    self.walk(&entry.value, value, &entry_place);
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
                let path = format!("{}/{}", place.pointer, escape_pointer_token(&member.key));
                if !self
                    .out
                    .admit(Severity::Warning, "duplicate", &path, false, false)
                {
                    continue;
                }
                self.out.push_admitted(Diagnostic {
                    severity: Severity::Warning,
                    code: "duplicate",
                    path,
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
        if !self
            .out
            .admit(Severity::Error, "required", &missing.pointer, true, true)
        {
            return;
        }
        let cli = format!(
            "Missing required parameter in {}: \"{}\"",
            place.cli_container(),
            def.name
        );
        let clause = format!(
            "Value null at '{}' failed to satisfy constraint: Member must not be null",
            missing.service
        );
        self.out.push_admitted(Diagnostic {
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
        let path = format!("{}/{}", place.pointer, escape_pointer_token(key));
        if !self
            .out
            .admit(Severity::Error, "unknown", &path, false, true)
        {
            return;
        }
        let names: Vec<&str> = members.iter().map(|m| m.name).collect();
        let list = names.join(", ");
        let cli = format!(
            "Unknown parameter in {}: \"{key}\", must be one of: {list}",
            place.cli_container(),
        );
        let moved = if !self.v2 {
            model::V2_ONLY
                .iter()
                .find(|(name, _)| *name == key && place.cli.is_empty())
                .map(|(_, instead)| ("CreateAutoMLJobV2's", "CreateAutoMLJob", *instead))
        } else if place.cli.is_empty() {
            model::V1_ONLY_IN_V2
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, instead)| ("CreateAutoMLJob's", "CreateAutoMLJobV2", *instead))
        } else if place.pointer.starts_with("/AutoMLJobInputDataConfig/")
            && place.pointer.matches('/').count() == 2
        {
            model::V1_CHANNEL_ONLY_IN_V2
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, instead)| ("CreateAutoMLJob's channels", "CreateAutoMLJobV2", *instead))
        } else {
            None
        };
        let hint = match suggest(key, &names) {
            _ if moved.is_some() => {
                let (other, this, instead) = moved.unwrap_or_default();
                format!(" but of {other} (this is a {this} request: {instead})")
            }
            Some(name) if name.eq_ignore_ascii_case(key) => {
                format!(" (member names are case-sensitive: write {name})")
            }
            Some(name) => format!(" (did you mean {name}?)"),
            None => String::new(),
        };
        self.out.push_admitted(Diagnostic {
            severity: Severity::Error,
            code: "unknown",
            path,
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
        let mut clause: Option<String> = None;
        let mut list_clause = Some(list_clause);
        for failure in failures {
            // The items share the list's clause: an item not listed adds none.
            let cli = failure.cli.is_some();
            if !self
                .out
                .admit(Severity::Error, failure.code, &place.pointer, false, cli)
            {
                continue;
            }
            if clause.is_none() {
                clause = list_clause.take().map(|make| make());
            }
            let clause = clause.clone().unwrap_or_default();
            self.out
                .push_admitted(model_error(failure, place, item.span, clause));
        }
    }

    fn push(&mut self, node: &Node, place: &Place, failure: Failure) {
        let cli = failure.cli.is_some();
        if !self
            .out
            .admit(Severity::Error, failure.code, &place.pointer, true, cli)
        {
            return;
        }
        // The service quotes the whole value; past 4,096 characters (a list of a million
        // items, a string of megabytes) ours ends with `…`, so that no report is megabytes.
        let value = shorten(&render_java(node), 4096);
        let clause = format!(
            "Value '{value}' at '{}' failed to satisfy constraint: {}",
            place.service, failure.constraint
        );
        self.out
            .push_admitted(model_error(failure, place, node.span, clause));
    }

    /// A wrong JSON type: the AWS CLI refuses it before sending, except a boolean where a
    /// number belongs, which reaches the service and fails there to deserialize.
    fn push_cli_only(&mut self, node: &Node, place: &Place, failure: Failure) {
        let cli = failure.cli.is_some();
        if !self
            .out
            .admit(Severity::Error, failure.code, &place.pointer, false, cli)
        {
            return;
        }
        let service = match (&failure.cli, &node.value) {
            (Some(cli), _) => Some(cli.clone()),
            (None, Value::Bool(_)) => Some(format!(
                "SerializationException: {} must be a number, not a boolean",
                place.cli
            )),
            (None, _) => None,
        };
        self.out.push_admitted(Diagnostic {
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

#[cfg(test)]
mod tests {
    use super::explain::{
        ec2_id_explanation, pattern_explanation, role_arn_explanation, ROLE_ARN_PATTERN,
    };
    use super::scalar::{duration_message, integer_as_float_message, whole_number_text};
    use super::*;
    use crate::number::parse_f64;
    use crate::pattern;
    use crate::wording::java::java_number;
    use crate::wording::python::{python_escapes, python_float, python_repr, with_point};
    use crate::wording::text::{int_text, is_integer_text};

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
            assert!(
                !pattern::model_matches(shape_pattern(shape), value, false),
                "{value}"
            );
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
