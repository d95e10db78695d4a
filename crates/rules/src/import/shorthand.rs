//! The AWS CLI shorthand syntax (`Key=value,Other=[a,b]`), parsed as awscli's
//! `shorthand.py` does, with its back-compat rules for lists of structures.
//!
//! A port of AWS CLI v1's `awscli/shorthand.py` (`ShorthandParser`, then `BackCompatVisitor`
//! with the option's model) as `awscli/argprocess.py` (`ParamShorthandParser`) applies it: a
//! structure option, or each word of a list-of-structures option, whose value does not start
//! with `{` or `[` once stripped. The parser indexes code points, as Python does, so its
//! character classes, backtracking and quirks are kept.

use super::python::{py_float, py_int};
use super::shell::{Word, HOLE};
use super::{error, set_member, ImportError};
use crate::json;
use crate::json::{Member, Node, Span, Value};
use crate::model::{Kind, Shape};

/// Python's `str.isspace()`, which `str.strip()` and the regular expression `\s` use.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `string.whitespace`, which the shorthand parser skips between tokens.
pub(super) fn ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// Whether an option's value is read as JSON rather than shorthand: it starts with `{` or `[`
/// after Python's `strip()` (`ParamShorthandParser._should_parse_as_shorthand`).
pub(super) fn looks_like_json(value: &str) -> bool {
    value.trim_start_matches(py_space).starts_with(['{', '['])
}

/// The first character of an unquoted value (`_START_WORD`): not a control character, space,
/// quote, `,`, `=`, `[` or `{`, and not beyond U+FFFF.
fn start_char(c: char) -> bool {
    matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x3c | 0x3e..=0x5a | 0x5c..=0x7a | 0x7c..=0xffff)
}

/// The rest of a first value (`_FIRST_FOLLOW_CHARS`): also whitespace, `=`, `[` and `{`; not
/// `]` or `}`.
fn first_follow(c: char) -> bool {
    py_space(c)
        || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x5c | 0x5e..=0x7c | 0x7e..=0xffff)
}

/// The rest of a second value of a comma-separated list (`_SECOND_FOLLOW_CHARS`): whitespace,
/// `]`, `}`, `[` and `{`, but not `=`.
fn second_follow(c: char) -> bool {
    py_space(c)
        || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x3c | 0x3e..=0xffff)
}

/// A syntax error of the shorthand parser (`ShorthandParseSyntaxError`), which the parser may
/// catch and backtrack from, or a final refusal.
enum ShError {
    Syntax { expected: Expected, at: usize },
    Fatal(ImportError),
}

/// What the shorthand parser wanted where it stopped.
#[derive(Clone, Copy)]
enum Expected {
    Char(char),
    /// A value after `,` in `a,b,c`.
    Value,
    /// The closing quote of a value that starts with this quote.
    Close(char),
}

struct Shorthand<'a> {
    text: &'a str,
    word: &'a Word,
    from: usize,
    option: &'a str,
    chars: Vec<char>,
    /// Byte offset in the value of each character, and the value's length last.
    offsets: Vec<usize>,
    i: usize,
    /// `_should_resolve_paramfiles`: the value follows `@=`.
    resolve: bool,
}

impl<'a> Shorthand<'a> {
    fn new(text: &'a str, word: &'a Word, from: usize, option: &'a str) -> Self {
        let value = &word.text[from..];
        let (offsets, chars): (Vec<usize>, Vec<char>) = value.char_indices().unzip();
        let mut offsets = offsets;
        offsets.push(value.len());
        Shorthand {
            text,
            word,
            from,
            option,
            chars,
            offsets,
            i: 0,
            resolve: false,
        }
    }

    /// Where character `i` of the value is in the pasted text; the end of the value is just
    /// after its last character (the opening quote of an empty word).
    fn at(&self, i: usize) -> usize {
        if i < self.chars.len() {
            self.word.at(self.from + self.offsets[i])
        } else if self.from == 0 && self.chars.is_empty() {
            self.word.span.start
        } else {
            self.word.end_at(self.word.text.len())
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        if end <= start {
            let at = self.at(start);
            return Span { start: at, end: at };
        }
        Span {
            start: self.at(start),
            end: self
                .word
                .end_at(self.from + self.offsets[end.min(self.chars.len())]),
        }
    }

    fn err(&self, i: usize, message: &str) -> ImportError {
        error(
            self.text,
            self.at(i),
            &format!("{}: {message}", self.option),
        )
    }

    fn current(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn eof(&self) -> bool {
        self.i >= self.chars.len()
    }

    fn skip_space(&mut self) {
        while self.current().is_some_and(ascii_space) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: char, space: bool) -> Result<(), ShError> {
        if space {
            self.skip_space();
        }
        if self.current() != Some(c) {
            return Err(ShError::Syntax {
                expected: Expected::Char(c),
                at: self.i,
            });
        }
        self.i += 1;
        if space {
            self.skip_space();
        }
        Ok(())
    }

    /// `parameter = keyval *("," keyval)`; a key given twice is refused.
    fn parameter(&mut self) -> Result<Node, ShError> {
        let mut members: Vec<Member> = Vec::new();
        loop {
            if !members.is_empty() {
                self.expect(',', true)?;
            }
            let member = self.keyval()?;
            if members.iter().any(|m| m.key == member.key) {
                return Err(ShError::Fatal(error(
                    self.text,
                    member.key_span.start,
                    &format!(
                        "{}: the key '{}' is given twice in one value: remove one, or if it starts another list item, put a space before it instead of ','",
                        self.option, member.key
                    ),
                )));
            }
            members.push(member);
            if self.eof() {
                break;
            }
        }
        Ok(Node {
            value: Value::Object(members),
            span: self.span(0, self.chars.len()),
        })
    }

    /// `keyval = key ["@"] "=" values`.
    fn keyval(&mut self) -> Result<Member, ShError> {
        let (key, key_span) = self.key();
        self.assign()?;
        let value = self.values()?;
        Ok(Member {
            key,
            key_span,
            value,
        })
    }

    /// An optional `@` (the value may name a file), then `=`.
    fn assign(&mut self) -> Result<(), ShError> {
        self.resolve = false;
        match self.expect('@', true) {
            Ok(()) => self.resolve = true,
            Err(ShError::Syntax { .. }) => {}
            Err(e) => return Err(e),
        }
        self.expect('=', true)
    }

    /// `key = 1*(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")`, possibly empty.
    fn key(&mut self) -> (String, Span) {
        let start = self.i;
        while self
            .current()
            .is_some_and(|c| c.is_ascii_alphanumeric() || "-_.#/:".contains(c))
        {
            self.i += 1;
        }
        let key: String = self.chars[start..self.i].iter().collect();
        (key, self.span(start, self.i))
    }

    fn string(&self, s: String, start: usize, end: usize) -> Node {
        Node {
            value: Value::String(s),
            span: self.span(start, end),
        }
    }

    /// `values = csv-list / explicit-list / hash-literal`; nothing at the end is `""`.
    fn values(&mut self) -> Result<Node, ShError> {
        match self.current() {
            None => Ok(self.string(String::new(), self.i, self.i)),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    /// `a` or `a,b,c`: after a comma, values up to one followed by `=` (the next key).
    fn csv_value(&mut self) -> Result<Node, ShError> {
        let first = self.first_value()?;
        self.skip_space();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut items = vec![first];
        loop {
            let attempt = self.second_value().and_then(|value| {
                self.skip_space();
                if self.eof() {
                    return Ok((value, true));
                }
                self.expect(',', true)?;
                Ok((value, false))
            });
            match attempt {
                Ok((value, last)) => {
                    items.push(value);
                    if last {
                        break;
                    }
                }
                Err(ShError::Syntax { .. }) if !self.eof() => {
                    // Back to the comma before the next key: `a=b,c,d=e`.
                    while self.i > 0 && self.chars[self.i] != ',' {
                        self.i -= 1;
                    }
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() == 1 {
            return Ok(items.swap_remove(0));
        }
        let span = Span {
            start: items[0].span.start,
            end: items[items.len() - 1].span.end,
        };
        Ok(Node {
            value: Value::Array(items),
            span,
        })
    }

    /// The end of an unquoted value from `self.i`: a first character, then following ones,
    /// where `\,` counts as one (the regular expressions `_FIRST_VALUE`, `_SECOND_VALUE`).
    fn unquoted_end(&self, follow: fn(char) -> bool) -> Option<usize> {
        let escaped_comma =
            |j: usize| self.chars.get(j) == Some(&'\\') && self.chars.get(j + 1) == Some(&',');
        let mut j = self.i;
        if escaped_comma(j) {
            j += 2;
        } else if self.chars.get(j).is_some_and(|&c| start_char(c)) {
            j += 1;
        } else {
            return None;
        }
        loop {
            if escaped_comma(j) {
                j += 2;
            } else if self.chars.get(j).is_some_and(|&c| follow(c)) {
                j += 1;
            } else {
                return Some(j);
            }
        }
    }

    /// An unquoted value from `self.i` to `end`: `\,` read as `,`, trailing spaces dropped.
    fn unquoted(&mut self, end: usize) -> Result<Node, ShError> {
        let start = self.i;
        self.i = end;
        let mut last = end;
        while last > start && py_space(self.chars[last - 1]) {
            last -= 1;
        }
        let raw: String = self.chars[start..end].iter().collect();
        let value = raw.replace("\\,", ",");
        let value = value.trim_end_matches(py_space).to_string();
        self.paramfile(&value, start)?;
        Ok(self.string(value, start, last))
    }

    fn first_value(&mut self) -> Result<Node, ShError> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.unquoted_end(first_follow) {
                Some(end) => self.unquoted(end),
                None => Ok(self.string(String::new(), self.i, self.i)),
            },
        }
    }

    fn second_value(&mut self) -> Result<Node, ShError> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.unquoted_end(second_follow) {
                Some(end) => self.unquoted(end),
                None => Err(ShError::Syntax {
                    expected: Expected::Value,
                    at: self.i,
                }),
            },
        }
    }

    /// `'…'` or `"…"`, where `\'` (or `\"`) is the quote and `\\` a backslash. As the regular
    /// expression `'(?:\\'|[^'])*'` does, a value that never closes ends at its last `\'`.
    fn quoted(&mut self, q: char) -> Result<Node, ShError> {
        let start = self.i;
        let mut j = start + 1;
        let mut last_escape = None;
        let end = loop {
            match self.chars.get(j) {
                None => match last_escape {
                    Some(k) => break k + 2,
                    None => {
                        return Err(ShError::Syntax {
                            expected: Expected::Close(q),
                            at: start,
                        })
                    }
                },
                Some('\\') if self.chars.get(j + 1) == Some(&q) => {
                    last_escape = Some(j);
                    j += 2;
                }
                Some(&c) if c == q => break j + 1,
                Some(_) => j += 1,
            }
        };
        self.i = end;
        let inner: String = self.chars[start + 1..end - 1].iter().collect();
        let value = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.paramfile(&value, start)?;
        Ok(self.string(value, start, end))
    }

    /// After `@=` the AWS CLI replaces a `file://` or `fileb://` value with the file.
    fn paramfile(&self, value: &str, at: usize) -> Result<(), ShError> {
        if self.resolve && ["file://", "fileb://"].iter().any(|p| value.starts_with(p)) {
            return Err(ShError::Fatal(self.err(
                at,
                &format!("after '@=' the AWS CLI would read '{value}'; files are not read here: paste the contents instead"),
            )));
        }
        Ok(())
    }

    /// `[a, b, {…}, […]]`.
    fn explicit_list(&mut self) -> Result<Node, ShError> {
        let start = self.i;
        self.expect('[', true)?;
        let mut items = Vec::new();
        while self.current() != Some(']') {
            items.push(self.explicit_value()?);
            self.skip_space();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.skip_space();
            }
        }
        self.expect(']', false)?;
        Ok(Node {
            value: Value::Array(items),
            span: self.span(start, self.i),
        })
    }

    fn explicit_value(&mut self) -> Result<Node, ShError> {
        match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value(),
        }
    }

    /// `{Key=value, …}`; a key given twice keeps its first place and its last value, as a
    /// Python dict does.
    fn hash_literal(&mut self) -> Result<Node, ShError> {
        let start = self.i;
        self.expect('{', true)?;
        let mut members: Vec<Member> = Vec::new();
        while self.current() != Some('}') {
            let (key, key_span) = self.key();
            self.assign()?;
            let value = self.explicit_value()?;
            self.skip_space();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.skip_space();
            }
            set_member(&mut members, key, key_span, value);
        }
        self.expect('}', false)?;
        Ok(Node {
            value: Value::Object(members),
            span: self.span(start, self.i),
        })
    }

    /// A syntax error in plain words.
    fn syntax_error(&self, expected: Expected, at: usize) -> ImportError {
        let found = match self.chars.get(at) {
            None => "the end of the value".to_string(),
            Some(c) if c.is_whitespace() || c.is_control() => {
                let mut out = String::from("U+");
                json::push_hex(&mut out, *c as u32, 4, true);
                out
            }
            Some(c) => format!("'{c}'"),
        };
        let hint = "shorthand is Name=value,Name=value, with Name={Inner=value} for a structure and Name=[a,b] for a list; quote a value that holds spaces, commas or brackets";
        let message = match expected {
            Expected::Close(q) => {
                format!("this {q} quote in the value is never closed: add the closing {q}")
            }
            Expected::Value if at >= self.chars.len() => {
                "the value ends with ',': remove it, or add the next value after it".to_string()
            }
            Expected::Value => format!("expected a value after ',', found {found} ({hint})"),
            Expected::Char('=') => {
                format!("expected '=' after a member name, found {found} ({hint})")
            }
            Expected::Char(c) => format!("expected '{c}', found {found} ({hint})"),
        };
        self.err(at, &message)
    }
}

/// A shorthand value (one word, from byte `from`) read as `shape`: parsed, then converted as
/// the AWS CLI converts it, with spans in the pasted text.
pub(super) fn shorthand_value(
    text: &str,
    word: &Word,
    from: usize,
    option: &str,
    shape: &Shape,
) -> Result<Node, ImportError> {
    let mut parser = Shorthand::new(text, word, from, option);
    let mut node = match parser.parameter() {
        Ok(node) => node,
        Err(ShError::Syntax { expected, at }) => return Err(parser.syntax_error(expected, at)),
        Err(ShError::Fatal(e)) => return Err(e),
    };
    back_compat(text, option, &mut node, shape, "")?;
    Ok(node)
}

/// `BackCompatVisitor`: walks the value with the model. A scalar where the model has a list
/// becomes a one-item list (its inside is not visited further); strings become integers,
/// floats and booleans where the model says so. Anything else (unknown keys, a string where a
/// structure belongs) is left for the checker, as the AWS CLI leaves it for botocore.
fn back_compat(
    text: &str,
    option: &str,
    node: &mut Node,
    shape: &Shape,
    name: &str,
) -> Result<(), ImportError> {
    let (want, example) = match &shape.kind {
        Kind::Structure { members } => {
            if let Value::Object(values) = &mut node.value {
                for def in members.iter() {
                    if let Some(m) = values.iter_mut().find(|m| m.key == def.name) {
                        back_compat(text, option, &mut m.value, def.shape, def.name)?;
                    }
                }
            }
            return Ok(());
        }
        Kind::List { member, .. } => {
            if let Value::Array(items) = &mut node.value {
                for item in items {
                    back_compat(text, option, item, member, name)?;
                }
            } else {
                let item = std::mem::replace(&mut node.value, Value::Null);
                node.value = Value::Array(vec![Node {
                    value: item,
                    span: node.span,
                }]);
            }
            return Ok(());
        }
        Kind::Map { value, .. } => {
            if let Value::Object(entries) = &mut node.value {
                for entry in entries {
                    back_compat(text, option, &mut entry.value, value, name)?;
                }
            }
            return Ok(());
        }
        Kind::String { .. } => return Ok(()),
        Kind::Integer { .. } => ("a whole number as Python's int() reads one", "10"),
        Kind::Float { .. } => ("a number as Python's float() reads one", "0.2"),
        Kind::Boolean => ("true or false", "true"),
    };
    let converted = match (&shape.kind, &node.value) {
        // A value only the running shell knows stays a string, for the import to settle.
        (_, Value::String(s)) if s.contains(HOLE) => return Ok(()),
        (Kind::Integer { .. }, Value::String(s)) => py_int(s).map(Value::Number),
        (Kind::Float { .. }, Value::String(s)) => py_float(s),
        // Python's `lower()`: no character outside ASCII lowers to a letter of these; any
        // other word stays a string, for botocore (and the checker) to refuse.
        (_, Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(Value::Bool(true)),
        (_, Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(Value::Bool(false)),
        (_, Value::String(_)) => return Ok(()),
        (_, Value::Array(_) | Value::Object(_)) => None,
        _ => return Ok(()),
    };
    match converted {
        Some(value) => {
            node.value = value;
            Ok(())
        }
        None => {
            let found = match &node.value {
                Value::String(s) => format!("'{s}'"),
                Value::Array(_) => "a list".to_string(),
                _ => "a structure".to_string(),
            };
            Err(error(
                text,
                node.span.start,
                &format!("{option}: {name} takes {want}, not {found}: write e.g. {name}={example}"),
            ))
        }
    }
}
