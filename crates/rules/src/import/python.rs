//! Reads the request of a boto3 program: the keyword arguments of its
//! `….create_auto_ml_job(…)` call, as botocore would put them in the body, and a Python dict
//! literal pasted on its own (what `print(request)` shows).
//!
//! Only what is written is read, never what running the program would work out: string,
//! number, `True`/`False`/`None`, dict, list and tuple literals (Python 3 syntax, The Python
//! Language Reference 2.4 "Literals"), adjacent strings joined, arithmetic on numbers
//! (`+ - * / // % **`, worked out as CPython does: ints exactly, floats in IEEE doubles and
//! written as `repr()`; `**` on ints only) and strings joined with `+`, `dict(Key=…)`,
//! `**request`, and names and f-string fields (`f"s3://{bucket}/train/"`) set to such a value
//! by an earlier `name = …` statement. A call, an operator, an attribute, a name set by anything else or a
//! dict changed after it is written is refused with its place, since the import must not
//! guess what it would become. The settings of the boto3 client or session
//! (`region_name="eu-west-1"`) are not part of the request: they are noted as left out.

use super::{error, py_digits, py_float, ImportError};
use crate::json::{Member, Node, Span, Value, MAX_DEPTH};

/// The name of the boto3 method that sends the request.
const CALL: &str = "create_auto_ml_job";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Name,
    Number,
    Str,
    Op,
    /// The end of the text, or where the text stops being Python (see [`Tokens::stop`]).
    End,
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// The first token of a statement (after a line break outside brackets, or a `;`).
    statement: bool,
}

/// The tokens of a Python text, up to the first place it cannot be read as Python (kept as
/// the reason, reported only when a value needs a token past it).
struct Tokens<'a> {
    text: &'a str,
    /// Where each notebook cell starts in `text`, when it is a notebook's cells joined.
    cells: Vec<usize>,
    list: Vec<Token>,
    stop: Option<ImportError>,
}

/// Operators of more than one character, longest first.
const OPERATORS: [&str; 24] = [
    "**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "@=", ">>", "<<",
];

fn name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn name_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Tokens<'a> {
    fn read(text: &'a str) -> Tokens<'a> {
        let mut tokens = Tokens {
            text,
            cells: Vec::new(),
            list: Vec::new(),
            stop: None,
        };
        let b = text.as_bytes();
        let mut i = 0;
        let mut depth = 0usize;
        let mut statement = true;
        while i < b.len() {
            let c = text[i..].chars().next().unwrap_or(' ');
            let start = i;
            match c {
                '\n' => {
                    i += 1;
                    if depth == 0 {
                        statement = true;
                    }
                    continue;
                }
                '#' => {
                    i = text[i..].find('\n').map_or(b.len(), |n| i + n);
                    continue;
                }
                '\\' if text[i + 1..].starts_with('\n') || text[i + 1..].starts_with("\r\n") => {
                    i += if b.get(i + 1) == Some(&b'\r') { 3 } else { 2 };
                    continue;
                }
                c if c.is_whitespace() || c == '\u{feff}' => {
                    i += c.len_utf8();
                    continue;
                }
                _ => {}
            }
            let kind = if let Some(quote) = string_start(&text[i..]) {
                match string_end(text, i + quote) {
                    Ok(end) => {
                        i = end;
                        Kind::Str
                    }
                    Err(stop) => {
                        tokens.stop = Some(stop);
                        break;
                    }
                }
            } else if name_start(c) {
                i += text[i..]
                    .find(|c: char| !name_continue(c))
                    .unwrap_or(text.len() - i);
                Kind::Name
            } else if c.is_ascii_digit()
                || (c == '.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            {
                i = number_end(b, i);
                Kind::Number
            } else {
                i += OPERATORS
                    .iter()
                    .find(|op| text[i..].starts_with(*op))
                    .map_or(c.len_utf8(), |op| op.len());
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                Kind::Op
            };
            tokens.list.push(Token {
                kind,
                start,
                end: i,
                statement,
            });
            statement = depth == 0 && &text[start..i] == ";";
        }
        let end = tokens.stop.as_ref().map_or(text.len(), |e| e.offset);
        tokens.list.push(Token {
            kind: Kind::End,
            start: end,
            end,
            statement: true,
        });
        tokens
    }

    /// Where byte `offset` is, for a message: "on line 3", or in a notebook "in code cell 2,
    /// line 3".
    fn place(&self, offset: usize) -> String {
        match self.cells.iter().rposition(|&s| s <= offset) {
            Some(cell) => {
                let start = self.cells[cell];
                let (line, _) = crate::json::line_col(&self.text[start..], offset - start);
                format!("in code cell {}, line {line}", cell + 1)
            }
            None => format!("on line {}", crate::json::line_col(self.text, offset).0),
        }
    }

    fn text_of(&self, i: usize) -> &'a str {
        let t = self.list[i.min(self.list.len() - 1)];
        &self.text[t.start..t.end]
    }

    fn kind(&self, i: usize) -> Kind {
        self.list[i.min(self.list.len() - 1)].kind
    }

    fn is_op(&self, i: usize, op: &str) -> bool {
        self.kind(i) == Kind::Op && self.text_of(i) == op
    }

    fn at(&self, i: usize) -> usize {
        self.list[i.min(self.list.len() - 1)].start
    }

    /// The token that ends a call's argument (or the part of one) starting at token `i`: its
    /// `,`, or the call's `)`, or the end; brackets within are skipped whole.
    fn argument_end(&self, mut i: usize) -> usize {
        while self.kind(i) != Kind::End && !self.is_op(i, ",") && !self.is_op(i, ")") {
            i = if self.is_op(i, "(") || self.is_op(i, "[") || self.is_op(i, "{") {
                self.after_brackets(i)
            } else {
                i + 1
            };
        }
        i
    }

    /// The token after the bracket opened at `open`, past its closing one.
    fn after_brackets(&self, open: usize) -> usize {
        let mut depth = 0usize;
        let mut i = open;
        while self.kind(i) != Kind::End {
            match self.text_of(i) {
                "(" | "[" | "{" if self.kind(i) == Kind::Op => depth += 1,
                ")" | "]" | "}" if self.kind(i) == Kind::Op => {
                    depth -= 1;
                    if depth == 0 {
                        return i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        i
    }
}

/// Where a string literal's opening quote is in `rest`, when it starts one (after its prefix).
fn string_start(rest: &str) -> Option<usize> {
    let prefix = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let letters = rest[..prefix].to_ascii_lowercase();
    let valid = matches!(
        letters.as_str(),
        "" | "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    );
    (valid && rest[prefix..].starts_with(['\'', '"'])).then_some(prefix)
}

/// The end of the string literal whose opening quote is at `quote`.
fn string_end(text: &str, quote: usize) -> Result<usize, ImportError> {
    let b = text.as_bytes();
    let q = b[quote];
    let triple = b.get(quote + 1) == Some(&q) && b.get(quote + 2) == Some(&q);
    let mut i = quote + if triple { 3 } else { 1 };
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') => i += 3,
            b'\\' => i += 2,
            b'\n' if !triple => break,
            c if c == q => {
                if !triple {
                    return Ok(i + 1);
                }
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    return Ok(i + 3);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    Err(error(
        text,
        quote,
        if triple {
            "this string is not closed: its three quotes have no closing three"
        } else {
            "this string is not closed on its line"
        },
    ))
}

/// The end of a number literal starting at `i`: digits, letters, `_` and `.`, and a sign
/// right after an exponent's `e` (a malformed one is refused when its value is read).
fn number_end(b: &[u8], mut i: usize) -> usize {
    let hex = b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X'));
    while i < b.len() {
        let c = b[i];
        let sign = (c == b'+' || c == b'-') && !hex && matches!(b[i - 1], b'e' | b'E');
        if !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || sign) {
            break;
        }
        i += 1;
    }
    i
}

/// A Python text that holds the request: a program calling `create_auto_ml_job`, or a
/// session or notebook that imports boto3 (the import then says what is missing).
pub(super) fn is_program(text: &str) -> bool {
    text.contains(CALL) || text.contains("boto3")
}

/// The request of a boto3 program, with the client's and session's own settings it was
/// given (`region_name="eu-west-1"`; credentials by name only).
pub(super) fn program(text: &str, left_out: &mut Vec<String>) -> Result<Node, ImportError> {
    program_in_cells(&blank_repl_prompts(text), Vec::new(), left_out)
}

/// [`program`], for a text that is a notebook's code cells joined (`cells`: where each starts).
fn program_in_cells(
    text: &str,
    cells: Vec<usize>,
    left_out: &mut Vec<String>,
) -> Result<Node, ImportError> {
    let mut tokens = Tokens::read(text);
    tokens.cells = cells;
    let mut reader = Reader {
        t: &tokens,
        depth: 0,
        values: 0,
        assignments: assignments(&tokens),
    };
    let call = (0..tokens.list.len()).find(|&i| {
        tokens.kind(i) == Kind::Name && tokens.text_of(i) == CALL && tokens.is_op(i + 1, "(")
    });
    let Some(call) = call else {
        let at = text.find("boto3").or_else(|| text.find(CALL)).unwrap_or(0);
        return Err(tokens
            .stop
            .clone()
            .filter(|e| e.offset <= at)
            .unwrap_or_else(|| {
                error(
                    text,
                    at,
                    "this Python has no create_auto_ml_job(…) call to read the request from",
                )
            }));
    };
    settings(&tokens, call, left_out);
    reader.call(call)
}

/// The request of a Jupyter notebook: its code cells up to the first that calls
/// `create_auto_ml_job`, read one after another as running them in order would. `cells` are
/// the code and the span of its `source` in the notebook's JSON `text`; an error is placed at
/// the cell and names the line and column in it.
pub(super) fn notebook(
    text: &str,
    cells: &[(Span, String)],
    left_out: &mut Vec<String>,
) -> Result<Node, ImportError> {
    let Some(last) = cells.iter().position(|(_, code)| code.contains(CALL)) else {
        return Err(error(
            text,
            0,
            "this notebook has no code cell calling create_auto_ml_job(…) to read the request from",
        ));
    };
    let mut code = String::new();
    let mut starts = Vec::new();
    for (_, cell) in &cells[..=last] {
        starts.push(code.len());
        code.push_str(cell);
        code.push('\n');
    }
    match program_in_cells(&code, starts.clone(), left_out) {
        Ok(mut node) => {
            // The spans point into the joined code: place every value at the calling cell.
            let at = cells[last].0;
            super::remap(&mut node, &|_| at.start, &|_| at.end);
            Ok(node)
        }
        Err(e) => {
            let cell = starts.iter().rposition(|&s| s <= e.offset).unwrap_or(0);
            let (line, column) =
                crate::json::line_col(&code[starts[cell]..], e.offset - starts[cell]);
            Err(error(
                text,
                cells[cell].0.start,
                &format!(
                    "{} (code cell {}, line {line}, column {column})",
                    e.message,
                    cell + 1
                ),
            ))
        }
    }
}

/// A Python dict literal on its own (`{'AutoMLJobName': 'churn', …}`), as the whole text.
pub(super) fn dict_literal(text: &str) -> Result<Node, ImportError> {
    let tokens = Tokens::read(text);
    let mut reader = Reader {
        t: &tokens,
        depth: 0,
        values: 0,
        assignments: Vec::new(),
    };
    let mut i = 0;
    let node = reader.value(&mut i)?;
    if tokens.kind(i) != Kind::End {
        return Err(reader.unexpected(i, "the end after the dict"));
    }
    if let Some(stop) = &tokens.stop {
        return Err(stop.clone());
    }
    if !matches!(node.value, Value::Object(_)) {
        return Err(reader.fail(0, "a request is a dict ({ … })"));
    }
    Ok(node)
}

/// `text` with the prompts of an interactive Python session (`>>> `, `... `) blanked out,
/// when its first line that is not blank has one.
fn blank_repl_prompts(text: &str) -> String {
    if !text.trim_start().starts_with(">>>") {
        return text.to_string();
    }
    let mut ranges = Vec::new();
    for (at, line) in super::lines_at(text) {
        if line.starts_with(">>>") || line.starts_with("...") {
            ranges.push((at, at + 3));
        }
    }
    super::blank(text, &ranges)
}

/// Each `name = …` statement (also `name: type = …` and `a = b = …`): (name, token of the
/// value, token that starts the next statement).
fn assignments(t: &Tokens) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for i in 0..t.list.len() {
        if !t.list[i].statement || t.kind(i) != Kind::Name {
            continue;
        }
        let mut names = vec![i];
        let mut j = i + 1;
        if t.is_op(j, ":") {
            // An annotation runs to the `=` of the statement.
            while t.kind(j) != Kind::End && !t.list[j].statement && !t.is_op(j, "=") {
                j += 1;
            }
        }
        if !t.is_op(j, "=") {
            continue;
        }
        j += 1;
        while t.kind(j) == Kind::Name && t.is_op(j + 1, "=") {
            names.push(j);
            j += 2;
        }
        let mut end = j;
        while !t.list[end].statement {
            end += 1;
        }
        for n in names {
            out.push((t.text_of(n).to_string(), j, end));
        }
    }
    out
}

/// The keyword arguments given to `boto3.client(…)`, `boto3.Session(…)` or
/// `session.client(…)` before the call, as written (credentials by name only).
fn settings(t: &Tokens, call: usize, left_out: &mut Vec<String>) {
    for i in 0..call {
        if t.kind(i) != Kind::Name
            || !matches!(t.text_of(i), "client" | "Session" | "resource")
            || !t.is_op(i + 1, "(")
        {
            continue;
        }
        // One argument at a time, up to the call's `)`.
        let mut j = i + 2;
        while t.kind(j) != Kind::End && !t.is_op(j, ")") {
            let start = j;
            j = t.argument_end(j);
            if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
                let name = t.text_of(start);
                let secret = matches!(
                    name,
                    "aws_access_key_id" | "aws_secret_access_key" | "aws_session_token"
                );
                let note = if secret || j <= start + 2 {
                    name.to_string()
                } else {
                    format!("{name}={}", &t.text[t.at(start + 2)..t.list[j - 1].end])
                };
                if !left_out.contains(&note) {
                    left_out.push(note);
                }
            }
            if t.is_op(j, ",") {
                j += 1;
            }
        }
    }
}

struct Reader<'t, 'a> {
    t: &'t Tokens<'a>,
    depth: usize,
    /// Values read so far: a name read twice is read twice, so names built from names could
    /// double the work at each step; a request is a few hundred values.
    values: usize,
    /// See [`assignments`].
    assignments: Vec<(String, usize, usize)>,
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

impl Reader<'_, '_> {
    fn fail(&self, i: usize, message: &str) -> ImportError {
        error(self.t.text, self.t.at(i), message)
    }

    /// The error for a token where `wanted` belongs: the reason the text stopped being
    /// Python there, or what the token is instead.
    fn unexpected(&self, i: usize, wanted: &str) -> ImportError {
        if self.t.kind(i) == Kind::End {
            if let Some(stop) = &self.t.stop {
                return stop.clone();
            }
            return self.fail(i, &format!("the text ends where {wanted} belongs"));
        }
        let found = self.t.text_of(i);
        let message = match found {
            "|" | "&" | "@" | "<<" | ">>" | "^" => format!(
                "'{found}' is worked out when the program runs, which import does not do: write the value it makes"
            ),
            "(" => "a call runs when the program runs, which import does not do: write the value it returns".to_string(),
            "." => "an attribute is looked up when the program runs, which import does not do: write its value".to_string(),
            "[" => "a subscript is looked up when the program runs, which import does not do: write its value".to_string(),
            "if" | "for" | "or" | "and" | "not" | "in" | "is" | "lambda" => format!(
                "'{found}' is worked out when the program runs, which import does not do: write the value it makes"
            ),
            _ => format!("expected {wanted}, found '{found}'"),
        };
        self.fail(i, &message)
    }

    /// The request: the keyword arguments of the call whose name is at `call`.
    fn call(&mut self, call: usize) -> Result<Node, ImportError> {
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
                    return Err(self.fail(at, "** needs a dict of the request's members"));
                };
                for m in more {
                    if members.iter().any(|have| have.key == m.key) {
                        return Err(error(
                            self.t.text,
                            m.key_span.start,
                            &format!("{CALL}() would get two values for {} (Python's TypeError): give it once", m.key),
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
                        &format!("{CALL}() would get two values for {key} (Python's TypeError): give it once"),
                    ));
                }
                i += 2;
                keywords.push(key.clone());
                let start = i;
                let value = match self.value(&mut i) {
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
                    &format!("{CALL}() takes keyword arguments only: *arguments cannot be sent"),
                ));
            } else if self.t.kind(i) == Kind::End {
                return Err(self.unexpected(i, &format!("the ')' closing {CALL}(")));
            } else {
                return Err(self.fail(
                    i,
                    &format!("{CALL}() takes keyword arguments only (boto3 raises TypeError): write Name=value"),
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
            let mut more = 0;
            for p in &problems[1..] {
                if seen.contains(&p.offset) {
                    continue;
                }
                seen.push(p.offset);
                if seen.len() > 4 {
                    more += 1;
                    continue;
                }
                message.push_str(&format!(". Also {}: {}", self.t.place(p.offset), p.message));
            }
            if more > 0 {
                message.push_str(&format!(". And {more} more"));
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
    fn value(&mut self, i: &mut usize) -> Result<Node, ImportError> {
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
        let node = self.sum(i);
        self.depth -= 1;
        node
    }

    /// The operator at token `i` when it is one of `ops`.
    fn op_at(&self, i: usize, ops: &[&'static str]) -> Option<&'static str> {
        let t = self.t;
        if t.kind(i) != Kind::Op {
            return None;
        }
        ops.iter().copied().find(|op| *op == t.text_of(i))
    }

    /// `a + b - c`: Python's arithmetic on written numbers, and strings joined with `+`.
    fn sum(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let mut left = self.term(i)?;
        while let Some(op) = self.op_at(*i, &["+", "-"]) {
            let at = *i;
            *i += 1;
            let right = self.term(i)?;
            left = self.arithmetic(at, op, left, right)?;
        }
        Ok(left)
    }

    /// `a * b / c // d % e`.
    fn term(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let mut left = self.unary(i)?;
        while let Some(op) = self.op_at(*i, &["*", "/", "//", "%"]) {
            let at = *i;
            *i += 1;
            let right = self.unary(i)?;
            left = self.arithmetic(at, op, left, right)?;
        }
        Ok(left)
    }

    /// `-x`, `+x` (any number of signs), then `a ** b`, which binds tighter on its left.
    fn unary(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let mut negative = false;
        while let Some(sign) = self.op_at(*i, &["-", "+"]) {
            negative ^= sign == "-";
            *i += 1;
        }
        let signed = *i > start;
        let mut node = self.value_inner(i)?;
        if self.op_at(*i, &["**"]).is_some() {
            let at = *i;
            *i += 1;
            // The exponent may carry signs of its own: 10 ** -2.
            let exponent = self.unary(i)?;
            node = self.arithmetic(at, "**", node, exponent)?;
        }
        if !signed {
            return Ok(node);
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
    fn arithmetic(
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
    fn numbers(&self, at: usize, op: &str, a: &str, b: &str) -> Result<String, ImportError> {
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
        let (Some(x), Some(y)) = (crate::float::parse_f64(a), crate::float::parse_f64(b)) else {
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
        Ok(super::repr_f64(n))
    }

    fn value_inner(&mut self, i: &mut usize) -> Result<Node, ImportError> {
        let start = *i;
        let t = self.t;
        let span = |from: usize, to: usize| Span {
            start: t.at(from),
            end: t.list[to - 1].end,
        };
        match t.kind(start) {
            Kind::Number => {
                *i += 1;
                let value = self.number(start)?;
                Ok(Node {
                    value,
                    span: span(start, *i),
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
                    span: span(start, *i),
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
                    _ => {
                        *i += 1;
                        if matches!(t.kind(*i), Kind::Op)
                            && matches!(t.text_of(*i), "(" | "." | "[")
                        {
                            // Placed at the name the call, attribute or subscript starts
                            // with, and quoting it whole (`sess.default_bucket()`).
                            let mut end = *i;
                            loop {
                                if t.is_op(end, ".") && t.kind(end + 1) == Kind::Name {
                                    end += 2;
                                } else if t.is_op(end, "(") || t.is_op(end, "[") {
                                    end = t.after_brackets(end);
                                } else {
                                    break;
                                }
                            }
                            let last = t.list[(end - 1).min(t.list.len() - 1)];
                            let mut expr = t.text[t.at(start)..last.end].to_string();
                            if expr.chars().count() > 60 || expr.contains('\n') {
                                expr = format!("{}…", &t.text[t.at(start)..t.list[*i].end]);
                            }
                            return Err(self.fail(
                                start,
                                &format!("{expr} is worked out only when the program runs, which import does not do: write its value here"),
                            ));
                        }
                        return self.variable(start);
                    }
                };
                *i += 1;
                Ok(Node {
                    value,
                    span: span(start, *i),
                })
            }
            Kind::Op => match t.text_of(start) {
                "{" => {
                    *i += 1;
                    let mut members: Vec<Member> = Vec::new();
                    while !t.is_op(*i, "}") {
                        if t.is_op(*i, "**") {
                            return Err(self.fail(
                                *i,
                                "** inside a dict is worked out when the program runs: write the members themselves",
                            ));
                        }
                        let key_at = *i;
                        let key = self.value(i)?;
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
                        let value = self.value(i)?;
                        let key_span = span(key_at, key_at + 1);
                        // A repeated key keeps its first place and takes the last value.
                        super::set_member(&mut members, key, key_span, value);
                        if t.is_op(*i, ",") {
                            *i += 1;
                        } else if !t.is_op(*i, "}") {
                            return Err(self.unexpected(*i, "',' or '}'"));
                        }
                    }
                    *i += 1;
                    Ok(Node {
                        value: Value::Object(members),
                        span: span(start, *i),
                    })
                }
                "[" | "(" => {
                    let close = if t.text_of(start) == "[" { "]" } else { ")" };
                    *i += 1;
                    let mut items = Vec::new();
                    let mut tuple = close == "]";
                    while !t.is_op(*i, close) {
                        items.push(self.value(i)?);
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
                        span: span(start, *i),
                    })
                }
                _ => Err(self.unexpected(start, "a value")),
            },
            Kind::End => Err(self.unexpected(start, "a value")),
        }
    }

    /// `dict(Key=value, …)`, after its `(`.
    fn keyword_dict(&mut self, start: usize, i: &mut usize) -> Result<Node, ImportError> {
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
            let value = self.value(i)?;
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

    /// The token of the value last given to `name` by a statement that ends before token
    /// `use_at` (so `a = a` reads the earlier `a`).
    fn set_before(&self, name: &str, use_at: usize) -> Option<usize> {
        self.assignments
            .iter()
            .rev()
            .find(|(n, _, end)| n == name && *end <= use_at)
            .map(|(_, value, _)| *value)
    }

    /// The value of the name at token `use_at`: the value of the last `name = …` before it,
    /// when that is written out and not changed in place before `use_at`.
    fn variable(&mut self, use_at: usize) -> Result<Node, ImportError> {
        let name = self.t.text_of(use_at);
        self.resolve(name, use_at, self.t.at(use_at))
    }

    /// The value of `name` used in the token at `use_at` (at byte `offset`: the name, or an
    /// f-string field): the value of the last `name = …` before it, when that is written out
    /// and not changed in place before the use.
    fn resolve(&mut self, name: &str, use_at: usize, offset: usize) -> Result<Node, ImportError> {
        let t = self.t;
        let Some(value_at) = self.set_before(name, use_at) else {
            let message = match name {
                "true" | "false" | "null" => {
                    let python = match name {
                        "true" => "True",
                        "false" => "False",
                        _ => "None",
                    };
                    format!("Python writes {python}, not {name} (JSON's spelling): write {python}, or paste the whole body as JSON")
                }
                _ => format!("{name} is not set to a written value before this line: import reads strings, numbers, True, False, None, dicts and lists, and names set to one of them earlier; write the value here"),
            };
            return Err(error(t.text, offset, &message));
        };
        let used = t.place(offset);
        let mut end = value_at;
        let node = self.value(&mut end).map_err(|e| ImportError {
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
        Ok(node)
    }

    /// Whether the token at `k` starts a change in place of the variable `name`: a changing
    /// method, an assignment to an item, an augmented assignment or `del`.
    fn changes(&self, k: usize, name: &str) -> bool {
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

    /// The JSON number botocore sends for the number literal at `at` (a sign before it is an
    /// operator: see `unary`).
    fn number(&self, at: usize) -> Result<Value, ImportError> {
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
    fn string(&mut self, at: usize, out: &mut String) -> Result<(), ImportError> {
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
                    if !simple {
                        return Err(error(
                            t.text,
                            base + k,
                            &format!("import reads f-string fields that are a name only, not {{{field}}}: write the text it makes"),
                        ));
                    }
                    let node = self.resolve(field, at, base + k)?;
                    match node.value {
                        Value::String(s) => out.push_str(&s),
                        Value::Number(n) => out.push_str(&n),
                        Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
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
