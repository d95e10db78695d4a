//! The reader: the keyword arguments of the call, and every value as botocore would send it,
//! read as Python runs the program: literals, names set earlier (in the branch the program
//! takes, or a function's parameter from its call), arithmetic on numbers, strings joined or
//! formatted, conditions decided. What only running the program tells (a call, an attribute,
//! a condition on such a value) is a hole ([`Pending`]): the value keeps its written parts,
//! with the hole marked as `{expression}` (see `crate::import::hole_marker`).

use super::eval::{self, Argument};
use super::flow::{self, Block, BlockKind};
use super::tokens::{Kind, Tokens};
use crate::diag::{Diagnostic, Severity};
use crate::import::{error, hole_marker, set_member, ImportError};
use crate::json::{escape_pointer_token, Member, Node, Span, Value, MAX_DEPTH};
use crate::wording::python::python_float;

mod expressions;
mod names;
pub(super) mod sdk;
mod upload;

pub(super) struct Reader<'t, 'a> {
    pub(super) t: &'t Tokens<'a>,
    pub(super) depth: usize,
    /// Values read so far: a name read twice is read twice, so names built from names could
    /// double the work at each step; a request is a few hundred values.
    pub(super) values: usize,
    /// Each `name = …` statement: (name, token of the value, token after the statement,
    /// token that starts the statement).
    pub(super) assignments: Vec<(String, usize, usize, usize)>,
    /// Each name bound to a value the reader does not read (`for x in …`, `a, b = f()`,
    /// `import`): (name, token after the binding, token that starts the statement).
    pub(super) unvalued: Vec<(String, usize, usize)>,
    /// The boto3 method whose call holds the request (`create_auto_ml_job`).
    pub(super) method: &'static str,
    /// The compound statements (see `flow`).
    pub(super) blocks: Vec<Block>,
    /// Where the value being read goes: the JSON Pointer's tokens, each with the offset of
    /// the key that names it in the source.
    pub(super) path: Vec<(String, usize)>,
    /// The holes found so far, in the order they were read.
    pub(super) holes: Vec<Pending>,
    /// Warnings of the import (a function's parameters read from its call).
    pub(super) notes: Vec<Diagnostic>,
    /// Each `if`/`elif`/`else` branch (by block) decided so far: whether the program takes it.
    pub(super) decided: Vec<Option<Option<bool>>>,
    /// Where the call is, for a hole in no member (`**settings()`).
    pub(super) call_at: usize,
}

/// Why a hole's value is known only when the program runs.
#[derive(Clone, Debug)]
pub(super) enum Why {
    /// The expression is a call, an attribute, … worked out when it runs.
    Runs,
    /// It is set in a branch of a condition (header text, offset) that is not known.
    Condition(String, usize),
    /// It is set in a loop or an `except` (header text, offset).
    Loop(String, usize),
    /// A parameter of the function, which no call gives.
    Parameter(String),
    /// Nothing sets it before it is used.
    Unset,
    /// A statement binds it to a value known only when it runs: a `for` loop's target, an
    /// unpacking, an import (the statement's text, offset).
    Bound(String, usize),
    /// Worked out from other holes (their descriptions).
    Because(Vec<String>),
    /// Filled in by the SageMaker Python SDK when the program runs (what it does, and why).
    Sdk(String),
}

/// A hole found while reading: what to fill in and why.
#[derive(Clone, Debug)]
pub(super) struct Pending {
    /// How it shows in the value (`{bucket}`).
    pub(super) marker: String,
    /// The expression whose value it is (`sagemaker.Session().default_bucket()`).
    pub(super) expr: String,
    /// The variable it is the value of, and where that is set.
    pub(super) name: Option<(String, usize)>,
    /// The expression in the text.
    pub(super) span: Span,
    pub(super) why: Why,
    /// The JSON Pointer of the member it feeds.
    pub(super) path: String,
    /// Where that member is written.
    pub(super) used: usize,
}

/// The most values read for one import (see `Reader::values`).
const MAX_VALUES: usize = 100_000;

/// Methods of a dict or list that change it in place.
const CHANGES: [&str; 10] = [
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "append",
    "extend",
    "insert",
    "remove",
    "sort",
];

/// String methods without arguments the reader works out.
const STRING_METHODS: [&str; 5] = ["lower", "upper", "strip", "lstrip", "rstrip"];

/// How a name is set where it is used.
enum Binding {
    /// By the statement whose value starts at this token.
    Value(usize),
    /// In a branch or loop the program may or may not run.
    Unsure(Why),
    /// As the parameter of the `def` (block) at this position.
    Parameter(usize, usize),
    Unset,
}

/// The text of `text` from `start` to `end` on one line (runs of white space as one space),
/// at most 80 characters.
fn one_line(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() > 80 {
        let cut: String = line.chars().take(79).collect();
        format!("{cut}…")
    } else {
        line
    }
}

impl Reader<'_, '_> {
    pub(super) fn fail(&self, i: usize, message: &str) -> ImportError {
        error(self.t.text, self.t.at(i), message)
    }

    /// The error for a token where `wanted` belongs: the reason the text stopped being
    /// Python there, or what the token is instead.
    pub(super) fn unexpected(&self, i: usize, wanted: &str) -> ImportError {
        if self.t.kind(i) == Kind::End {
            if let Some(stop) = &self.t.stop {
                return stop.clone();
            }
            return self.fail(i, &format!("the text ends where {wanted} belongs"));
        }
        let found = self.t.text_of(i);
        self.fail(i, &format!("expected {wanted}, found '{found}'"))
    }

    /// Whether the token at `i` is the word `w`, within the statement (not starting the next).
    fn word(&self, i: usize, w: &str) -> bool {
        self.t.kind(i) == Kind::Name
            && self.t.text_of(i) == w
            && !self.t.list[i.min(self.t.list.len() - 1)].statement
    }

    /// The JSON Pointer of the value being read.
    fn pointer(&self) -> String {
        self.path
            .iter()
            .map(|(k, _)| format!("/{}", escape_pointer_token(k)))
            .collect()
    }

    /// Reads a value that goes at `key` (written at byte `at`) of the value being read.
    fn at_key<T>(&mut self, key: String, at: usize, read: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push((key, at));
        let out = read(self);
        self.path.pop();
        out
    }

    /// A hole for `expr` at `span`, at the member being read; its node is the marker.
    pub(super) fn hole_at(&mut self, span: Span, expr: String, why: Why) -> Node {
        let marker = hole_marker(&expr);
        let used = self.path.last().map_or(self.call_at, |p| p.1);
        self.holes.push(Pending {
            marker: marker.clone(),
            expr,
            name: None,
            span,
            why,
            path: self.pointer(),
            used,
        });
        Node {
            value: Value::String(marker),
            span,
        }
    }

    /// The span of the tokens `start..end`.
    fn span_of(&self, start: usize, end: usize) -> Span {
        let last = end.max(start + 1) - 1;
        Span {
            start: self.t.at(start),
            end: self.t.list[last.min(self.t.list.len() - 1)]
                .end
                .max(self.t.at(start)),
        }
    }

    /// A hole for the expression of tokens `start..end`.
    fn hole_of(&mut self, start: usize, end: usize, why: Why) -> Node {
        let span = self.span_of(start, end);
        let expr = one_line(&self.t.text[span.start..span.end]);
        self.hole_at(span, expr, why)
    }

    /// Whether holes were found since `mark`.
    fn holed(&self, mark: usize) -> bool {
        self.holes.len() > mark
    }

    /// The expression of tokens `start..end` as one hole, in place of the holes found in it
    /// since `mark` (named in its reason), or for `why` when given.
    fn collapse(&mut self, mark: usize, start: usize, end: usize, why: Option<Why>) -> Node {
        let because: Vec<String> = self.holes[mark.min(self.holes.len())..]
            .iter()
            .filter_map(|p| self.because(p))
            .collect();
        self.holes.truncate(mark);
        let why = why.unwrap_or(if because.is_empty() {
            Why::Runs
        } else {
            Why::Because(because)
        });
        self.hole_of(start, end, why)
    }

    /// When `node` (read since `mark`) is exactly one hole that names no variable, names it
    /// `name`, set at byte `set_at`.
    fn name_hole(&mut self, mark: usize, node: &mut Node, name: &str, set_at: usize) {
        if self.holes.len() != mark + 1 || self.holes[mark].name.is_some() {
            return;
        }
        if node.value != Value::String(self.holes[mark].marker.clone()) {
            return;
        }
        let p = &mut self.holes[mark];
        if matches!(p.why, Why::Runs | Why::Because(_)) {
            p.name = Some((name.to_string(), set_at));
            p.marker = hole_marker(name);
            node.value = Value::String(p.marker.clone());
        }
    }

    /// The token after the attributes, calls and subscripts that follow token `i`.
    fn chain_end(&self, mut i: usize) -> usize {
        loop {
            if self.t.is_op(i, ".") && self.t.kind(i + 1) == Kind::Name {
                i += 2;
            } else if self.t.is_op(i, "(") || self.t.is_op(i, "[") {
                i = self.t.after_brackets(i);
            } else {
                return i;
            }
        }
    }

    /// The token after the expression that starts at `i`: at its `,`, closing bracket,
    /// `:` or the end of its statement.
    fn expression_end(&self, mut i: usize) -> usize {
        while self.t.kind(i) != Kind::End
            && !self.t.list[i].statement
            && !(self.t.kind(i) == Kind::Op && matches!(self.t.text_of(i), "," | ")" | "]" | "}"))
        {
            if self.word(i, "lambda") {
                while self.t.kind(i) != Kind::End && !self.t.is_op(i, ":") {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if self.t.is_op(i, ":") {
                break;
            }
            i = if self.t.kind(i) == Kind::Op && matches!(self.t.text_of(i), "(" | "[" | "{") {
                self.t.after_brackets(i)
            } else {
                i + 1
            };
        }
        i
    }

    /// The request: the keyword arguments of the call whose name is at `call`.
    pub(super) fn call(&mut self, call: usize) -> Result<Node, ImportError> {
        let method = self.method;
        self.call_at = self.t.at(call);
        let mut i = call + 2;
        let mut members: Vec<Member> = Vec::new();
        // Which members a keyword gave (a second is Python's SyntaxError; one given by a
        // keyword and a `**` dict is a TypeError).
        let mut keywords: Vec<String> = Vec::new();
        // Values that cannot be read: each argument is still read, so that one answer names
        // every place to fix rather than one per import.
        let mut problems: Vec<ImportError> = Vec::new();
        loop {
            if self.t.is_op(i, ")") {
                break;
            }
            if self.t.is_op(i, "**") {
                let at = i + 1;
                i += 1;
                let mark = self.holes.len();
                let node = match self.value(&mut i) {
                    Ok(node) => node,
                    Err(e) => {
                        problems.push(e);
                        i = self.t.argument_end(at);
                        if self.t.is_op(i, ",") {
                            i += 1;
                        }
                        continue;
                    }
                };
                let Value::Object(more) = node.value else {
                    if self.holed(mark) {
                        // The whole dict is worked out when the program runs: its hole
                        // stands for the request.
                        if self.t.is_op(i, ",") {
                            i += 1;
                        }
                        continue;
                    }
                    return Err(self.fail(at, "** needs a dict of the request's members"));
                };
                for m in more {
                    if members.iter().any(|have| have.key == m.key) {
                        return Err(error(
                            self.t.text,
                            m.key_span.start,
                            &format!("{method}() would get two values for {} (Python's TypeError): give it once", m.key),
                        ));
                    }
                    members.push(m);
                }
            } else if self.t.kind(i) == Kind::Name && self.t.is_op(i + 1, "=") {
                let key = self.t.text_of(i).to_string();
                let key_span = Span {
                    start: self.t.at(i),
                    end: self.t.list[i].end,
                };
                if keywords.contains(&key) {
                    return Err(self.fail(
                        i,
                        &format!("{key} is given twice (Python's SyntaxError): give it once"),
                    ));
                }
                if members.iter().any(|m| m.key == key) {
                    return Err(self.fail(
                        i,
                        &format!("{method}() would get two values for {key} (Python's TypeError): give it once"),
                    ));
                }
                i += 2;
                keywords.push(key.clone());
                let start = i;
                let value = match self.at_key(key.clone(), key_span.start, |r| r.value(&mut i)) {
                    Ok(value) => value,
                    Err(e) => {
                        problems.push(e);
                        i = self.t.argument_end(start);
                        if self.t.is_op(i, ",") {
                            i += 1;
                        }
                        continue;
                    }
                };
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
            } else if self.t.is_op(i, "*") {
                return Err(self.fail(
                    i,
                    &format!("{method}() takes keyword arguments only: *arguments cannot be sent"),
                ));
            } else if self.t.kind(i) == Kind::End {
                return Err(self.unexpected(i, &format!("the ')' closing {method}(")));
            } else {
                return Err(self.fail(
                    i,
                    &format!("{method}() takes keyword arguments only (boto3 raises TypeError): write Name=value"),
                ));
            }
            if self.t.is_op(i, ",") {
                i += 1;
            } else if !self.t.is_op(i, ")") {
                return Err(self.unexpected(i, "',' or ')'"));
            }
        }
        if let Some(first) = problems.first() {
            let mut message = first.message.clone();
            let mut seen = vec![first.offset];
            for p in &problems[1..] {
                if seen.contains(&p.offset) {
                    continue;
                }
                seen.push(p.offset);
                message.push_str(&format!(". Also {}: {}", self.t.place(p.offset), p.message));
            }
            return Err(ImportError {
                message,
                ..first.clone()
            });
        }
        Ok(Node {
            value: Value::Object(members),
            span: Span {
                start: self.t.at(call),
                end: self.t.list[i].end,
            },
        })
    }

    /// The value whose first token is at `i`; `i` moves past it.
    pub(super) fn value(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fail(*i, "nested too deeply"));
        }
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.fail(
                *i,
                "this program builds a request of more than 100,000 values, far beyond any request",
            ));
        }
        self.depth += 1;
        let node = self.conditional(i);
        self.depth -= 1;
        node
    }

    /// A value with what follows it: attributes, calls and subscripts. String methods,
    /// `str.format`, subscripts of written values are worked out; anything else is a hole
    /// for the whole expression.
    fn primary(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let t = self.t;
        if *i > 0 && t.list[(*i).min(t.list.len() - 1)].statement && t.kind(*i) != Kind::End {
            let end = t.list[*i - 1].end;
            return Err(error(t.text, end, "the line ends where a value belongs"));
        }
        let start = *i;
        let mark = self.holes.len();
        let trailer = |k: usize| t.is_op(k, ".") || t.is_op(k, "(") || t.is_op(k, "[");
        if t.kind(start) == Kind::Name && trailer(start + 1) {
            // The SDK's uploads return a URI worked out from their arguments.
            if let Some((node, end)) = self.upload_call(start)? {
                *i = end;
                return Ok(node);
            }
        }
        if t.kind(start) == Kind::Name
            && trailer(start + 1)
            && !matches!(t.text_of(start), "True" | "False" | "None")
            && !self.worked_out_after(start)
        {
            let end = self.chain_end(start + 1);
            *i = end;
            return Ok(self.hole_of(start, end, Why::Runs));
        }
        let mut node = self.atom(i)?;
        loop {
            let known = !self.holed(mark);
            if t.is_op(*i, ".") && t.kind(*i + 1) == Kind::Name && t.is_op(*i + 2, "(") && known {
                let method = t.text_of(*i + 1);
                if let Value::String(s) = &node.value {
                    let s = s.clone();
                    if method == "format" {
                        *i += 3;
                        node = self.format_call(start, mark, &s, i)?;
                        continue;
                    }
                    if STRING_METHODS.contains(&method) && t.is_op(*i + 3, ")") {
                        *i += 4;
                        // ASCII only: Unicode's case tables would weigh on the page, and
                        // a hole says the rest.
                        let out = match method {
                            "lower" if s.is_ascii() => s.to_ascii_lowercase(),
                            "upper" if s.is_ascii() => s.to_ascii_uppercase(),
                            "strip" => s.trim().to_string(),
                            "lstrip" => s.trim_start().to_string(),
                            "rstrip" => s.trim_end().to_string(),
                            _ => break,
                        };
                        node = Node {
                            value: Value::String(out),
                            span: self.span_of(start, *i),
                        };
                        continue;
                    }
                    if method == "replace" || method == "join" {
                        let open = *i + 2;
                        let mut j = open + 1;
                        let amark = self.holes.len();
                        let a = self.value(&mut j)?;
                        let b = if t.is_op(j, ",") {
                            j += 1;
                            Some(self.value(&mut j)?)
                        } else {
                            None
                        };
                        if !t.is_op(j, ")") {
                            self.holes.truncate(amark);
                            break;
                        }
                        let out = match (method, &a.value, b.as_ref().map(|b| &b.value)) {
                            ("replace", Value::String(x), Some(Value::String(y)))
                                if !self.holed(amark) =>
                            {
                                Some(s.replace(x.as_str(), y))
                            }
                            ("join", Value::Array(items), None) => items
                                .iter()
                                .map(|n| n.as_str().map(str::to_string))
                                .collect::<Option<Vec<String>>>()
                                .map(|parts| parts.join(&s)),
                            _ => None,
                        };
                        let Some(out) = out else {
                            self.holes.truncate(amark);
                            break;
                        };
                        *i = j + 1;
                        node = Node {
                            value: Value::String(out),
                            span: self.span_of(start, *i),
                        };
                        continue;
                    }
                }
                break;
            } else if t.is_op(*i, "[") && known {
                match self.subscript(&node, *i)? {
                    Some((value, end)) => {
                        *i = end;
                        node = Node {
                            value,
                            span: self.span_of(start, end),
                        };
                    }
                    None => break,
                }
            } else if trailer(*i) {
                break;
            } else {
                return Ok(node);
            }
        }
        // What follows is worked out when the program runs: the whole chain is a hole.
        let end = self.chain_end(*i);
        *i = end;
        Ok(self.collapse(mark, start, end, Some(Why::Runs)))
    }

    /// `node[…]` at the `[` at `open`, for a written key, index or slice: the value and the
    /// token after the `]`; `None` for what the reader does not work out.
    fn subscript(
        &mut self,
        node: &Node,
        open: usize,
    ) -> Result<Option<(Value, usize)>, ImportError> {
        let t = self.t;
        let end = t.after_brackets(open);
        let close = end - 1;
        let mark = self.holes.len();
        let mut j = open + 1;
        let int = |n: &Node| -> Option<i64> {
            match &n.value {
                Value::Number(s) => s.parse::<i64>().ok(),
                _ => None,
            }
        };
        let read_int = |r: &mut Self, j: &mut usize| -> Result<Option<Option<i64>>, ImportError> {
            if t.is_op(*j, ":") || t.is_op(*j, "]") {
                return Ok(Some(None));
            }
            let n = r.value(j)?;
            Ok(int(&n).map(Some))
        };
        let first = read_int(self, &mut j);
        let out = if first.is_ok() && t.is_op(j, ":") {
            // A slice: [a:b], on a string or a list.
            j += 1;
            let second = read_int(self, &mut j);
            match (first?, second?) {
                (Some(a), Some(b)) if j == close => {
                    let slice = |len: usize| -> (usize, usize) {
                        let at = |x: Option<i64>, default: usize| -> usize {
                            match x {
                                None => default,
                                Some(x) if x < 0 => len.saturating_sub(x.unsigned_abs() as usize),
                                Some(x) => (x as usize).min(len),
                            }
                        };
                        let (a, b) = (at(a, 0), at(b, len));
                        (a, b.max(a))
                    };
                    match &node.value {
                        Value::String(s) => {
                            let chars: Vec<char> = s.chars().collect();
                            let (a, b) = slice(chars.len());
                            Some(Value::String(chars[a..b].iter().collect()))
                        }
                        Value::Array(items) => {
                            let (a, b) = slice(items.len());
                            Some(Value::Array(items[a..b].to_vec()))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        } else {
            // An index or a key.
            drop(first);
            let mut j = open + 1;
            let key = self.value(&mut j)?;
            if j != close {
                None
            } else {
                match (&node.value, &key.value) {
                    (Value::Object(members), Value::String(k)) => members
                        .iter()
                        .rev()
                        .find(|m| &m.key == k)
                        .map(|m| m.value.value.clone()),
                    (Value::Array(items), Value::Number(n)) => {
                        n.parse::<i64>().ok().and_then(|n| {
                            let n = if n < 0 { items.len() as i64 + n } else { n };
                            usize::try_from(n)
                                .ok()
                                .and_then(|n| items.get(n))
                                .map(|n| n.value.clone())
                        })
                    }
                    (Value::String(s), Value::Number(n)) => n.parse::<i64>().ok().and_then(|n| {
                        let len = s.chars().count() as i64;
                        let n = if n < 0 { len + n } else { n };
                        usize::try_from(n)
                            .ok()
                            .and_then(|n| s.chars().nth(n))
                            .map(|c| Value::String(c.to_string()))
                    }),
                    _ => None,
                }
            }
        };
        if self.holed(mark) {
            self.holes.truncate(mark);
            return Ok(None);
        }
        Ok(out.map(|v| (v, end)))
    }

    /// `template.format(…)` after its `(`: the arguments written are put in; a hole among
    /// them is kept as its marker; what the reader does not cover is a hole for the whole.
    fn format_call(
        &mut self,
        start: usize,
        mark: usize,
        template: &str,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let open = *i - 1;
        let mut positional: Vec<Argument> = Vec::new();
        let mut keywords: Vec<(String, Argument)> = Vec::new();
        let mut covered = true;
        while !t.is_op(*i, ")") {
            if t.kind(*i) == Kind::End {
                return Err(self.unexpected(*i, "the ')' closing format("));
            }
            if t.is_op(*i, "*") || t.is_op(*i, "**") {
                covered = false;
                *i = t.after_brackets(open) - 1;
                break;
            }
            let amark = self.holes.len();
            if t.kind(*i) == Kind::Name && t.is_op(*i + 1, "=") {
                let key = t.text_of(*i).to_string();
                *i += 2;
                let v = self.value(i)?;
                keywords.push((key, (v, self.holed(amark))));
            } else {
                let v = self.value(i)?;
                positional.push((v, self.holed(amark)));
            }
            if t.is_op(*i, ",") {
                *i += 1;
            } else if !t.is_op(*i, ")") {
                return Err(self.unexpected(*i, "',' or ')'"));
            }
        }
        *i += 1;
        let text = if covered {
            eval::str_format(template, &positional, &keywords)
        } else {
            None
        };
        match text {
            Some(text) => Ok(Node {
                value: Value::String(text),
                span: self.span_of(start, *i),
            }),
            None => Ok(self.collapse(mark, start, *i, None)),
        }
    }

    /// A value on its own: a literal, a name, a dict, list or tuple display, `dict(…)`,
    /// `str(…)`, `int(…)`.
    fn atom(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let t = self.t;
        match t.kind(start) {
            Kind::Number => {
                *i += 1;
                let value = self.number(start)?;
                Ok(Node {
                    value,
                    span: self.span_of(start, *i),
                })
            }
            Kind::Str => {
                let mut text = String::new();
                while t.kind(*i) == Kind::Str {
                    self.string(*i, &mut text)?;
                    *i += 1;
                }
                Ok(Node {
                    value: Value::String(text),
                    span: self.span_of(start, *i),
                })
            }
            Kind::Name => {
                let name = t.text_of(start);
                let value = match name {
                    "True" => Value::Bool(true),
                    "False" => Value::Bool(false),
                    "None" => Value::Null,
                    "dict" if t.is_op(start + 1, "(") => {
                        *i += 2;
                        return self.keyword_dict(start, i);
                    }
                    "str" | "int" if t.is_op(start + 1, "(") => {
                        let mark = self.holes.len();
                        let mut j = start + 2;
                        let arg = if t.is_op(j, ")") {
                            None
                        } else {
                            Some(self.value(&mut j)?)
                        };
                        let end = t.after_brackets(start + 1);
                        *i = end;
                        let span = self.span_of(start, end);
                        if j + 1 != end {
                            return Ok(self.collapse(mark, start, end, Some(Why::Runs)));
                        }
                        let value = match (name, arg) {
                            ("str", None) => Some(Value::String(String::new())),
                            ("str", Some(arg)) if self.holed(mark) => Some(arg.value),
                            ("str", Some(arg)) => eval::py_str(&arg.value).map(Value::String),
                            ("int", Some(arg)) if !self.holed(mark) => match &arg.value {
                                Value::String(s) => super::py_int(s).map(Value::Number),
                                Value::Number(n) if !n.contains(['.', 'e', 'E']) => {
                                    Some(Value::Number(n.clone()))
                                }
                                Value::Bool(b) => Some(Value::Number(u8::from(*b).to_string())),
                                _ => None,
                            },
                            _ => None,
                        };
                        return Ok(match value {
                            Some(value) => Node { value, span },
                            None => self.collapse(mark, start, end, None),
                        });
                    }
                    _ => {
                        *i += 1;
                        return self.variable(start);
                    }
                };
                *i += 1;
                Ok(Node {
                    value,
                    span: self.span_of(start, *i),
                })
            }
            Kind::Op => match t.text_of(start) {
                "{" => {
                    let mark = self.holes.len();
                    *i += 1;
                    let mut members: Vec<Member> = Vec::new();
                    while !t.is_op(*i, "}") {
                        if t.is_op(*i, "**") || self.word(*i, "for") {
                            return Ok(self.bracket_hole(start, mark, i));
                        }
                        let key_at = *i;
                        let key = self.value(i)?;
                        if self.word(*i, "for") {
                            return Ok(self.bracket_hole(start, mark, i));
                        }
                        let Value::String(key) = key.value else {
                            return Err(self.fail(
                                key_at,
                                "a key of the request is a string: write it in quotes",
                            ));
                        };
                        if !t.is_op(*i, ":") {
                            return Err(self.unexpected(*i, "':'"));
                        }
                        *i += 1;
                        let key_span = self.span_of(key_at, key_at + 1);
                        let value = self.at_key(key.clone(), key_span.start, |r| r.value(i))?;
                        if self.word(*i, "for") {
                            return Ok(self.bracket_hole(start, mark, i));
                        }
                        // A repeated key keeps its first place and takes the last value.
                        set_member(&mut members, key, key_span, value);
                        if t.is_op(*i, ",") {
                            *i += 1;
                        } else if !t.is_op(*i, "}") {
                            return Err(self.unexpected(*i, "',' or '}'"));
                        }
                    }
                    *i += 1;
                    Ok(Node {
                        value: Value::Object(members),
                        span: self.span_of(start, *i),
                    })
                }
                "[" | "(" => {
                    let close = if t.text_of(start) == "[" { "]" } else { ")" };
                    let mark = self.holes.len();
                    *i += 1;
                    let mut items = Vec::new();
                    let mut tuple = close == "]";
                    while !t.is_op(*i, close) {
                        if t.is_op(*i, "*") {
                            return Ok(self.bracket_hole(start, mark, i));
                        }
                        // A tuple's items are not known to be items until its first comma.
                        let item = if close == "]" {
                            let at = self.t.at(*i);
                            let index = items.len().to_string();
                            self.at_key(index, at, |r| r.value(i))?
                        } else {
                            self.value(i)?
                        };
                        items.push(item);
                        if self.word(*i, "for") || self.word(*i, "async") {
                            return Ok(self.bracket_hole(start, mark, i));
                        }
                        if t.is_op(*i, ",") {
                            tuple = true;
                            *i += 1;
                        } else if !t.is_op(*i, close) {
                            return Err(self.unexpected(*i, &format!("',' or '{close}'")));
                        }
                    }
                    *i += 1;
                    if !tuple && items.len() == 1 {
                        // Brackets around one value group it.
                        return Ok(items.remove(0));
                    }
                    Ok(Node {
                        value: Value::Array(items),
                        span: self.span_of(start, *i),
                    })
                }
                _ => Err(self.unexpected(start, "a value")),
            },
            Kind::End => Err(self.unexpected(start, "a value")),
        }
    }

    /// The bracket opened at `start` (a comprehension, an unpacking) as one hole; `i` moves
    /// past it.
    fn bracket_hole(&mut self, start: usize, mark: usize, i: &mut usize) -> Node {
        let end = self.t.after_brackets(start);
        *i = end;
        self.collapse(mark, start, end, Some(Why::Runs))
    }

    /// `dict(Key=value, …)`, after its `(`.
    pub(super) fn keyword_dict(
        &mut self,
        start: usize,
        i: &mut usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let mut members: Vec<Member> = Vec::new();
        while !t.is_op(*i, ")") {
            if t.kind(*i) != Kind::Name || !t.is_op(*i + 1, "=") {
                return Err(self.fail(
                    *i,
                    "import reads dict(…) with keyword arguments only (Key=value): write a dict literal for anything else",
                ));
            }
            let key = t.text_of(*i).to_string();
            if members.iter().any(|m| m.key == key) {
                return Err(self.fail(
                    *i,
                    &format!("{key} is given twice (Python's SyntaxError): give it once"),
                ));
            }
            let key_span = Span {
                start: t.at(*i),
                end: t.list[*i].end,
            };
            *i += 2;
            let value = self.at_key(key.clone(), key_span.start, |r| r.value(i))?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            if t.is_op(*i, ",") {
                *i += 1;
            } else if !t.is_op(*i, ")") {
                return Err(self.unexpected(*i, "',' or ')'"));
            }
        }
        *i += 1;
        Ok(Node {
            value: Value::Object(members),
            span: Span {
                start: t.at(start),
                end: t.list[*i - 1].end,
            },
        })
    }
}
