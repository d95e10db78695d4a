//! Reads a request back from what a person pastes: a JSON body, an
//! `aws sagemaker create-auto-ml-job …` command for a POSIX shell (either form of
//! [`crate::export`]), the PowerShell or cmd.exe script of [`crate::export`], or a boto3
//! program or Python dict ([`python`]).
//!
//! The spans of the result point into the pasted text, so diagnostics on an imported
//! command line point at the option or the character inside its quoted JSON.
//!
//! The command is read as a POSIX shell would (POSIX.1-2017, Shell Command Language, 2.2
//! Quoting), with bash's and zsh's `$'…'` quotes: `'…'`, `"…"` (where `\` escapes only
//! `$ ` \` `"` `\` and a line break), `\` outside quotes, `\`-newline continuations and `#`
//! comments. Whatever a shell would expand or run (`$`, backticks, unquoted `|&;<>()`, globs)
//! is refused with its position, since importing must not guess what it would become. The
//! options are read as AWS CLI v1 reads them: `--name value` or `--name=value`, structures
//! and lists as JSON or in the AWS CLI shorthand syntax (`Key=a,Value=b`; several words for a
//! list, one per item), the boolean flag pair, and `--cli-input-json` whose members the other
//! options override.
//!
//! A Markdown code fence around the text and a `$ ` or `% ` prompt before `aws` (with the
//! `> ` prompts of its continuation lines) are left out; YAML, a PowerShell command and prose
//! are named as such rather than read as shell words.

use std::fmt;

use crate::export::{in_model_order, CLI_OPTIONS, CMD_ECHO, PARAMFILE_PREFIXES};
use crate::json::{self, line_col, Member, Node, Span, Value};
use crate::model::{Kind, Shape, CREATE_AUTO_ML_JOB_REQUEST, DESCRIBE_ONLY, DESCRIBE_V2_ONLY};

mod python;

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

/// The texts are borrowed and copied here once (see `rules::error`): a generic
/// `impl Into<String>` gave the page a copy of this per argument type.
fn error(text: &str, offset: usize, message: &str) -> ImportError {
    let (line, column) = line_col(text, offset);
    ImportError {
        message: message.to_string(),
        offset,
        line,
        column,
    }
}

/// The request in `text`: a JSON body, an `aws sagemaker create-auto-ml-job` command line, an
/// exported PowerShell or cmd.exe script, a boto3 program calling `create_auto_ml_job(…)`
/// (also in a Jupyter notebook's code cells), or a Python dict. A JSON body, a Python dict and a boto3 call's arguments are returned as
/// written; a command's members come in the model's order.
pub fn import(text: &str) -> Result<Node, ImportError> {
    import_noting(text).map(|(request, _)| request)
}

/// [`import`], with the AWS CLI's global options the command held (`--region eu-west-1`,
/// `--profile ml`, as written), the settings a boto3 program gave its client or session
/// (`region_name="eu-west-1"`; credentials by name only), or the members of
/// `describe-auto-ml-job` output that describe the job (`AutoMLJobStatus`, …): they are not
/// part of the request, so they are left out, and a person should hear that they were
/// ([`left_out_kind`]).
pub fn import_noting(text: &str) -> Result<(Node, Vec<String>), ImportError> {
    let mut left_out = Vec::new();
    let request = import_into(text, &mut left_out)?;
    Ok((request, left_out))
}

/// The code cells of a Jupyter notebook (nbformat 4: `cells`, each with a `cell_type` and a
/// `source` that is a string or a list of lines), with the span of each `source` in the file;
/// `None` for JSON that is not a notebook.
fn notebook_cells(node: &Node) -> Option<Vec<(Span, String)>> {
    node.get("nbformat")?;
    let cells = node.get("cells")?.as_array()?;
    Some(
        cells
            .iter()
            .filter(|cell| cell.get("cell_type").and_then(Node::as_str) == Some("code"))
            .filter_map(|cell| {
                let source = cell.get("source")?;
                let code = match &source.value {
                    Value::String(code) => code.clone(),
                    Value::Array(lines) => lines.iter().filter_map(Node::as_str).collect(),
                    _ => return None,
                };
                Some((source.span, code))
            })
            .collect(),
    )
}

/// What the items [`import_noting`] left out are, in the plural, as the items of one import
/// are all of one kind: `they are {kind}, not part of the request`.
pub fn left_out_kind(item: &str) -> &'static str {
    if item.starts_with("--") {
        "the AWS CLI's own options"
    } else if is_describe_only(item) {
        "what describe-auto-ml-job reports about the job"
    } else {
        "settings of the boto3 client or session"
    }
}

/// Whether the items [`import_noting`] left out say the text was `describe-auto-ml-job`
/// output: its `AutoMLJobName` is then the described job's, and a new job needs its own.
pub fn left_out_describe_output(left_out: &[String]) -> bool {
    left_out.iter().any(|item| is_describe_only(item))
}

/// Whether `key` is a member of `DescribeAutoMLJob`'s output that a request does not have
/// (or boto3's `ResponseMetadata`, when a response was saved as JSON).
fn is_describe_only(key: &str) -> bool {
    DESCRIBE_ONLY.contains(&key) || DESCRIBE_V2_ONLY.contains(&key) || key == "ResponseMetadata"
}

/// The request within `describe-auto-ml-job` output (or a part of it: any member only
/// describe reports): what describe reports beyond the request is left out, and named in
/// `left_out`. Any other object is returned as it is.
fn without_describe_only(mut node: Node, left_out: &mut Vec<String>) -> Node {
    if let Value::Object(members) = &mut node.value {
        members.retain(|m| {
            let drop = is_describe_only(&m.key);
            if drop && !left_out.contains(&m.key) {
                left_out.push(m.key.clone());
            }
            !drop
        });
    }
    node
}

fn import_into(text: &str, left_out: &mut Vec<String>) -> Result<Node, ImportError> {
    // Markdown fences and shell prompts are blanked out, not cut out, so that every offset,
    // line and column still holds for the text as pasted.
    let unwrapped = blank_prompts(&blank_fences(text));
    let text = unwrapped.as_str();
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    match text[start..].chars().next() {
        None => Err(error(
            text,
            start,
            "nothing to import: paste a JSON body, an aws sagemaker create-auto-ml-job command or a boto3 program",
        )),
        Some('{') => match parse_json_at(text, &text[start..], start) {
            Ok(node) => match notebook_cells(&node) {
                Some(cells) => python::notebook(text, &cells, left_out),
                None => Ok(without_describe_only(node, left_out)),
            },
            // A Python dict (single quotes, True, a trailing comma) is read as one. When it is
            // neither, JSON's message stands unless JSON stopped at what only Python writes (a
            // single quote, a bare word) and Python read further.
            Err(json) => python::dict_literal(text).map_err(|py| {
                let pythonic = text[json.offset.min(text.len())..]
                    .starts_with(|c: char| c == '\'' || c == '_' || c.is_alphabetic());
                if pythonic && py.offset > json.offset {
                    py
                } else {
                    json
                }
            }),
        },
        Some('[') => parse_json_at(text, &text[start..], start),
        Some(first) => {
            if let Some(at) = powershell_body(text) {
                parse_json_at(text, at.1, at.0)
            } else if text.contains(CMD_ECHO) {
                cmd_body(text)
            } else if python::is_program(text)
                // A script setting variables before `aws` is a command, whatever its values.
                && !first_word_is_aws(&shell_assignments(text).1)
            {
                python::program(text, left_out)
            } else if first == '"' {
                parse_json_at(text, &text[start..], start)
            } else {
                command(text, left_out)
            }
        }
    }
}

/// Overwrites each of `ranges` of `text` with spaces (they hold ASCII only, so offsets,
/// lines and columns stay the same).
fn blank(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(from, to) in ranges {
        bytes[from..to].fill(b' ');
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// The lines of `text` with the offset each starts at.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

/// `text` with a Markdown code fence around it (```` ```json ```` … ```` ``` ````) blanked out:
/// the opening fence on the first line that is not blank, and the first closing fence after it.
fn blank_fences(text: &str) -> String {
    let mut lines = lines_at(text).skip_while(|(_, line)| line.trim().is_empty());
    let Some((at, line)) = lines.next() else {
        return text.to_string();
    };
    let indent = line.len() - line.trim_start().len();
    let Some(info) = line.trim().strip_prefix("```") else {
        return text.to_string();
    };
    if !info
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_+-.".contains(&b))
    {
        return text.to_string();
    }
    let mut ranges = vec![(at + indent, at + indent + 3 + info.len())];
    if let Some((at, line)) = lines.find(|(_, line)| line.trim() == "```") {
        let indent = line.len() - line.trim_start().len();
        ranges.push((at + indent, at + indent + 3));
    }
    blank(text, &ranges)
}

/// Whether the first line that is not blank or a comment starts with the aws program.
fn first_word_is_aws(text: &str) -> bool {
    lines_at(text)
        .map(|(_, line)| line.trim())
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(|line| line.split_whitespace().next())
        .is_some_and(|word| is_aws(word.trim_matches(['\'', '"'])))
}

/// Puts `key: value` in `members` as a Python dict does (and so the AWS CLI shorthand, which
/// builds one): a repeated key keeps its first place and takes the last value.
fn set_member(members: &mut Vec<Member>, key: String, key_span: Span, value: Node) {
    match members.iter_mut().find(|m| m.key == key) {
        Some(m) => {
            m.key_span = key_span;
            m.value = value;
        }
        None => members.push(Member {
            key,
            key_span,
            value,
        }),
    }
}

/// Whether `word` names the aws program (`aws`, `/usr/local/bin/aws`, `aws.exe`).
fn is_aws(word: &str) -> bool {
    let program = word.rsplit(['/', '\\']).next().unwrap_or("");
    matches!(program, "aws" | "aws.exe" | "aws.cmd")
}

/// `text` with a shell prompt (`$ ` or `% `) before `aws` blanked out, and the `> ` prompts
/// of the lines that continue it after a `\`.
fn blank_prompts(text: &str) -> String {
    let mut lines = lines_at(text)
        .skip_while(|(_, line)| line.trim().is_empty() || line.trim_start().starts_with('#'));
    let Some((at, line)) = lines.next() else {
        return text.to_string();
    };
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let Some(after) = rest.strip_prefix(['$', '%']) else {
        return text.to_string();
    };
    if !after.starts_with([' ', '\t']) || !after.split_whitespace().next().is_some_and(is_aws) {
        return text.to_string();
    }
    let mut ranges = vec![(at + indent, at + indent + 1)];
    let mut continued = line.trim_end().ends_with('\\');
    for (at, line) in lines {
        if !continued {
            break;
        }
        if line.starts_with("> ") {
            ranges.push((at, at + 1));
        }
        continued = line.trim_end().ends_with('\\');
    }
    blank(text, &ranges)
}

/// Parses `json` (a slice of `text` starting at `offset`) with spans relative to `text`.
fn parse_json_at(text: &str, json: &str, offset: usize) -> Result<Node, ImportError> {
    let mut node = json::parse(json).map_err(|e| error(text, offset + e.offset, &e.message))?;
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
        Err(e) => Err(error(text, at(e.offset), &e.message)),
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
    /// Shell variables set before the command (see [`shell_assignments`]).
    vars: &'a [(String, String)],
    b: &'a [u8],
    i: usize,
    bytes: Vec<u8>,
    src: Vec<(usize, usize)>,
    start: Option<usize>,
}

impl Lexer<'_> {
    fn err(&self, at: usize, message: &str) -> ImportError {
        error(self.text, at, message)
    }

    /// At a `$NAME` or `${NAME}` naming a variable set before the command: puts its value in
    /// the word (each byte mapped to the whole reference) and moves past it. `quoted`: inside
    /// double quotes; unquoted, a value the shell would split or glob is refused.
    fn variable(&mut self, quoted: bool) -> Option<Result<(), ImportError>> {
        let rest = &self.b[self.i + 1..];
        let (name, len) = match rest.first() {
            Some(b'{') => {
                let end = rest.iter().position(|&c| c == b'}')?;
                (&rest[1..end], end + 2)
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .unwrap_or(rest.len());
                (&rest[..end], end + 1)
            }
        };
        let (_, value) = self.vars.iter().find(|(n, _)| n.as_bytes() == name)?;
        let at = self.i;
        if !quoted && value.bytes().any(|c| b" \t\n*?[".contains(&c)) {
            return Some(Err(self.err(
                at,
                "the shell would split this variable's value into several words (or expand its wildcards): write it in double quotes",
            )));
        }
        self.begin();
        let value = value.clone();
        self.push(value.as_bytes(), at, at + len);
        self.i = at + len;
        Some(Ok(()))
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
                None => {
                    return Err(self.err(
                        open,
                        "this double quote is never closed: add the closing \"",
                    ))
                }
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
                Some(b'$') if self.variable(true).is_some() => {}
                Some(b'$' | b'`') => {
                    return Err(self.err(
                        self.i,
                        &expansion(&self.b[self.i..], "inside double quotes"),
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
                            self.err(at, &format!("\\{} needs hexadecimal digits", e as char))
                        );
                    }
                    if matches!(e, b'u' | b'U') {
                        let c = char::from_u32(value).ok_or_else(|| {
                            self.err(at, &format!("\\{} names no character", e as char))
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

/// Splits one command into words, with `vars` the shell variables set before it (see
/// [`shell_assignments`]). Comments and blank lines before it are skipped; only blank lines
/// and comments may follow it.
fn words_with(text: &str, vars: &[(String, String)]) -> Result<Vec<Word>, ImportError> {
    let mut lx = Lexer {
        text,
        vars,
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
            b'$' => match lx.variable(false) {
                Some(read) => read?,
                None => return Err(lx.err(lx.i, &expansion(&lx.b[lx.i..], "here"))),
            },
            b'`' => return Err(lx.err(lx.i, &expansion(&lx.b[lx.i..], "here"))),
            b'|' | b'&' | b';' | b'<' | b'>' | b'(' | b')' => {
                return Err(lx.err(
                    lx.i,
                    &format!(
                        "'{}' would make this more than one aws command: import one command, with its values quoted",
                        c as char
                    ),
                ))
            }
            // A brace group the shell would not expand (no comma or `..` of its own, as
            // in the shorthand `CompletionCriteria={MaxCandidates=10}`) stays as written,
            // and a lone `}` is a plain character.
            b'{' if !brace_expands(&lx.b[lx.i + 1..]) => {
                lx.begin();
                lx.literal_char();
            }
            b'}' => {
                lx.begin();
                lx.literal_char();
            }
            b'{' => {
                return Err(lx.err(
                    lx.i,
                    "the shell would expand this {…,…} into several words: put the value in single quotes",
                ))
            }
            b'*' | b'?' | b'[' | b'!' => {
                return Err(lx.err(
                    lx.i,
                    &format!(
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

/// Shell variables set on the lines before the command (`BUCKET=my-bucket`,
/// `export ROLE="arn:…"`), each value one word as the shell reads it (and may use a variable
/// set before it), with `text` where those lines are blanked out: a `$BUCKET` in the command
/// then reads as its value.
fn shell_assignments(text: &str) -> (Vec<(String, String)>, String) {
    let mut vars: Vec<(String, String)> = Vec::new();
    let mut ranges = Vec::new();
    for (at, line) in lines_at(text) {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let body = content
            .strip_prefix("export ")
            .map_or(content, str::trim_start);
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if name_len == 0
            || body.as_bytes()[0].is_ascii_digit()
            || !body[name_len..].starts_with('=')
        {
            break;
        }
        let Ok(words) = words_with(&body[name_len + 1..], &vars) else {
            break;
        };
        let value = match words.as_slice() {
            [] => String::new(),
            [one] => one.text.clone(),
            _ => break,
        };
        vars.push((body[..name_len].to_string(), value));
        let indent = line.len() - line.trim_start().len();
        ranges.push((at + indent, at + indent + content.len()));
    }
    (vars, blank(text, &ranges))
}

/// What to say of the `$` or backtick that starts `rest`, which the shell would expand
/// (`where_`: "here" or "inside double quotes"). A variable or a command's output is only
/// known when the shell runs the command, so its value is asked for; other uses of `$` (a
/// literal dollar sign) are to be single-quoted.
fn expansion(rest: &[u8], where_: &str) -> String {
    let name_char = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_';
    match rest {
        [b'`', ..] | [b'$', b'(', ..] => {
            "the shell runs this command and puts its output here, which import cannot know: write the value itself in its place".to_string()
        }
        [b'$', b'{', more @ ..] => {
            let name: String = more.iter().take_while(|c| name_char(c)).map(|&c| char::from(c)).collect();
            format!("${{{name}}} is a shell variable, whose value import cannot know: write the value itself in its place")
        }
        [b'$', first, ..] if first.is_ascii_alphabetic() || *first == b'_' => {
            let name: String = rest[1..].iter().take_while(|c| name_char(c)).map(|&c| char::from(c)).collect();
            format!("${name} is a shell variable, whose value import cannot know: write the value itself in its place")
        }
        _ => format!("the shell would expand '$' {where_}: put the value in single quotes"),
    }
}

/// Whether the shell would expand the brace group whose `{` comes just before `rest`: it
/// closes within the word, and holds an unquoted `,` or `..` of its own (not only in a group
/// nested in it). Quoted and escaped characters count for nothing, as in bash.
fn brace_expands(rest: &[u8]) -> bool {
    let mut depth = 0_usize;
    let mut expands = false;
    let mut i = 0;
    while let Some(&c) = rest.get(i) {
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => return false,
            b'\\' => i += 1,
            b'\'' => match rest[i + 1..].iter().position(|&b| b == b'\'') {
                Some(n) => i += n + 1,
                None => return false,
            },
            b'"' => {
                let mut j = i + 1;
                while let Some(&d) = rest.get(j) {
                    match d {
                        b'\\' => j += 1,
                        b'"' => break,
                        _ => {}
                    }
                    j += 1;
                }
                i = j;
            }
            b'{' => depth += 1,
            b'}' if depth == 0 => return expands,
            b'}' => depth -= 1,
            b',' if depth == 0 => expands = true,
            b'.' if depth == 0 && rest.get(i + 1) == Some(&b'.') => expands = true,
            _ => {}
        }
        i += 1;
    }
    false
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

fn command(text: &str, left_out: &mut Vec<String>) -> Result<Node, ImportError> {
    let (vars, blanked) = shell_assignments(text);
    let text = blanked.as_str();
    if let Some(e) = not_a_command(text) {
        return Err(e);
    }
    let words = words_with(text, &vars).map_err(|e| {
        powershell_continuation(text)
            .or_else(|| cmd_continuation(text))
            .unwrap_or(e)
    })?;
    let err = |at: usize, message: String| error(text, at, &message);
    let Some(first) = words.first() else {
        return Err(err(text.len(), format!("nothing to import: {EXPECTED}")));
    };
    if !is_aws(&first.text) {
        return Err(error(text, first.span.start, EXPECTED));
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
                let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
                left_out.push(format!("--{name} {}", &value.text[from..]));
            } else if inline.is_some() {
                return Err(err(word.span.start, format!("--{name} takes no value")));
            } else {
                left_out.push(format!("--{name}"));
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
                return Err(error(
                    text,
                    word.span.start,
                    "--cli-input-json is given twice",
                ));
            }
            let (value, from) = take_value(text, &words, &mut i, word, inline, name)?;
            let node = json_word(text, value, from, "--cli-input-json")?;
            if node.as_object().is_none() {
                return Err(error(
                    text,
                    node.span.start,
                    "--cli-input-json must be a JSON object",
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
                let option = format!("--{name}");
                if looks_like_json(&value.text[from..]) {
                    json_word(text, value, from, &option)?
                } else {
                    check_paramfile(text, value, from, &option)?;
                    shorthand_value(text, value, from, &option, def.shape)?
                }
            }
            Kind::List { member, .. } => {
                list_value(text, &words, &mut i, word, inline, name, member)?
            }
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
        return Err(error(
            text,
            text.trim_end().len(),
            "expected 'aws sagemaker create-auto-ml-job'",
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

const EXPECTED: &str =
    "expected a JSON body, an aws sagemaker create-auto-ml-job command or a boto3 create_auto_ml_job(…) call";

/// When the first line that is not blank or a comment does not start with the aws program, what
/// the text looks like instead (YAML, a PowerShell session, a boto3 program, anything else),
/// before the shell words are read: prose is not told about quoting.
fn not_a_command(text: &str) -> Option<ImportError> {
    let (at, line) = lines_at(text)
        .find(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))?;
    let indent = line.len() - line.trim_start().len();
    let first = line.split_whitespace().next()?;
    if is_aws(first.trim_matches(['\'', '"'])) {
        return None;
    }
    let at = at + indent;
    let line = line.trim();
    let key = line.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let yaml = line == "---"
        || (key.len() < line.len()
            && key
                .strip_prefix(':')
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t'])));
    let message = if yaml {
        "this looks like YAML; paste the JSON body".to_string()
    } else if first == "PS" && line.contains("> ") {
        POWERSHELL.to_string()
    } else if first == "import" || first == "from" {
        format!("{EXPECTED}: this Python has no boto3 create_auto_ml_job(…) call")
    } else {
        EXPECTED.to_string()
    };
    Some(error(text, at, &message))
}

const POWERSHELL: &str =
    "this looks like a PowerShell command: paste a bash command or the JSON body";

/// A backtick that ends a line continues a PowerShell command: the error for a command that
/// has one, at the first.
fn powershell_continuation(text: &str) -> Option<ImportError> {
    lines_at(text).find_map(|(at, line)| {
        let content = line.trim_end();
        let before = content.strip_suffix('`')?;
        (before.is_empty() || before.ends_with([' ', '\t']))
            .then(|| error(text, at + before.len(), POWERSHELL))
    })
}

/// A `^` that ends a line continues a cmd.exe command: the error for a command that has one,
/// at the first.
fn cmd_continuation(text: &str) -> Option<ImportError> {
    lines_at(text).find_map(|(at, line)| {
        let content = line.trim_end();
        let before = content.strip_suffix('^')?;
        (before.is_empty() || before.ends_with([' ', '\t'])).then(|| {
            error(
                text,
                at + before.len(),
                "this looks like a cmd.exe command (a ^ ends its line): paste a bash command, the JSON body, or the cmd.exe script the Export panel writes",
            )
        })
    })
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
            &format!("--{name} needs a value"),
        )),
    }
}

/// A list option's value: one JSON array, or one item per word (AWS CLI v1 list parameters
/// take one or more words), each JSON or, when the first word does not start with `{` or `[`,
/// each shorthand. `--name=value` takes that one word only, as argparse does.
fn list_value(
    text: &str,
    words: &[Word],
    i: &mut usize,
    word: &Word,
    inline: Option<usize>,
    name: &str,
    member: &Shape,
) -> Result<Node, ImportError> {
    let option = format!("--{name}");
    let mut parts: Vec<(&Word, usize)> = Vec::new();
    if let Some(from) = inline {
        parts.push((word, from));
    }
    while let Some(next) = words.get(*i).filter(|_| inline.is_none()) {
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
            &format!("{option} needs a value"),
        ));
    };
    if parts.len() == 1 && first.text[from..].trim_start().starts_with('[') {
        return json_word(text, first, from, &option);
    }
    let shorthand =
        matches!(member.kind, Kind::Structure { .. }) && !looks_like_json(&first.text[from..]);
    if shorthand && parts.len() == 1 {
        check_paramfile(text, first, from, &option)?;
    }
    let items = parts
        .iter()
        .map(|&(w, from)| {
            if shorthand {
                shorthand_value(text, w, from, &option, member)
            } else {
                json_word(text, w, from, &option)
            }
        })
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
            &format!(
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
            &format!("{option} takes JSON here: write it as a JSON value"),
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
            &format!("{option}: {}", e.message),
        )),
    }
}

// ---- the AWS CLI shorthand syntax ----------------------------------------------------------
//
// A port of AWS CLI v1's `awscli/shorthand.py` (`ShorthandParser`, then `BackCompatVisitor`
// with the option's model) as `awscli/argprocess.py` (`ParamShorthandParser`) applies it: a
// structure option, or each word of a list-of-structures option, whose value does not start
// with `{` or `[` once stripped. The parser indexes code points, as Python does, so its
// character classes, backtracking and quirks are kept.

/// Python's `str.isspace()`, which `str.strip()` and the regular expression `\s` use.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `string.whitespace`, which the shorthand parser skips between tokens.
fn ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

/// Whether an option's value is read as JSON rather than shorthand: it starts with `{` or `[`
/// after Python's `strip()` (`ParamShorthandParser._should_parse_as_shorthand`).
fn looks_like_json(value: &str) -> bool {
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
fn shorthand_value(
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
        Kind::String { .. } => return Ok(()),
        Kind::Integer { .. } => ("a whole number as Python's int() reads one", "10"),
        Kind::Float { .. } => ("a number as Python's float() reads one", "0.2"),
        Kind::Boolean => ("true or false", "true"),
    };
    let converted = match (&shape.kind, &node.value) {
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
fn py_int(s: &str) -> Option<String> {
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
fn py_float(s: &str) -> Option<Value> {
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
    let value = crate::float::parse_f64(&format!("{sign}0.{digits}e{point}"))?;
    Some(Value::Number(repr_f64(value)))
}

/// Python's `repr()` of a finite float: its shortest digits, positional from 1e-4 up to 1e16
/// (with `.0` when whole), else with an exponent.
fn repr_f64(value: f64) -> String {
    let sign = if value.is_sign_negative() { "-" } else { "" };
    // The shortest digits that read back as the value, in plain decimal notation.
    let plain = crate::display_f64(value.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let all = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let shortest = all[lead..].trim_end_matches('0');
    if shortest.is_empty() {
        return format!("{sign}0.0");
    }
    float_text(sign, shortest, int.len() as i64 - lead as i64)
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
