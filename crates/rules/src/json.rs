//! A small JSON reader and writer that keeps what the rules need and `serde_json` drops:
//! the byte span of every value (so a diagnostic can point at a line and column), the exact
//! text of every number (so `5.0` and `1e3` can be told from `5`), and the order and
//! duplicates of object keys. It refuses oversized or absurdly deep input with a located
//! error, and never panics, whatever the bytes.

use std::fmt;

/// Largest input accepted, in bytes. A maximal valid request (two channels, 50 tags, every
/// member at its longest) is under 100 KiB; four MiB leaves room for pretty-printing.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;
/// Deepest nesting accepted. The request itself nests seven levels; Python's `json` (and so
/// the AWS CLI) gives up near a thousand. Reading and walking stay well inside a browser's
/// stack at this depth.
pub const MAX_DEPTH: usize = 128;

/// A byte range `[start, end)` in the text a value was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A JSON value with its place in the source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// The kinds of JSON value. Numbers keep their source text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object, with the span of the key.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// `syntax` when the text is not JSON; `too-large` or `too-deep` when it is refused for its
    /// size or nesting, whether or not it is JSON.
    pub code: &'static str,
    pub message: String,
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

/// 1-based line and column (in characters) of a byte offset; offsets past the end or inside a
/// character are clamped to the nearest character boundary before it.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

/// Line and column look-ups for many offsets into one text, each in O(log n) after an O(n)
/// pass (a report of 100 000 findings on a 4 MiB single-line text stays linear).
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Characters before each block of `BLOCK` bytes.
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 256;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(count);
            count += block.iter().filter(|b| (**b & 0xC0) != 0x80).count();
        }
        chars_before_block.push(count);
        LineIndex {
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// Characters (code points) that start before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        let start = block * BLOCK;
        self.chars_before_block[block]
            + self.text.as_bytes()[start..offset]
                .iter()
                .filter(|b| (**b & 0xC0) != 0x80)
                .count()
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end)
    }

    /// 1-based line and column (in characters) of a byte offset, like [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = self.line_starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(line_start) + 1,
        )
    }
}

impl Node {
    pub fn new(value: Value) -> Self {
        Node {
            value,
            span: Span::default(),
        }
    }

    /// The member `key` of an object (the last one, as JSON readers keep the last duplicate).
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == key)
                .map(|m| &m.value),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            Value::Object(members) => members
                .iter_mut()
                .rev()
                .find(|m| m.key == key)
                .map(|m| &mut m.value),
            _ => None,
        }
    }

    /// Follows a path of object keys.
    pub fn at(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    /// The node a JSON Pointer (RFC 6901) names, if any.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |node, token| {
            let token = unescape_pointer_token(token);
            match &node.value {
                Value::Object(_) => node.get(&token),
                Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            }
        })
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The number's value as an `f64`, when this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(text) => crate::number::parse_f64(text),
            _ => None,
        }
    }

    /// The number's value as the service reads a model `float` (a Java `float`: the text
    /// rounded once to 32 bits), when this is a number.
    pub fn as_f32(&self) -> Option<f32> {
        match &self.value {
            Value::Number(text) => crate::number::parse_f32(text),
            _ => None,
        }
    }

    /// Whether two values are equal, ignoring where they were read from (number texts must
    /// match exactly; object members must match in order).
    pub fn same_as(&self, other: &Node) -> bool {
        match (&self.value, &other.value) {
            (Value::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_as(y))
            }
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|(x, y)| x.key == y.key && x.value.same_as(&y.value))
            }
            (a, b) => a == b,
        }
    }

    /// A short name of this value's JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Escapes one reference token of a JSON Pointer (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn unescape_pointer_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Reads a whole JSON text (one value, optional surrounding white space).
pub fn parse(text: &str) -> Result<Node, JsonError> {
    parse_noting(text).map(|(node, _)| node)
}

/// Like [`parse`], and also gives the byte offsets of `\u` escapes of lone surrogates (read
/// as U+FFFD).
pub fn parse_noting(text: &str) -> Result<(Node, Vec<usize>), JsonError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(error_at(
            text,
            MAX_INPUT_BYTES,
            format!(
                "input is too large: {} bytes, the limit is {} bytes",
                text.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    // A UTF-8 byte order mark is read past here (the checker reports it on its own), so
    // spans still index the text as given.
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
        depth: 0,
        lone_surrogates: Vec::new(),
    };
    parser.skip_ws();
    if parser.pos == parser.bytes.len() {
        return Err(parser.error("expected a JSON value, found the end of the input"));
    }
    let node = parser.value()?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected text after the JSON value"));
    }
    Ok((node, parser.lone_surrogates))
}

fn error_at(text: &str, offset: usize, message: String) -> JsonError {
    let (line, column) = line_col(text, offset);
    let code = if message.starts_with("input is too large") {
        "too-large"
    } else if message.starts_with("input nests too deeply") {
        "too-deep"
    } else {
        "syntax"
    };
    JsonError {
        code,
        message,
        offset,
        line,
        column,
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    lone_surrogates: Vec<usize>,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> JsonError {
        error_at(self.text, self.pos, message.to_string())
    }

    fn error_at(&self, offset: usize, message: String) -> JsonError {
        error_at(self.text, offset, message)
    }

    /// The text from the current position (always a character boundary: the parser only
    /// steps over ASCII bytes and whole runs of string content).
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn describe_here(&self) -> String {
        match self.rest().chars().next() {
            None => "the end of the input".to_string(),
            Some(c) if c.is_control() => control_character(c),
            Some('\'') => "a single quote (JSON strings need double quotes)".to_string(),
            Some(c) => format!("'{c}'"),
        }
    }

    fn value(&mut self) -> Result<Node, JsonError> {
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.keyword("true", Value::Bool(true))?,
            Some(b'f') => self.keyword("false", Value::Bool(false))?,
            Some(b'n') => self.keyword("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(c) if c.is_ascii_alphabetic() => self.keyword("\u{0}", Value::Null)?,
            _ => {
                return Err(self.error_at(
                    self.pos,
                    format!("expected a JSON value, found {}", self.describe_here()),
                ))
            }
        };
        Ok(Node {
            value,
            span: Span {
                start,
                end: self.pos,
            },
        })
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(
                self.pos,
                format!(
                    "input nests too deeply: more than {MAX_DEPTH} levels of arrays and objects"
                ),
            ));
        }
        Ok(())
    }

    fn keyword(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        if self.rest().starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            let end = self
                .rest()
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(self.text.len(), |i| self.pos + i);
            let found = self.text.get(self.pos..end).unwrap_or_default();
            let hint = if found == "True" || found == "False" || found == "None" {
                " (JSON writes true, false and null in lower case)"
            } else {
                ""
            };
            Err(self.error_at(
                self.pos,
                format!("expected a JSON value, found '{found}'{hint}"),
            ))
        }
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("a number must not have leading zeros"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("expected a digit in a number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit after the decimal point"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("expected a digit in the exponent"));
            }
            self.digits();
        }
        Ok(Value::Number(
            self.text
                .get(start..self.pos)
                .unwrap_or_default()
                .to_string(),
        ))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .ok_or_else(|| self.error("expected four hexadecimal digits after \\u"))?;
        let mut code = 0u32;
        for d in digits {
            code = code * 16 + (*d as char).to_digit(16).unwrap_or(0);
        }
        self.pos += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                None => {
                    return Err(self.error_at(
                        open,
                        "this string is never closed: add the closing '\"'".to_string(),
                    ))
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escape_at = self.pos;
                    let Some(c) = self.peek() else {
                        return Err(self.error_at(
                            open,
                            "this string is never closed: add the closing '\"'".to_string(),
                        ));
                    };
                    self.pos += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let first = self.hex4()?;
                            let mut code = Some(first).filter(|c| !(0xD800..0xE000).contains(c));
                            if (0xD800..0xDC00).contains(&first) && self.rest().starts_with("\\u") {
                                let before_low = self.pos;
                                self.pos += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    code =
                                        Some(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00));
                                } else {
                                    self.pos = before_low;
                                }
                            }
                            // JSON's grammar allows a lone surrogate escape and Python reads
                            // it; it is not a character, so it is kept as U+FFFD and noted.
                            match code.and_then(char::from_u32) {
                                Some(ch) => out.push(ch),
                                None => {
                                    out.push('\u{FFFD}');
                                    self.lone_surrogates.push(escape_at - 1);
                                }
                            }
                        }
                        _ => {
                            self.pos = escape_at;
                            return Err(self.error_at(
                                escape_at - 1,
                                format!(
                                    "invalid escape '\\{}' in a string: write \\\\ for a backslash",
                                    self.text
                                        .get(escape_at..)
                                        .and_then(|s| s.chars().next())
                                        .unwrap_or('?')
                                ),
                            ));
                        }
                    }
                }
                Some(_) => {
                    let mut message = self.describe_here();
                    message.push_str(" inside a string must be escaped (as \\n, \\t or \\u");
                    push_hex(&mut message, u32::from(self.peek().unwrap_or(0)), 4, false);
                    message.push(')');
                    return Err(self.error(&message));
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value()?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma before ']': remove it"));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(self.error_at(
                        self.pos,
                        format!(
                            "expected ',' or ']' in an array, found {}",
                            self.describe_here()
                        ),
                    ))
                }
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                // A single quote is described with its hint already.
                return Err(self.error_at(
                    self.pos,
                    format!(
                        "expected a member name in double quotes, found {}",
                        self.describe_here()
                    ),
                ));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span {
                start: key_start,
                end: self.pos,
            };
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error_at(
                    self.pos,
                    format!(
                        "expected ':' after a member name, found {}",
                        self.describe_here()
                    ),
                ));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma before '}': remove it"));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(members));
                }
                _ => {
                    return Err(self.error_at(
                        self.pos,
                        format!(
                            "expected ',' or '}}' in an object, found {}",
                            self.describe_here()
                        ),
                    ))
                }
            }
        }
    }
}

/// Appends `value` in hexadecimal with at least `digits` digits, zero-padded, as
/// `format!("{value:0digits$x}")` (or `X` with `upper`) writes it. One routine for every
/// escape the crate writes (JSON, Python, `U+` notes): each `format!` with `{:04x}` costs
/// the page its own formatting code.
pub(crate) fn push_hex(out: &mut String, value: u32, digits: u32, upper: bool) {
    let alphabet = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut n = digits;
    while n < 8 && value >> (4 * n) != 0 {
        n += 1;
    }
    for i in (0..n).rev() {
        out.push(char::from(alphabet[(value >> (4 * i) & 15) as usize]));
    }
}

/// "the control character U+0007", for messages.
pub(crate) fn control_character(c: char) -> String {
    let mut out = String::from("the control character U+");
    push_hex(&mut out, c as u32, 4, true);
    out
}

/// Writes a JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or
/// `\u00XX`; everything else, non-ASCII included, as is.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str("\\u");
                push_hex(out, c as u32, 4, false);
            }
            // U+2028 and U+2029 are valid in JSON but break JavaScript string literals.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The value as compact JSON (no white space).
pub fn to_compact(node: &Node) -> String {
    let mut out = String::new();
    write_value(&mut out, node, None, 0);
    out
}

/// The value as JSON indented by two spaces, with a `": "` after member names.
pub fn to_pretty(node: &Node) -> String {
    let mut out = String::new();
    write_value(&mut out, node, Some(2), 0);
    out
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(width) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', width * level));
    }
}

fn write_value(out: &mut String, node: &Node, indent: Option<usize>, level: usize) {
    match &node.value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value(out, item, indent, level + 1);
            }
            newline(out, indent, level);
            out.push(']');
        }
        Value::Object(members) => {
            if members.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, member) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_string(out, &member.key);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value(out, &member.value, indent, level + 1);
            }
            newline(out, indent, level);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_number_text_and_spans() {
        let node = parse(r#"{"a": 5.0, "b": [1e3, -0]}"#).unwrap();
        assert_eq!(node.get("a").unwrap().value, Value::Number("5.0".into()));
        let b = node.get("b").unwrap().as_array().unwrap();
        assert_eq!(b[0].value, Value::Number("1e3".into()));
        assert_eq!(b[1].value, Value::Number("-0".into()));
        let a = node.get("a").unwrap();
        assert_eq!(
            &r#"{"a": 5.0, "b": [1e3, -0]}"#[a.span.start..a.span.end],
            "5.0"
        );
    }

    #[test]
    fn errors_are_located() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert!(err.message.contains("expected ':'"), "{}", err.message);
        let err = parse("{\"a\": 1,}").unwrap_err();
        assert!(err.message.contains("trailing comma"));
        let err = parse("{'a': 1}").unwrap_err();
        assert!(err.message.contains("double quotes"));
        let err = parse("[True]").unwrap_err();
        assert!(err.message.contains("lower case"));
        let err = parse("\"abc").unwrap_err();
        assert_eq!((err.line, err.column), (1, 1));
        assert!(parse("").unwrap_err().message.contains("end of the input"));
        assert!(parse("1 2")
            .unwrap_err()
            .message
            .contains("after the JSON value"));
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("\"\\x\"").is_err());
        assert!(parse("\"a\tb\"").is_err());
    }

    #[test]
    fn surrogate_pairs_and_lone_surrogates() {
        let node = parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(node.as_str(), Some("😀"));
        let (node, lone) = parse_noting(r#"["\ud83d", "a\ude00", "\ud800\u0041"]"#).unwrap();
        let items: Vec<&str> = node
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Node::as_str)
            .collect();
        assert_eq!(items, ["\u{FFFD}", "a\u{FFFD}", "\u{FFFD}A"]);
        assert_eq!(lone, [2, 13, 23]);
    }

    #[test]
    fn refuses_deep_nesting_without_overflow() {
        let deep = "[".repeat(100_000);
        let err = parse(&deep).unwrap_err();
        assert!(err.message.contains("nests too deeply"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn refuses_oversized_input() {
        let big = format!("\"{}\"", "a".repeat(MAX_INPUT_BYTES));
        assert!(parse(&big).unwrap_err().message.contains("too large"));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "é\nxé😀\n\nabc".repeat(40);
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(offset),
                line_col(&text, offset),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("é\nxé", 6), (2, 3));
        assert_eq!(line_col("é\nxé", 5), (2, 2));
        assert_eq!(line_col("é", 1), (1, 1));
    }

    #[test]
    fn writes_round_trip() {
        let text = r#"{"a":"x\"\\\n\u0001é😀","b":[true,false,null,1.5e-3],"c":{}}"#;
        let node = parse(text).unwrap();
        assert_eq!(to_compact(&node), text);
        let pretty = to_pretty(&node);
        assert!(pretty.contains("\n  \"b\": [\n    true,"));
        assert!(parse(&pretty).unwrap().same_as(&node));
        assert!(!parse("[1]").unwrap().same_as(&parse("[1.0]").unwrap()));
    }

    #[test]
    fn pointers() {
        let node = parse(r#"{"a/b":[{"~k":1}]}"#).unwrap();
        assert_eq!(
            node.pointer("/a~1b/0/~0k").map(|n| n.value.clone()),
            Some(Value::Number("1".into()))
        );
        assert!(node.pointer("/a~1b/1").is_none());
        assert_eq!(escape_pointer_token("a/~b"), "a~1~0b");
    }

    /// `push_hex` writes what `format!` with `{:0Nx}` and `{:0NX}` wrote before it.
    #[test]
    fn hex_matches_the_formatter() {
        let mut values: Vec<u32> = (0..0x1_0000).collect();
        values.extend((0x1_0000..=0x10_FFFF).step_by(97));
        values.extend([0x10_FFFF, 0xFFFF_FFFF, 0x1234_5678, 0x8000_0000]);
        for value in values {
            for (digits, lower, upper) in [
                (2, format!("{value:02x}"), format!("{value:02X}")),
                (4, format!("{value:04x}"), format!("{value:04X}")),
                (8, format!("{value:08x}"), format!("{value:08X}")),
            ] {
                let mut out = String::from("<");
                push_hex(&mut out, value, digits, false);
                assert_eq!(out, format!("<{lower}"));
                let mut out = String::new();
                push_hex(&mut out, value, digits, true);
                assert_eq!(out, upper);
            }
        }
        assert_eq!(control_character('\u{7}'), "the control character U+0007");
    }
}
