//! The reader: the keyword arguments of the call, and every value as botocore would send it,
//! read as Python runs the program: literals, names set earlier (in the branch the program
//! takes, or a function's parameter from its call), arithmetic on numbers, strings joined or
//! formatted, conditions decided. What only running the program tells (a call, an attribute,
//! a condition on such a value) is a hole ([`Pending`]): the value keeps its written parts,
//! with the hole marked as `{expression}` (see `crate::import::hole_marker`).

use std::collections::HashMap;

use super::eval::{self, Argument};
use super::flow::{self, Block, BlockKind};
use super::tokens::{Kind, Tokens};
use crate::diag::{Diagnostic, Severity};
use crate::import::{error, hole_marker, set_member, ImportError};
use crate::json::{escape_pointer_token, Member, Node, Span, Value, MAX_DEPTH};
use crate::wording::python::python_float;

pub(super) struct Reader<'t, 'a> {
    pub(super) t: &'t Tokens<'a>,
    pub(super) depth: usize,
    /// Values read so far: a name read twice is read twice, so names built from names could
    /// double the work at each step; a request is a few hundred values.
    pub(super) values: usize,
    /// Each `name = …` statement: (name, token of the value, token after the statement,
    /// token that starts the statement).
    pub(super) assignments: Vec<(String, usize, usize, usize)>,
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
    /// Each `if`/`elif`/`else` branch decided so far: whether the program takes it.
    pub(super) decided: HashMap<usize, Option<bool>>,
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
    /// Worked out from other holes (their descriptions).
    Because(Vec<String>),
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
const STRING_METHODS: [&str; 6] = ["lower", "upper", "strip", "lstrip", "rstrip", "title"];

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

    /// `a if condition else b`, decided as Python decides it; a hole naming the condition
    /// when it is not known.
    fn conditional(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        if self.word(start, "lambda") {
            let end = self.expression_end(start);
            *i = end;
            return Ok(self.hole_of(start, end, Why::Runs));
        }
        let a = self.or_test(i)?;
        if !self.word(*i, "if") {
            return Ok(a);
        }
        *i += 1;
        let cond_at = *i;
        let cmark = self.holes.len();
        let c = self.or_test(i)?;
        let cond_end = *i;
        let truth = if self.holed(cmark) {
            None
        } else {
            eval::truthy(&c.value)
        };
        self.holes.truncate(cmark);
        if !self.word(*i, "else") {
            return Err(self.unexpected(*i, "else"));
        }
        *i += 1;
        let b = self.conditional(i)?;
        let span = self.span_of(start, *i);
        match truth {
            Some(true) => {
                self.holes.truncate(cmark);
                Ok(Node {
                    value: a.value,
                    span,
                })
            }
            Some(false) => {
                self.holes.drain(mark..cmark);
                Ok(Node {
                    value: b.value,
                    span,
                })
            }
            None => {
                let cond = self.span_of(cond_at, cond_end);
                let text = one_line(&self.t.text[cond.start..cond.end]);
                Ok(self.collapse(
                    mark,
                    start,
                    *i,
                    Some(Why::Condition(format!("if {text}"), cond.start)),
                ))
            }
        }
    }

    /// `a or b` (`and` when `and`), as Python works it out: the first operand that decides.
    fn or_test(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        self.boolean(i, "or")
    }

    fn boolean(&mut self, i: &mut usize, op: &str) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = if op == "or" {
            self.boolean(i, "and")?
        } else {
            self.not_test(i)?
        };
        let mut unknown = false;
        let mut decided = false;
        while self.word(*i, op) {
            *i += 1;
            let rmark = self.holes.len();
            let right = if op == "or" {
                self.boolean(i, "and")?
            } else {
                self.not_test(i)?
            };
            if unknown || decided {
                if decided {
                    self.holes.truncate(rmark);
                }
                continue;
            }
            let truth = if self.holed(mark) && rmark > mark {
                None
            } else {
                eval::truthy(&left.value)
            };
            match truth {
                // `a or b` is `a` when `a` is true; `a and b` when `a` is false.
                Some(t) if t == (op == "or") => {
                    self.holes.truncate(rmark);
                    decided = true;
                }
                Some(_) => {
                    self.holes.drain(mark..rmark);
                    left = right;
                }
                None => unknown = true,
            }
        }
        if unknown {
            return Ok(self.collapse(mark, start, *i, None));
        }
        if *i > start && (decided || left.span.start != self.t.at(start)) {
            left.span = self.span_of(start, *i);
        }
        Ok(left)
    }

    /// `not x`.
    fn not_test(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        if !self.word(*i, "not") {
            return self.comparison(i);
        }
        let start = *i;
        let mark = self.holes.len();
        *i += 1;
        let x = self.not_test(i)?;
        match eval::truthy(&x.value).filter(|_| !self.holed(mark)) {
            Some(t) => Ok(Node {
                value: Value::Bool(!t),
                span: self.span_of(start, *i),
            }),
            None => Ok(self.collapse(mark, start, *i, None)),
        }
    }

    /// The comparison operator at `i` and how many tokens it takes.
    fn comparison_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.t;
        if t.kind(i) == Kind::Op {
            let op = ["==", "!=", "<", ">", "<=", ">="]
                .into_iter()
                .find(|op| t.text_of(i) == *op)?;
            return Some((op, 1));
        }
        if self.word(i, "in") {
            Some(("in", 1))
        } else if self.word(i, "not") && self.word(i + 1, "in") {
            Some(("not in", 2))
        } else if self.word(i, "is") && self.word(i + 1, "not") {
            Some(("is not", 2))
        } else if self.word(i, "is") {
            Some(("is", 1))
        } else {
            None
        }
    }

    /// `a == b`, `a in b`, … (chained as Python chains them).
    fn comparison(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.sum(i)?;
        let mut result = Some(true);
        let mut compared = false;
        while let Some((op, n)) = self.comparison_at(*i) {
            compared = true;
            *i += n;
            let right = self.sum(i)?;
            if result == Some(true) {
                result = eval::compare(op, &left.value, &right.value);
            }
            left = right;
        }
        if !compared {
            return Ok(left);
        }
        match result.filter(|_| !self.holed(mark)) {
            Some(r) => Ok(Node {
                value: Value::Bool(r),
                span: self.span_of(start, *i),
            }),
            None => Ok(self.collapse(mark, start, *i, None)),
        }
    }

    /// The operator at token `i` when it is one of `ops`.
    pub(super) fn op_at(&self, i: usize, ops: &[&'static str]) -> Option<&'static str> {
        let t = self.t;
        if t.kind(i) != Kind::Op || t.list[i.min(t.list.len() - 1)].statement {
            return None;
        }
        ops.iter().copied().find(|op| *op == t.text_of(i))
    }

    /// Whether `node` holds the marker of a hole found since `mark`.
    fn holds_hole(&self, node: &Node, mark: usize) -> bool {
        match &node.value {
            Value::String(s) => self.holes[mark.min(self.holes.len())..]
                .iter()
                .any(|h| s.contains(h.marker.as_str())),
            _ => false,
        }
    }

    /// `a + b - c`: Python's arithmetic on written numbers, and strings joined with `+`
    /// (holes in them kept in place).
    pub(super) fn sum(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.term(i)?;
        let mut broken = false;
        while let Some(op) = self.op_at(*i, &["+", "-"]) {
            let at = *i;
            *i += 1;
            let right = self.term(i)?;
            if broken {
                continue;
            }
            left = match (&left.value, &right.value) {
                (Value::String(_), Value::String(_)) if op == "+" => {
                    self.arithmetic(at, op, left, right)?
                }
                _ if self.holed(mark) => {
                    broken = true;
                    continue;
                }
                _ => self.arithmetic(at, op, left, right)?,
            };
        }
        if broken {
            return Ok(self.collapse(mark, start, *i, None));
        }
        Ok(left)
    }

    /// `a * b / c // d % e`, and `template % values`.
    pub(super) fn term(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut left = self.unary(i)?;
        let mut broken = false;
        while let Some(op) = self.op_at(*i, &["*", "/", "//", "%", "@"]) {
            let at = *i;
            *i += 1;
            let rmark = self.holes.len();
            let right = self.unary(i)?;
            if broken {
                continue;
            }
            if op == "%" && rmark == mark {
                if let Value::String(template) = &left.value {
                    {
                        match self.percent(template, &right, rmark) {
                            Some(text) => {
                                left = Node {
                                    value: Value::String(text),
                                    span: self.span_of(start, *i),
                                };
                                continue;
                            }
                            None => {
                                broken = true;
                                continue;
                            }
                        }
                    }
                }
            }
            if self.holed(mark) || op == "@" {
                broken = true;
                continue;
            }
            left = self.arithmetic(at, op, left, right)?;
        }
        if broken {
            return Ok(self.collapse(mark, start, *i, None));
        }
        Ok(left)
    }

    /// `template % right` (holes found since `mark` kept as their markers).
    fn percent(&self, template: &str, right: &Node, mark: usize) -> Option<String> {
        let argument = |n: &Node| -> Argument { (n.clone(), self.holds_hole(n, mark)) };
        match &right.value {
            Value::Array(items) => {
                let items: Vec<Argument> = items.iter().map(argument).collect();
                eval::percent_format(template, &items, None)
            }
            Value::Object(members) => {
                let mapping: Vec<(String, Argument)> = members
                    .iter()
                    .map(|m| (m.key.clone(), argument(&m.value)))
                    .collect();
                eval::percent_format(template, &[], Some(&mapping))
            }
            _ => eval::percent_format(template, &[argument(right)], None),
        }
    }

    /// `-x`, `+x` (any number of signs), then `a ** b`, which binds tighter on its left.
    pub(super) fn unary(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mark = self.holes.len();
        let mut negative = false;
        while let Some(sign) = self.op_at(*i, &["-", "+", "~"]) {
            if sign == "~" {
                *i += 1;
                self.unary(i)?;
                return Ok(self.collapse(mark, start, *i, None));
            }
            negative ^= sign == "-";
            *i += 1;
        }
        if self.word(*i, "await") {
            *i += 1;
            self.unary(i)?;
            return Ok(self.collapse(mark, start, *i, None));
        }
        let signed = *i > start;
        let mut node = self.primary(i)?;
        if self.op_at(*i, &["**"]).is_some() {
            let at = *i;
            *i += 1;
            // The exponent may carry signs of its own: 10 ** -2.
            let exponent = self.unary(i)?;
            if self.holed(mark) {
                return Ok(self.collapse(mark, start, *i, None));
            }
            node = self.arithmetic(at, "**", node, exponent)?;
        }
        if !signed {
            return Ok(node);
        }
        if self.holed(mark) {
            return Ok(self.collapse(mark, start, *i, None));
        }
        let Value::Number(text) = &node.value else {
            return Err(self.fail(
                start,
                "a sign works out only on a number: write the value it makes",
            ));
        };
        let mut text = text.clone();
        if negative {
            text = match text.strip_prefix('-') {
                Some(positive) => positive.to_string(),
                None if text == "0" => text,
                None => format!("-{text}"),
            };
        }
        Ok(Node {
            value: Value::Number(text),
            span: Span {
                start: self.t.at(start),
                end: node.span.end,
            },
        })
    }

    /// `left op right`, as Python works it out for numbers (ints exactly; a float as
    /// `repr()` writes it) and for strings joined with `+`; anything else is refused at `at`.
    pub(super) fn arithmetic(
        &self,
        at: usize,
        op: &str,
        left: Node,
        right: Node,
    ) -> Result<Node, ImportError> {
        let span = Span {
            start: left.span.start,
            end: right.span.end,
        };
        let value = match (left.value, right.value) {
            (Value::String(a), Value::String(b)) if op == "+" => Value::String(a + &b),
            (Value::Number(a), Value::Number(b)) => Value::Number(self.numbers(at, op, &a, &b)?),
            _ => {
                return Err(self.fail(
                    at,
                    &format!("import works out '{op}' on written numbers (and '+' on strings) only: write the value it makes"),
                ))
            }
        };
        Ok(Node { value, span })
    }

    /// `a op b` on two numbers as JSON texts (as botocore would send the result).
    pub(super) fn numbers(
        &self,
        at: usize,
        op: &str,
        a: &str,
        b: &str,
    ) -> Result<String, ImportError> {
        let float = |n: &str| n.contains(['.', 'e', 'E']);
        let large = || {
            self.fail(
                at,
                "this works out to a number far too large for any member",
            )
        };
        if !float(a) && !float(b) && op != "/" {
            let (Ok(x), Ok(y)) = (a.parse::<i128>(), b.parse::<i128>()) else {
                return Err(large());
            };
            if y == 0 && matches!(op, "//" | "%") {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"));
            }
            let n = match op {
                "+" => x.checked_add(y),
                "-" => x.checked_sub(y),
                "*" => x.checked_mul(y),
                // Python's floor division and modulo round towards negative infinity.
                "//" => Some(x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0)),
                "%" => Some(x.rem_euclid(y) + if y < 0 && x.rem_euclid(y) != 0 { y } else { 0 }),
                _ => match u32::try_from(y) {
                    Ok(e) => x.checked_pow(e),
                    Err(_) => {
                        return Err(self.fail(
                            at,
                            "import works out '**' with a whole exponent from 0 up only: write the value it makes",
                        ))
                    }
                },
            };
            return n.map(|n| n.to_string()).ok_or_else(large);
        }
        let (Some(x), Some(y)) = (crate::number::parse_f64(a), crate::number::parse_f64(b)) else {
            return Err(large());
        };
        let n = match op {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" if y == 0.0 => {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"))
            }
            "/" => x / y,
            "//" | "%" if y == 0.0 => {
                return Err(self.fail(at, "this divides by zero (Python's ZeroDivisionError)"))
            }
            "//" | "%" => {
                // CPython's float_divmod (Objects/floatobject.c), step by step.
                let mut rem = x % y;
                let mut div = (x - rem) / y;
                if rem != 0.0 {
                    if (y < 0.0) != (rem < 0.0) {
                        rem += y;
                        div -= 1.0;
                    }
                } else {
                    rem = 0.0_f64.copysign(y);
                }
                let floor = if div != 0.0 {
                    let f = div.floor();
                    if div - f > 0.5 {
                        f + 1.0
                    } else {
                        f
                    }
                } else {
                    0.0_f64.copysign(x / y)
                };
                if op == "//" {
                    floor
                } else {
                    rem
                }
            }
            _ => {
                return Err(self.fail(
                    at,
                    "import works out '**' on whole numbers only: write the value it makes",
                ))
            }
        };
        if !n.is_finite() {
            return Err(large());
        }
        Ok(python_float(n))
    }

    /// Whether the trailer after the name at `i` is one the reader works out (a string
    /// method, a subscript, `dict(…)`, `str(…)`, `int(…)`), so the name must be read.
    fn worked_out_after(&self, i: usize) -> bool {
        let t = self.t;
        if t.is_op(i + 1, "[") {
            return true;
        }
        if t.is_op(i + 1, "(") {
            return matches!(t.text_of(i), "dict" | "str" | "int");
        }
        t.is_op(i + 1, ".")
            && t.kind(i + 2) == Kind::Name
            && t.is_op(i + 3, "(")
            && (matches!(t.text_of(i + 2), "format" | "replace" | "join")
                || STRING_METHODS.contains(&t.text_of(i + 2)))
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
                        let out = match method {
                            "lower" => s.to_lowercase(),
                            "upper" => s.to_uppercase(),
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

    /// The value of the name at token `use_at`.
    pub(super) fn variable(&mut self, use_at: usize) -> Result<Node, ImportError> {
        let name = self.t.text_of(use_at);
        self.resolve(name, use_at, self.t.at(use_at))
    }

    /// The value of `name` used in the token at `use_at` (at byte `offset`: the name, or an
    /// f-string field), as the program sets it there: the value of the last `name = …` the
    /// program runs before it (see [`Reader::binding`]), a parameter's value from the call of
    /// its function, or a hole.
    pub(super) fn resolve(
        &mut self,
        name: &str,
        use_at: usize,
        offset: usize,
    ) -> Result<Node, ImportError> {
        let t = self.t;
        let span = Span {
            start: offset,
            end: offset + name.len(),
        };
        match self.binding(name, use_at) {
            Binding::Value(value_at) => {
                let used = t.place(offset);
                let mark = self.holes.len();
                let mut end = value_at;
                let mut node = self.value(&mut end).map_err(|e| ImportError {
                    message: format!(
                        "{} ({name} is set {} and used {used})",
                        e.message,
                        t.place(t.at(value_at))
                    ),
                    ..e
                })?;
                if let Some(change) = (end..use_at).find(|&k| self.changes(k, name)) {
                    return Err(self.fail(
                        change,
                        &format!("{name} is changed here after it is set and before it is used {used}: import reads values as they are written, so write the change into the value"),
                    ));
                }
                self.name_hole(mark, &mut node, name, t.at(value_at));
                Ok(node)
            }
            Binding::Unsure(why) => Ok(self.hole_at(span, name.to_string(), why)),
            Binding::Parameter(def, index) => self.parameter(name, def, index, span),
            Binding::Unset => match name {
                "true" | "false" | "null" => {
                    let python = match name {
                        "true" => "True",
                        "false" => "False",
                        _ => "None",
                    };
                    Err(error(t.text, offset, &format!("Python writes {python}, not {name} (JSON's spelling): write {python}, or paste the whole body as JSON")))
                }
                // The program is read as run as a script.
                "__name__" => Ok(Node {
                    value: Value::String("__main__".to_string()),
                    span,
                }),
                _ => Ok(self.hole_at(span, name.to_string(), Why::Unset)),
            },
        }
    }

    /// How `name` is set where token `use_at` uses it: by the last `name = …` before it that
    /// the program runs (one in a branch not taken is passed over; one in a branch or loop
    /// not known is [`Binding::Unsure`]), by a parameter of the function it is in, or not.
    fn binding(&mut self, name: &str, use_at: usize) -> Binding {
        // A parameter of the innermost function the use is in hides names set outside it.
        let param = self
            .blocks
            .iter()
            .enumerate()
            .rev()
            .find(|(_, b)| b.kind == BlockKind::Def && b.holds(use_at))
            .and_then(|(d, b)| Some((d, b.params.iter().position(|(p, _)| p == name)?)));
        let candidates: Vec<(usize, usize)> = self
            .assignments
            .iter()
            .rev()
            .filter(|(n, _, end, _)| n == name && *end <= use_at)
            .map(|&(_, value, _, statement)| (value, statement))
            .collect();
        for (value, statement) in candidates {
            if let Some((d, _)) = param {
                if !self.blocks[d].holds(statement) {
                    continue;
                }
            }
            match self.visible(statement, use_at) {
                Some(Some(why)) => return Binding::Unsure(why),
                Some(None) => return Binding::Value(value),
                None => continue,
            }
        }
        match param {
            Some((d, index)) => Binding::Parameter(d, index),
            None => Binding::Unset,
        }
    }

    /// The text of a block's header (`if prefix:`), for a message.
    fn header(&self, b: usize) -> (String, usize) {
        let block = &self.blocks[b];
        let span = self.span_of(block.header, block.colon + 1);
        (one_line(&self.t.text[span.start..span.end]), span.start)
    }

    /// Whether the statement at token `statement` runs before the use at `use_at`:
    /// `Some(None)` when it does, `None` when it does not (a branch not taken, a function's
    /// body seen from outside it), `Some(Some(why))` when only running the program tells.
    fn visible(&mut self, statement: usize, use_at: usize) -> Option<Option<Why>> {
        let mut unsure = None;
        for b in 0..self.blocks.len() {
            let block = &self.blocks[b];
            if block.header > statement {
                // Blocks come in the order of their headers.
                break;
            }
            if !block.holds(statement) || block.holds(use_at) {
                continue;
            }
            match block.kind {
                BlockKind::Def => return None,
                BlockKind::If | BlockKind::Elif | BlockKind::Else => match self.taken(b) {
                    Some(true) => {}
                    Some(false) => return None,
                    None => {
                        if unsure.is_none() {
                            // Named by the first condition of the chain not known.
                            let mut chain = vec![b];
                            while let Some(p) = self.blocks[chain[chain.len() - 1]].prev {
                                chain.push(p);
                            }
                            let first = chain
                                .into_iter()
                                .rev()
                                .find(|&c| {
                                    self.blocks[c].kind != BlockKind::Else
                                        && self.taken(c).is_none()
                                })
                                .unwrap_or(b);
                            let (text, at) = self.header(first);
                            unsure = Some(Why::Condition(text, at));
                        }
                    }
                },
                BlockKind::Loop | BlockKind::Except => {
                    if unsure.is_none() {
                        let (text, at) = self.header(b);
                        unsure = Some(Why::Loop(text, at));
                    }
                }
                BlockKind::Runs => {}
            }
        }
        Some(unsure)
    }

    /// Whether the program takes the branch `b` of an `if` chain; `None` when only running it
    /// tells.
    fn taken(&mut self, b: usize) -> Option<bool> {
        if let Some(known) = self.decided.get(&b) {
            return *known;
        }
        self.decided.insert(b, None);
        let block = self.blocks[b].clone();
        let known = match block.kind {
            BlockKind::If => self.condition(block.header + 1),
            BlockKind::Elif => match self.any_taken(block.prev) {
                Some(true) => Some(false),
                Some(false) => self.condition(block.header + 1),
                None => None,
            },
            BlockKind::Else => self.any_taken(block.prev).map(|any| !any),
            _ => None,
        };
        self.decided.insert(b, known);
        known
    }

    /// Whether the branch `p` or one before it in its chain is taken.
    fn any_taken(&mut self, p: Option<usize>) -> Option<bool> {
        let Some(p) = p else {
            return Some(false);
        };
        match self.taken(p) {
            Some(true) => Some(true),
            Some(false) => self.any_taken(self.blocks[p].prev),
            None => None,
        }
    }

    /// Python's truth of the condition whose first token is `at`; `None` when it holds a
    /// value known only when the program runs.
    fn condition(&mut self, at: usize) -> Option<bool> {
        let mark = self.holes.len();
        let notes = self.notes.len();
        let path = std::mem::take(&mut self.path);
        let mut i = at;
        let read = self.value(&mut i);
        let known = !self.holed(mark);
        self.holes.truncate(mark);
        self.notes.truncate(notes);
        self.path = path;
        match read {
            Ok(node) if known => eval::truthy(&node.value),
            _ => None,
        }
    }

    /// The value of the parameter `name` (the `index`th) of the function `def`, used at
    /// `span`: the argument the program's first call of it gives, else its default, else a
    /// hole naming the function.
    fn parameter(
        &mut self,
        name: &str,
        def: usize,
        index: usize,
        span: Span,
    ) -> Result<Node, ImportError> {
        let block = self.blocks[def].clone();
        let function = block.name.map_or("", |n| self.t.text_of(n));
        let calls = flow::calls(self.t, function, false);
        let count = calls.len();
        if let Some(call) = calls.into_iter().find(|&k| !block.holds(k)) {
            if let Some(arg) = flow::argument(self.t, call + 1, index, name) {
                self.note_call(function, call, count);
                let mark = self.holes.len();
                let mut j = arg;
                let mut node = self.value(&mut j)?;
                self.name_hole(mark, &mut node, name, self.t.at(arg));
                return Ok(node);
            }
        }
        if let Some(default) = block.params[index].1 {
            let mut j = default;
            return self.value(&mut j);
        }
        Ok(self.hole_at(span, name.to_string(), Why::Parameter(function.to_string())))
    }

    /// Says, once, that the parameters of `function` are read from its call at token `call`.
    fn note_call(&mut self, function: &str, call: usize, count: usize) {
        let span = self.span_of(call, call + 1);
        if self.notes.iter().any(|n| n.span == Some(span)) {
            return;
        }
        let of = if count > 1 {
            format!(", the first of its {count} calls")
        } else {
            String::new()
        };
        self.notes.push(Diagnostic {
            severity: Severity::Warning,
            code: "call-arguments",
            path: String::new(),
            message: format!(
                "the parameters of {function}() are read from its call {}{of}",
                self.t.place(span.start)
            ),
            service_message: None,
            cli_message: None,
            span: Some(span),
            service_clause: None,
            related: Vec::new(),
        });
    }

    /// A short account of a hole, for the message of a hole worked out from it.
    fn because(&self, p: &Pending) -> Option<String> {
        let name = &p.expr;
        Some(match (&p.why, &p.name) {
            (Why::Runs, Some((n, at))) => {
                format!("{n} is set to {} {}", p.expr, self.t.place(*at))
            }
            (Why::Runs, None) => return None,
            (Why::Condition(c, at), _) => {
                format!(
                    "{name} depends on the condition \"{c}\" {}",
                    self.t.place(*at)
                )
            }
            (Why::Loop(h, at), _) => format!("{name} is set in \"{h}\" {}", self.t.place(*at)),
            (Why::Parameter(f), _) => format!("{name} is a parameter of {f}()"),
            (Why::Unset, _) => format!("{name} is not set before it is used"),
            (Why::Because(list), _) => list.join("; "),
        })
    }

    /// The holes found, as `runtime-value` errors (see `crate::import::hole`).
    pub(super) fn hole_diagnostics(&self) -> Vec<Diagnostic> {
        self.holes
            .iter()
            .map(|p| {
                let used = self.t.place(p.used);
                let m = &p.marker;
                let message = match (&p.why, &p.name) {
                    (Why::Runs, Some((n, at))) => format!(
                        "{m}: fill in the value of {n}, which the program sets to {} when it runs (set {}, used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Runs, None) => format!(
                        "{m}: fill in the value of {}, which is worked out when the program runs ({})",
                        p.expr,
                        self.t.place(p.span.start)
                    ),
                    (Why::Condition(c, at), _) => format!(
                        "{m}: fill in the value of {}, which depends on the condition \"{c}\" {}, known only when the program runs (used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Loop(h, at), _) => format!(
                        "{m}: fill in the value of {}, which is set in \"{h}\" {}, known only when the program runs (used {used})",
                        p.expr,
                        self.t.place(*at)
                    ),
                    (Why::Parameter(f), _) => format!(
                        "{m}: fill in the value of {}, a parameter of {f}() that no call in this program gives (used {used})",
                        p.expr
                    ),
                    (Why::Unset, _) => format!(
                        "{m}: fill in the value of {}, which this program does not set before it is used {used}",
                        p.expr
                    ),
                    (Why::Because(list), _) => format!(
                        "{m}: fill in the value of {}, which is worked out when the program runs: {} (used {used})",
                        p.expr,
                        list.join("; ")
                    ),
                };
                crate::import::hole(p.path.clone(), message, p.span)
            })
            .collect()
    }

    /// Whether the token at `k` starts a change in place of the variable `name`: a changing
    /// method, an assignment to an item, an augmented assignment or `del`.
    pub(super) fn changes(&self, k: usize, name: &str) -> bool {
        let t = self.t;
        if t.kind(k) != Kind::Name || t.text_of(k) != name || (k > 0 && t.is_op(k - 1, ".")) {
            return false;
        }
        if k > 0 && t.kind(k - 1) == Kind::Name && t.text_of(k - 1) == "del" {
            return true;
        }
        let mut j = k + 1;
        if t.is_op(j, ".") {
            return t.kind(j + 1) == Kind::Name && CHANGES.contains(&t.text_of(j + 1));
        }
        let item = t.is_op(j, "[");
        while t.is_op(j, "[") {
            j = t.after_brackets(j);
        }
        // `name = …` sets it anew (see `set_before`); `name[…] = …` and `name += …` change it.
        let op = t.text_of(j);
        t.kind(j) == Kind::Op
            && ((op == "=" && item)
                || (op.len() > 1 && op.ends_with('=') && !matches!(op, "==" | "!=" | "<=" | ">=")))
    }
}
