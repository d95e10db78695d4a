//! Reads a request back from what a person pastes: a JSON body, an
//! `aws sagemaker create-auto-ml-job …` command for a POSIX shell (either form of
//! [`crate::export`]), or the PowerShell or cmd.exe script of [`crate::export`].
//!
//! The spans of the result point into the pasted text, so diagnostics on an imported
//! command line point at the option or the character inside its quoted JSON.
//!
//! The command is read as a POSIX shell would (POSIX.1-2017, Shell Command Language, 2.2
//! Quoting), with bash's and zsh's `$'…'` quotes: `'…'`, `"…"` (where `\` escapes only
//! `$ ` \` `"` `\` and a line break), `\` outside quotes, `\`-newline continuations and `#`
//! comments. Whatever a shell would expand or run (`$`, backticks, unquoted `|&;<>()`, globs)
//! is refused with its position, since importing must not guess what it would become. The
//! options are read as AWS CLI v1 reads them: `--name value` or `--name=value`, JSON values
//! for structures and lists (several words for a list, one per item), the boolean flag pair,
//! and `--cli-input-json` whose members the other options override.

use std::fmt;

use crate::export::{in_model_order, CLI_OPTIONS, CMD_ECHO, PARAMFILE_PREFIXES};
use crate::json::{self, line_col, Member, Node, Span, Value};
use crate::model::{Kind, CREATE_AUTO_ML_JOB_REQUEST};

/// Why a text could not be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
    /// Byte offset in the imported text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ImportError {}

fn error(text: &str, offset: usize, message: impl Into<String>) -> ImportError {
    let (line, column) = line_col(text, offset);
    ImportError {
        message: message.into(),
        offset,
        line,
        column,
    }
}

/// The request in `text`: a JSON body, an `aws sagemaker create-auto-ml-job` command line, or
/// an exported PowerShell or cmd.exe script. A JSON body is returned as written; a command's
/// members come in the model's order.
pub fn import(text: &str) -> Result<Node, ImportError> {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    if let Some(at) = text.find("import boto3") {
        return Err(error(
            text,
            at,
            "a boto3 program cannot be imported: paste the JSON body or the AWS CLI command",
        ));
    }
    match text[start..].chars().next() {
        None => Err(error(
            text,
            start,
            "nothing to import: paste a JSON body or an aws sagemaker create-auto-ml-job command",
        )),
        Some('{' | '[' | '"') => parse_json_at(text, &text[start..], start),
        _ => {
            if let Some(at) = powershell_body(text) {
                parse_json_at(text, at.1, at.0)
            } else if text.contains(CMD_ECHO) {
                cmd_body(text)
            } else {
                command(text)
            }
        }
    }
}

/// Parses `json` (a slice of `text` starting at `offset`) with spans relative to `text`.
fn parse_json_at(text: &str, json: &str, offset: usize) -> Result<Node, ImportError> {
    let mut node = json::parse(json).map_err(|e| error(text, offset + e.offset, e.message))?;
    remap(&mut node, &|i| offset + i, &|i| offset + i);
    Ok(node)
}

/// Applies an offset mapping to every span of a node.
fn remap(node: &mut Node, start: &dyn Fn(usize) -> usize, end: &dyn Fn(usize) -> usize) {
    node.span = map_span(node.span, start, end);
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|n| remap(n, start, end)),
        Value::Object(members) => members.iter_mut().for_each(|m| {
            m.key_span = map_span(m.key_span, start, end);
            remap(&mut m.value, start, end);
        }),
        _ => {}
    }
}

fn map_span(span: Span, start: &dyn Fn(usize) -> usize, end: &dyn Fn(usize) -> usize) -> Span {
    let s = start(span.start);
    Span {
        start: s,
        end: if span.end > span.start {
            end(span.end)
        } else {
            s
        },
    }
}

// ---- exported Windows scripts -----------------------------------------------------------

/// The body of a PowerShell single-quoted here-string: `(offset, text)`.
fn powershell_body(text: &str) -> Option<(usize, &str)> {
    let mut line_start = 0;
    let mut body_start = None;
    for line in text.split_inclusive('\n') {
        line_start += line.len();
        let head = line.trim_end().strip_suffix("@'").map(str::trim_end);
        if matches!(head, Some(h) if h.is_empty() || h.ends_with('=')) {
            body_start = Some(line_start);
            break;
        }
    }
    let body_start = body_start?;
    let rest = &text[body_start..];
    let close = if rest.starts_with("'@") {
        0
    } else {
        rest.find("\n'@")? + 1
    };
    Some((body_start, rest[..close].trim_end_matches(['\r', '\n'])))
}

/// The body an exported cmd.exe script writes: its `echo(` lines, unescaped.
fn cmd_body(text: &str) -> Result<Node, ImportError> {
    let mut body = String::new();
    let mut map: Vec<usize> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\r', '\n']);
        if let Some(rest) = content.strip_prefix(CMD_ECHO) {
            let mut at = line_start + CMD_ECHO.len();
            let mut quoted = false;
            let mut chars = rest.chars().peekable();
            while let Some(c) = chars.next() {
                let width = c.len_utf8();
                match c {
                    '"' => quoted = !quoted,
                    '%' if chars.peek() == Some(&'%') => {
                        chars.next();
                        body.push('%');
                        map.push(at);
                        at += 2;
                        continue;
                    }
                    '^' if !quoted => {
                        // The escaped character follows; keep it whatever it is.
                        if let Some(&next) = chars.peek() {
                            chars.next();
                            body.push(next);
                            map.extend(std::iter::repeat_n(at, next.len_utf8()));
                            at += width + next.len_utf8();
                        }
                        continue;
                    }
                    _ => {}
                }
                body.push(c);
                map.extend((0..width).map(|k| at + k));
                at += width;
            }
            body.push('\n');
            map.push(at);
        }
        line_start += line.len();
    }
    let node = json::parse(&body);
    let at = |i: usize| map.get(i).copied().unwrap_or(text.len());
    match node {
        Ok(mut node) => {
            remap(&mut node, &at, &|i| at(i.saturating_sub(1)) + 1);
            Ok(node)
        }
        Err(e) => Err(error(text, at(e.offset), e.message)),
    }
}

// ---- shell words -------------------------------------------------------------------------

/// One shell word after quote removal, with the source range of each of its bytes.
struct Word {
    text: String,
    /// `(start, end)` in the source of each byte of `text`.
    src: Vec<(usize, usize)>,
    span: Span,
}

impl Word {
    fn at(&self, i: usize) -> usize {
        self.src.get(i).map_or(self.span.end, |s| s.0)
    }

    fn end_at(&self, i: usize) -> usize {
        match i.checked_sub(1).and_then(|j| self.src.get(j)) {
            Some(s) => s.1,
            None => self.at(i),
        }
    }
}

struct Lexer<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    bytes: Vec<u8>,
    src: Vec<(usize, usize)>,
    start: Option<usize>,
}

impl Lexer<'_> {
    fn err(&self, at: usize, message: impl Into<String>) -> ImportError {
        error(self.text, at, message)
    }

    fn begin(&mut self) {
        if self.start.is_none() {
            self.start = Some(self.i);
        }
    }

    fn push(&mut self, bytes: &[u8], from: usize, to: usize) {
        for (k, &byte) in bytes.iter().enumerate() {
            self.bytes.push(byte);
            // Literal text maps byte for byte; an escape maps each byte to the whole escape.
            if to - from == bytes.len() {
                self.src.push((from + k, from + k + 1));
            } else {
                self.src.push((from, to));
            }
        }
    }

    /// Copies the character at `self.i` literally.
    fn literal_char(&mut self) {
        let width = self.text[self.i..].chars().next().map_or(1, char::len_utf8);
        let from = self.i;
        self.push(&self.b[from..from + width], from, from + width);
        self.i += width;
    }

    fn finish(&mut self, words: &mut Vec<Word>) -> Result<(), ImportError> {
        let Some(start) = self.start.take() else {
            return Ok(());
        };
        let bytes = std::mem::take(&mut self.bytes);
        let src = std::mem::take(&mut self.src);
        let text = String::from_utf8(bytes).map_err(|_| {
            self.err(
                start,
                "this word is not valid UTF-8 once its escapes are read",
            )
        })?;
        words.push(Word {
            text,
            src,
            span: Span { start, end: self.i },
        });
        Ok(())
    }

    fn single_quoted(&mut self) -> Result<(), ImportError> {
        let open = self.i;
        let len = self.b[open + 1..]
            .iter()
            .position(|&c| c == b'\'')
            .ok_or_else(|| {
                self.err(open, "this single quote is never closed: add the closing '")
            })?;
        let from = open + 1;
        self.push(&self.b[from..from + len], from, from + len);
        self.i = from + len + 1;
        Ok(())
    }

    fn double_quoted(&mut self) -> Result<(), ImportError> {
        let open = self.i;
        self.i += 1;
        loop {
            match self.b.get(self.i) {
                None => return Err(self.err(open, "this double quote is never closed: add the closing \"")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => match self.b.get(self.i + 1) {
                    Some(b'\n') => self.i += 2,
                    Some(&c @ (b'$' | b'`' | b'"' | b'\\')) => {
                        self.push(&[c], self.i, self.i + 2);
                        self.i += 2;
                    }
                    _ => self.literal_char(),
                },
                Some(&c @ (b'$' | b'`')) => {
                    return Err(self.err(
                        self.i,
                        format!(
                            "the shell would expand '{}' inside double quotes: put the value in single quotes",
                            c as char
                        ),
                    ))
                }
                Some(_) => self.literal_char(),
            }
        }
    }

    /// `$'…'` (bash, zsh, ksh; POSIX.1-2024): backslash escapes as in C.
    fn ansi_c_quoted(&mut self) -> Result<(), ImportError> {
        let open = self.i;
        self.i += 2;
        loop {
            let at = self.i;
            match self.b.get(at) {
                None => {
                    return Err(self.err(open, "this $' quote is never closed: add the closing '"))
                }
                Some(b'\'') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let Some(&e) = self.b.get(at + 1) else {
                        return Err(
                            self.err(open, "this $' quote is never closed: add the closing '")
                        );
                    };
                    self.i = at + 2;
                    let simple = match e {
                        b'a' => Some(7),
                        b'b' => Some(8),
                        b'e' | b'E' => Some(27),
                        b'f' => Some(12),
                        b'n' => Some(b'\n'),
                        b'r' => Some(b'\r'),
                        b't' => Some(b'\t'),
                        b'v' => Some(11),
                        b'\\' | b'\'' | b'"' | b'?' => Some(e),
                        _ => None,
                    };
                    if let Some(byte) = simple {
                        self.push(&[byte], at, self.i);
                        continue;
                    }
                    let (radix, max, skip) = match e {
                        b'0'..=b'7' => (8, 3, 0),
                        b'x' => (16, 2, 1),
                        b'u' => (16, 4, 1),
                        b'U' => (16, 8, 1),
                        b'c' => {
                            let Some(&c) = self.b.get(at + 2) else {
                                return Err(self.err(at, "\\c needs a character after it"));
                            };
                            self.i = at + 3;
                            self.push(&[c & 0x1f], at, self.i);
                            continue;
                        }
                        _ => {
                            // Unknown escapes keep their backslash.
                            self.push(b"\\", at, at + 1);
                            self.i = at + 1;
                            continue;
                        }
                    };
                    self.i = at + 1 + skip;
                    let digits_start = self.i;
                    let mut value: u32 = 0;
                    while self.i - digits_start < max {
                        match self
                            .b
                            .get(self.i)
                            .and_then(|&d| (d as char).to_digit(radix))
                        {
                            Some(d) => {
                                value = value * radix + d;
                                self.i += 1;
                            }
                            None => break,
                        }
                    }
                    if self.i == digits_start {
                        return Err(
                            self.err(at, format!("\\{} needs hexadecimal digits", e as char))
                        );
                    }
                    if matches!(e, b'u' | b'U') {
                        let c = char::from_u32(value).ok_or_else(|| {
                            self.err(at, format!("\\{} names no character", e as char))
                        })?;
                        let mut buf = [0; 4];
                        self.push(c.encode_utf8(&mut buf).as_bytes(), at, self.i);
                    } else {
                        self.push(&[value as u8], at, self.i);
                    }
                }
                Some(_) => self.literal_char(),
            }
        }
    }
}

/// Splits one command into words. Comments and blank lines before it are skipped; only
/// blank lines and comments may follow it.
fn words(text: &str) -> Result<Vec<Word>, ImportError> {
    let mut lx = Lexer {
        text,
        b: text.as_bytes(),
        i: 0,
        bytes: Vec::new(),
        src: Vec::new(),
        start: None,
    };
    let mut words = Vec::new();
    while let Some(&c) = lx.b.get(lx.i) {
        match c {
            b' ' | b'\t' | b'\r' => {
                lx.finish(&mut words)?;
                lx.i += 1;
            }
            b'\n' => {
                lx.finish(&mut words)?;
                lx.i += 1;
                if !words.is_empty() {
                    break;
                }
            }
            b'#' if lx.start.is_none() => {
                lx.i = text[lx.i..].find('\n').map_or(text.len(), |n| lx.i + n);
            }
            b'\\' => match lx.b.get(lx.i + 1) {
                Some(b'\n') => lx.i += 2,
                Some(b'\r') if lx.b.get(lx.i + 2) == Some(&b'\n') => lx.i += 3,
                Some(_) => {
                    lx.begin();
                    let at = lx.i;
                    lx.i += 1;
                    let width = text[lx.i..].chars().next().map_or(1, char::len_utf8);
                    lx.push(&lx.b[lx.i..lx.i + width], at, lx.i + width);
                    lx.i += width;
                }
                None => return Err(lx.err(lx.i, "the command ends with a lone backslash")),
            },
            b'\'' => {
                lx.begin();
                lx.single_quoted()?;
            }
            b'"' => {
                lx.begin();
                lx.double_quoted()?;
            }
            b'$' if lx.b.get(lx.i + 1) == Some(&b'\'') => {
                lx.begin();
                lx.ansi_c_quoted()?;
            }
            b'$' if lx.b.get(lx.i + 1) == Some(&b'"') => {
                lx.begin();
                lx.i += 1;
                lx.double_quoted()?;
            }
            b'$' | b'`' => {
                return Err(lx.err(
                    lx.i,
                    format!(
                        "the shell would expand '{}' here: put the value in single quotes",
                        c as char
                    ),
                ))
            }
            b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')' => {
                return Err(lx.err(
                    lx.i,
                    format!(
                        "'{}' would make this more than one aws command: import one command, with its values quoted",
                        c as char
                    ),
                ))
            }
            b'*' | b'?' | b'[' | b'{' | b'}' | b'!' => {
                return Err(lx.err(
                    lx.i,
                    format!(
                        "the shell may expand the unquoted '{}': put the value in single quotes",
                        c as char
                    ),
                ))
            }
            b'~' if lx.start.is_none() => {
                return Err(lx.err(
                    lx.i,
                    "the shell would expand '~' here: put the value in single quotes",
                ))
            }
            _ => {
                lx.begin();
                lx.literal_char();
            }
        }
    }
    lx.finish(&mut words)?;
    // After the command: only blank lines and comments.
    for line in text[lx.i..].split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            let at = lx.i + (line.len() - line.trim_start().len());
            return Err(error(
                text,
                at,
                "unexpected text after the command: import one command at a time",
            ));
        }
        lx.i += line.len();
    }
    Ok(words)
}

// ---- the AWS CLI command -----------------------------------------------------------------

/// Global options of AWS CLI v1 and v2 (`aws help`), with whether each takes a value. They do
/// not change the request body, so they are accepted and left out.
const GLOBAL_OPTIONS: [(&str, bool); 17] = [
    ("debug", false),
    ("endpoint-url", true),
    ("no-verify-ssl", false),
    ("no-paginate", false),
    ("output", true),
    ("query", true),
    ("profile", true),
    ("region", true),
    ("color", true),
    ("no-sign-request", false),
    ("ca-bundle", true),
    ("cli-read-timeout", true),
    ("cli-connect-timeout", true),
    ("cli-binary-format", true),
    ("no-cli-pager", false),
    ("cli-auto-prompt", false),
    ("no-cli-auto-prompt", false),
];

fn command(text: &str) -> Result<Node, ImportError> {
    let words = words(text)?;
    let err = |at: usize, message: String| error(text, at, message);
    let expected = "expected a JSON body or an aws sagemaker create-auto-ml-job command";
    let Some(first) = words.first() else {
        return Err(err(text.len(), format!("nothing to import: {expected}")));
    };
    let program = first.text.rsplit(['/', '\\']).next().unwrap_or("");
    if !matches!(program, "aws" | "aws.exe" | "aws.cmd") {
        let hint = if first.text == "import" || first.text == "from" {
            " (a boto3 program cannot be imported)"
        } else {
            ""
        };
        return Err(err(first.span.start, format!("{expected}{hint}")));
    }

    let mut members: Vec<Member> = Vec::new();
    let mut input_json: Option<Node> = None;
    let mut positional = 0;
    let mut i = 1;
    while let Some(word) = words.get(i) {
        i += 1;
        let Some(option) = word.text.strip_prefix("--") else {
            let want = ["sagemaker", "create-auto-ml-job"];
            match want.get(positional) {
                Some(w) if word.text == *w => {
                    positional += 1;
                    continue;
                }
                Some(w) => {
                    return Err(err(
                        word.span.start,
                        format!("expected '{w}' here, found '{}': only aws sagemaker create-auto-ml-job can be imported", word.text),
                    ))
                }
                None => {
                    return Err(err(
                        word.span.start,
                        format!("unexpected argument '{}': every value follows its option", word.text),
                    ))
                }
            }
        };
        let (name, inline) = match option.split_once('=') {
            Some((name, value)) => (name, Some(word.text.len() - value.len())),
            None => (option, None),
        };
        if let Some((_, takes_value)) = GLOBAL_OPTIONS.iter().find(|(g, _)| *g == name) {
            if *takes_value {
                take_value(text, &words, &mut i, word, inline, name)?;
            } else if inline.is_some() {
                return Err(err(word.span.start, format!("--{name} takes no value")));
            }
            continue;
        }
        if positional < 2 {
            return Err(err(
                word.span.start,
                format!("expected 'sagemaker create-auto-ml-job' before --{name}"),
            ));
        }
        if name == "cli-input-json" {
            if input_json.is_some() {
                return Err(err(
                    word.span.start,
                    "--cli-input-json is given twice".to_string(),
                ));
            }
            let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
            let node = json_word(text, value, from, "--cli-input-json")?;
            if node.as_object().is_none() {
                return Err(err(
                    node.span.start,
                    "--cli-input-json must be a JSON object".to_string(),
                ));
            }
            input_json = Some(node);
            continue;
        }
        let (key, negated) = match CLI_OPTIONS.iter().find(|(_, o)| *o == name) {
            Some((key, _)) => (*key, false),
            None => match name
                .strip_prefix("no-")
                .and_then(|n| CLI_OPTIONS.iter().find(|(_, o)| *o == n))
            {
                Some((key, _)) => (*key, true),
                None => {
                    return Err(err(
                        word.span.start,
                        format!("unknown option '--{name}' for aws sagemaker create-auto-ml-job"),
                    ))
                }
            },
        };
        let Some(def) = CREATE_AUTO_ML_JOB_REQUEST.member(key) else {
            continue;
        };
        if members.iter().any(|m| m.key == key) {
            return Err(err(
                word.span.start,
                format!("the member {key} is given twice (--{name})"),
            ));
        }
        let is_bool = matches!(def.shape.kind, Kind::Boolean);
        if negated && !is_bool {
            return Err(err(
                word.span.start,
                format!("unknown option '--{name}' for aws sagemaker create-auto-ml-job"),
            ));
        }
        let value = match &def.shape.kind {
            Kind::Boolean => {
                if inline.is_some() {
                    return Err(err(
                        word.span.start,
                        format!(
                            "--{name} is a flag and takes no value: write --{name} or --no-{name}"
                        ),
                    ));
                }
                Node {
                    value: Value::Bool(!negated),
                    span: word.span,
                }
            }
            Kind::Structure { .. } => {
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                json_word(text, value, from, &format!("--{name}"))?
            }
            Kind::List { .. } => list_value(text, &words, &mut i, word, inline, name)?,
            _ => {
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                let s = &value.text[from..];
                check_paramfile(text, value, from, &format!("--{name}"))?;
                Node {
                    value: Value::String(s.to_string()),
                    span: Span {
                        start: value.at(from),
                        end: value.end_at(value.text.len()),
                    },
                }
            }
        };
        members.push(Member {
            key: key.to_string(),
            key_span: Span {
                start: word.span.start,
                end: word.span.start + 2 + name.len(),
            },
            value,
        });
    }
    if positional < 2 {
        return Err(err(
            text.trim_end().len(),
            "expected 'aws sagemaker create-auto-ml-job'".to_string(),
        ));
    }
    // The options override the members of --cli-input-json (awscli/customizations/cliinputjson.py).
    let mut all = match input_json {
        Some(Node {
            value: Value::Object(base),
            ..
        }) => base
            .into_iter()
            .filter(|b| !members.iter().any(|m| m.key == b.key))
            .collect(),
        _ => Vec::new(),
    };
    all.extend(members);
    let root = Node {
        value: Value::Object(all),
        span: Span {
            start: words.first().map_or(0, |w| w.span.start),
            end: words.last().map_or(0, |w| w.span.end),
        },
    };
    Ok(in_model_order(&root))
}

/// An option's value: after `=` in the same word (`inline` is where it starts), or the next
/// word when that is not an option.
fn take_value<'w>(
    text: &str,
    words: &'w [Word],
    i: &mut usize,
    word: &'w Word,
    inline: Option<usize>,
    name: &str,
) -> Result<(&'w Word, usize), ImportError> {
    if let Some(from) = inline {
        return Ok((word, from));
    }
    match words.get(*i) {
        Some(next) if !next.text.starts_with("--") => {
            *i += 1;
            Ok((next, 0))
        }
        _ => Err(error(
            text,
            word.span.start,
            format!("--{name} needs a value"),
        )),
    }
}

/// A list option's value: one JSON array, or one JSON item per word (AWS CLI v1 list
/// parameters take one or more words).
fn list_value(
    text: &str,
    words: &[Word],
    i: &mut usize,
    word: &Word,
    inline: Option<usize>,
    name: &str,
) -> Result<Node, ImportError> {
    let option = format!("--{name}");
    let mut parts: Vec<(&Word, usize)> = Vec::new();
    if let Some(from) = inline {
        parts.push((word, from));
    }
    while let Some(next) = words.get(*i) {
        if next.text.starts_with("--") {
            break;
        }
        parts.push((next, 0));
        *i += 1;
    }
    let Some(&(first, from)) = parts.first() else {
        return Err(error(
            text,
            word.span.start,
            format!("{option} needs a value"),
        ));
    };
    if parts.len() == 1 && first.text[from..].trim_start().starts_with('[') {
        return json_word(text, first, from, &option);
    }
    let items = parts
        .iter()
        .map(|&(w, from)| json_word(text, w, from, &option))
        .collect::<Result<Vec<_>, _>>()?;
    let span = Span {
        start: items.first().map_or(0, |n| n.span.start),
        end: items.last().map_or(0, |n| n.span.end),
    };
    Ok(Node {
        value: Value::Array(items),
        span,
    })
}

fn check_paramfile(text: &str, word: &Word, from: usize, option: &str) -> Result<(), ImportError> {
    let value = &word.text[from..];
    if PARAMFILE_PREFIXES.iter().any(|p| value.starts_with(p)) {
        return Err(error(
            text,
            word.at(from),
            format!(
                "the AWS CLI would read {option} from '{value}'; files and URLs are not read here: paste the contents instead"
            ),
        ));
    }
    Ok(())
}

/// The JSON value in `word` from byte `from`, with spans in the pasted text.
fn json_word(text: &str, word: &Word, from: usize, option: &str) -> Result<Node, ImportError> {
    check_paramfile(text, word, from, option)?;
    let value = &word.text[from..];
    if !value.trim_start().starts_with(['{', '[']) {
        return Err(error(
            text,
            word.at(from),
            format!("{option} takes JSON here (the AWS CLI shorthand syntax is not read): write it as a JSON value"),
        ));
    }
    match json::parse(value) {
        Ok(mut node) => {
            remap(&mut node, &|i| word.at(from + i), &|i| {
                word.end_at(from + i)
            });
            Ok(node)
        }
        Err(e) => Err(error(
            text,
            word.at(from + e.offset),
            format!("{option}: {}", e.message),
        )),
    }
}
