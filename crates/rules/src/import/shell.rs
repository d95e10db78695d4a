//! A POSIX shell lexer for pasted commands: words with their quoting removed and their
//! place in the text, variables set on the lines before the command expanded, and what a
//! shell would do differently (globs, brace expansion) refused.
//!
//! What only the running shell knows — the output of `$(…)` or `` `…` ``, a variable the text
//! never sets — is a hole ([`Hole`]): the word holds a stand-in for it, [`HOLE`] and one
//! character naming the hole, which the JSON and shorthand readers take as any other
//! character of a string; once the request is read, [`fill_holes`] writes each as its
//! [`hole_marker`] and names it in a `runtime-value` finding at the member it feeds.

use super::{blank, error, hole, hole_marker, lines_at, ImportError};
use crate::diag::Diagnostic;
use crate::json::{escape_pointer_token, line_col, Node, Span, Value};

/// The first character of a hole's stand-in in a word: a Unicode noncharacter, which no
/// request has (a text that holds one gets no holes: see `Lexer::register`). The AWS CLI's
/// shorthand reads characters up to U+FFFF only, so the stand-in stays within them.
pub(super) const HOLE: char = '\u{FDD0}';
/// The second character of a stand-in is this plus the hole's index (the private use area).
const HOLE_INDEX: u32 = 0xE000;
/// Holes one import may have (the private use area's size).
const MAX_HOLES: usize = 0x1900;

/// A value only the running shell knows.
#[derive(Clone, Debug)]
pub(super) struct Hole {
    /// As written: `$(date +%s)`, `` `date` ``, `$BUCKET`, `${BUCKET:-x}`.
    pub(super) expression: String,
    /// Where it is written.
    pub(super) at: Span,
    /// The output of a command (`$(…)`, backticks) rather than a variable never set.
    pub(super) command: bool,
    /// The variables it reaches the command through (innermost first), each with the offset
    /// of its assignment, and where the outermost is used.
    pub(super) via: Vec<(String, usize)>,
    pub(super) used: Option<Span>,
    /// An environment prefix on the command's line that sets the variable only for the aws
    /// command (`BUCKET=x aws …`): where it is.
    pub(super) prefix: Option<usize>,
}

/// A shell variable set before the command: its name, its value (which may hold holes'
/// stand-ins) and the offset of its assignment.
pub(super) struct Var {
    pub(super) name: String,
    pub(super) value: String,
    pub(super) at: usize,
}

/// One shell word after quote removal, with the source range of each of its bytes.
pub(super) struct Word {
    pub(super) text: String,
    /// `(start, end)` in the source of each byte of `text`.
    pub(super) src: Vec<(usize, usize)>,
    pub(super) span: Span,
}

impl Word {
    pub(super) fn at(&self, i: usize) -> usize {
        self.src.get(i).map_or(self.span.end, |s| s.0)
    }

    pub(super) fn end_at(&self, i: usize) -> usize {
        match i.checked_sub(1).and_then(|j| self.src.get(j)) {
            Some(s) => s.1,
            None => self.at(i),
        }
    }
}

struct Lexer<'a> {
    text: &'a str,
    /// Shell variables set before the command (see [`shell_assignments`]).
    vars: &'a [Var],
    holes: &'a mut Vec<Hole>,
    b: &'a [u8],
    i: usize,
    bytes: Vec<u8>,
    src: Vec<(usize, usize)>,
    start: Option<usize>,
    /// Whether the text holds [`HOLE`] itself, when it can have no holes.
    has_hole_char: bool,
    /// The bytes of every word so far, variables' values included, held to [`MAX_WORDS`].
    total: usize,
}

/// The most bytes the words of one command (or one assignment) may come to once variables
/// are expanded: `B=$A$A`, `C=$B$B`, … would double a value each line.
const MAX_WORDS: usize = crate::json::MAX_INPUT_BYTES;

impl Lexer<'_> {
    fn err(&self, at: usize, message: &str) -> ImportError {
        error(self.text, at, message)
    }

    /// At a `$NAME` or `${…}`: puts the value of a variable set before the command in the word
    /// (each byte mapped to the whole reference), or a hole for one never set, and moves past
    /// it. `quoted`: inside double quotes; unquoted, a value the shell would split or glob is
    /// refused. `None` when the `$` starts no variable (`$`, `$$`, `${` never closed).
    fn variable(&mut self, quoted: bool) -> Option<Result<(), ImportError>> {
        let rest = &self.b[self.i + 1..];
        let (name, len) = match rest.first() {
            Some(b'{') => {
                let end = rest.iter().position(|&c| c == b'}')?;
                (&rest[1..end], end + 2)
            }
            Some(c) if c.is_ascii_digit() => (&rest[..1], 2),
            _ => {
                let end = rest
                    .iter()
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .unwrap_or(rest.len());
                (&rest[..end], end + 1)
            }
        };
        if name.is_empty() {
            return None;
        }
        let at = self.i;
        let Some(var) = self.vars.iter().find(|v| v.name.as_bytes() == name) else {
            // `${NAME:-default}` and the like are known only when the shell runs, too.
            return Some(self.hole(at, at + len, false));
        };
        if !quoted && var.value.bytes().any(|c| b" \t\n*?[".contains(&c)) {
            return Some(Err(self.err(
                at,
                "the shell would split this variable's value into several words (or expand its wildcards): write it in double quotes",
            )));
        }
        self.total += var.value.len();
        if self.total > MAX_WORDS {
            return Some(Err(self.err(
                at,
                &format!(
                    "the variables expand to more than {MAX_WORDS} bytes here, more than a request may hold"
                ),
            )));
        }
        self.begin();
        if !var.value.contains(HOLE) {
            let value = var.value.clone();
            self.push(value.as_bytes(), at, at + len);
            self.i = at + len;
            return Some(Ok(()));
        }
        // A hole in the value reaches the command through this variable, used here.
        let mut value = String::with_capacity(var.value.len());
        let mut chars = var.value.chars();
        while let Some(c) = chars.next() {
            match (c, hole_index(&mut chars.clone())) {
                (HOLE, Some(k)) => {
                    chars.next();
                    let Some(mut h) = self.holes.get(k).cloned() else {
                        continue;
                    };
                    h.via.push((var.name.clone(), var.at));
                    h.used = Some(Span {
                        start: at,
                        end: at + len,
                    });
                    match self.register(h) {
                        Ok(stand_in) => value.push_str(&stand_in),
                        Err(e) => return Some(Err(e)),
                    }
                }
                _ => value.push(c),
            }
        }
        self.push(value.as_bytes(), at, at + len);
        self.i = at + len;
        Some(Ok(()))
    }

    /// Registers `hole`, giving the stand-in that names it.
    fn register(&mut self, hole: Hole) -> Result<String, ImportError> {
        let k = self.holes.len();
        if k >= MAX_HOLES || self.has_hole_char {
            return Err(self.err(
                hole.at.start,
                &expansion(&self.text.as_bytes()[hole.at.start..], "here"),
            ));
        }
        self.holes.push(hole);
        let mut stand_in = String::from(HOLE);
        stand_in.extend(char::from_u32(HOLE_INDEX + k as u32));
        Ok(stand_in)
    }

    /// A hole for the expression at `from..to` (a command's output when `command`, else a
    /// variable never set): its stand-in goes in the word, and the lexer moves past it.
    fn hole(&mut self, from: usize, to: usize, command: bool) -> Result<(), ImportError> {
        let stand_in = self.register(Hole {
            expression: self.text[from..to].to_string(),
            at: Span {
                start: from,
                end: to,
            },
            command,
            via: Vec::new(),
            used: None,
            prefix: None,
        })?;
        self.begin();
        self.push(stand_in.as_bytes(), from, to);
        self.i = to;
        Ok(())
    }

    /// At `$(` or a backtick: the command substitution up to its closing `)` or backtick is
    /// a hole.
    fn command_substitution(&mut self) -> Result<(), ImportError> {
        let at = self.i;
        let end = if self.b[at] == b'`' {
            let mut j = at + 1;
            loop {
                match self.b.get(j) {
                    None => {
                        return Err(self.err(at, "this backtick is never closed: add the closing `"))
                    }
                    Some(b'\\') => j += 2,
                    Some(b'`') => break j + 1,
                    Some(_) => j += 1,
                }
            }
        } else {
            match closing_paren(self.b, at + 2) {
                Some(end) => end,
                None => return Err(self.err(at, "this $( is never closed: add the closing )")),
            }
        };
        self.hole(at, end, true)
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
                Some(b'`') => self.command_substitution()?,
                Some(b'$') if self.b.get(self.i + 1) == Some(&b'(') => {
                    self.command_substitution()?
                }
                Some(b'$') => match self.variable(true) {
                    Some(read) => read?,
                    None => {
                        return Err(self.err(
                            self.i,
                            &expansion(&self.b[self.i..], "inside double quotes"),
                        ))
                    }
                },
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
/// [`shell_assignments`]) and `holes` where what only the running shell knows goes. Comments
/// and blank lines before it are skipped; only blank lines and comments may follow it.
pub(super) fn words_with(
    text: &str,
    vars: &[Var],
    holes: &mut Vec<Hole>,
) -> Result<Vec<Word>, ImportError> {
    words_from(text, 0, vars, holes)
}

/// [`words_with`], from byte `from` of `text`.
fn words_from(
    text: &str,
    from: usize,
    vars: &[Var],
    holes: &mut Vec<Hole>,
) -> Result<Vec<Word>, ImportError> {
    let mut lx = Lexer {
        text,
        vars,
        holes,
        b: text.as_bytes(),
        i: from,
        bytes: Vec::new(),
        src: Vec::new(),
        start: None,
        has_hole_char: text.contains(HOLE),
        total: 0,
    };
    let mut words = Vec::new();
    // The line break that ends the command, if one does.
    let mut ended = None;
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
                    ended = Some(lx.i - 1);
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
            b'$' if lx.b.get(lx.i + 1) == Some(&b'(') => lx.command_substitution()?,
            b'`' => lx.command_substitution()?,
            b'$' => match lx.variable(false) {
                Some(read) => read?,
                None => return Err(lx.err(lx.i, &expansion(&lx.b[lx.i..], "here"))),
            },
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
            return Err(match ended.filter(|_| trimmed.starts_with("--")) {
                Some(ended) => continuation_missing(text, ended, at),
                None => error(
                    text,
                    at,
                    "unexpected text after the command: import one command at a time",
                ),
            });
        }
        lx.i += line.len();
    }
    Ok(words)
}

/// The error for a command whose options go on after the line break at `ended`, which ends
/// it, on the line at `next`: the line that should end in `\` and does not, and where.
fn continuation_missing(text: &str, ended: usize, next: usize) -> ImportError {
    let line_start = text[..ended].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..ended];
    let content = line.trim_end();
    let (n, _) = line_col(text, line_start);
    let (m, _) = line_col(text, next);
    let option = text[next..].split_whitespace().next().unwrap_or_default();
    let runs = format!(
        "the shell ends the aws command there and runs line {m} ({option} …) as a separate command"
    );
    if content.trim_start().is_empty() {
        return error(
            text,
            line_start,
            &format!("line {n} is blank: {runs}; remove the blank line"),
        );
    }
    if let Some(before) = content.strip_suffix('\\') {
        if !before.ends_with('\\') {
            return error(
                text,
                line_start + content.len(),
                &format!(
                    "line {n} has white space after its \\, which escapes that space instead of the line break: {runs}; remove what follows the \\"
                ),
            );
        }
    }
    error(
        text,
        line_start + content.len(),
        &format!("line {n} does not end in \\: {runs}; end line {n} with \\ to go on"),
    )
}

/// Shell variables set on the lines before the command (`BUCKET=my-bucket`,
/// `export ROLE="arn:…"`), each value one word as the shell reads it (and may use a variable
/// set before it; what only the running shell knows is a hole in `holes`), with `text` where
/// those lines are blanked out: a `$BUCKET` in the command then reads as its value.
pub(super) fn shell_assignments(text: &str, holes: &mut Vec<Hole>) -> (Vec<Var>, String) {
    let mut vars: Vec<Var> = Vec::new();
    // The bytes of every value, held to MAX_WORDS.
    let mut held = 0;
    let mut ranges = Vec::new();
    for (at, line) in lines_at(text) {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let body = content
            .strip_prefix("export ")
            .map_or(content, str::trim_start);
        let body_at = at + indent + (content.len() - body.len());
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if name_len == 0
            || body.as_bytes()[0].is_ascii_digit()
            || !body[name_len..].starts_with('=')
        {
            break;
        }
        // The value is read where it is written, so that a hole in it is placed there.
        let line_end = at + indent + content.len();
        let known = holes.len();
        let Ok(words) = words_from(&text[..line_end], body_at + name_len + 1, &vars, holes) else {
            holes.truncate(known);
            break;
        };
        let value = match words.as_slice() {
            [] => String::new(),
            [one] => one.text.clone(),
            _ => {
                holes.truncate(known);
                break;
            }
        };
        held += value.len();
        if held > MAX_WORDS {
            holes.truncate(known);
            break;
        }
        vars.push(Var {
            name: body[..name_len].to_string(),
            value,
            at: at + indent,
        });
        ranges.push((at + indent, line_end));
    }
    (vars, blank(text, &ranges))
}

/// The index of the hole whose stand-in's second character `chars` starts with.
fn hole_index(chars: &mut std::str::Chars<'_>) -> Option<usize> {
    let c = u32::from(chars.next()?);
    (HOLE_INDEX..HOLE_INDEX + MAX_HOLES as u32)
        .contains(&c)
        .then(|| (c - HOLE_INDEX) as usize)
}

/// `s` with each hole's stand-in written as its [`hole_marker`], for a message or a value.
pub(super) fn shown(s: &str, holes: &[Hole]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        let mut after = chars.clone();
        match (c, hole_index(&mut after).and_then(|k| holes.get(k))) {
            (HOLE, Some(h)) => {
                out.push_str(&hole_marker(&h.expression));
                chars = after;
            }
            _ => out.push(c),
        }
    }
    out
}

/// The holes whose stand-ins `s` holds, in order.
fn holes_in<'h>(s: &str, holes: &'h [Hole]) -> Vec<&'h Hole> {
    let mut found = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == HOLE {
            let mut after = chars.clone();
            if let Some(h) = hole_index(&mut after).and_then(|k| holes.get(k)) {
                found.push(h);
                chars = after;
            }
        }
    }
    found
}

/// Whether `s` is one hole's stand-in and nothing else.
pub(super) fn is_whole_hole(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some(HOLE) && hole_index(&mut chars).is_some() && chars.next().is_none()
}

/// Writes each hole's stand-in in `node` (at JSON Pointer `path`) as its [`hole_marker`], and
/// gives each a `runtime-value` finding at the member it feeds.
pub(super) fn fill_holes(
    text: &str,
    node: &mut Node,
    path: &str,
    holes: &[Hole],
    found: &mut Vec<Diagnostic>,
) {
    match &mut node.value {
        Value::String(s) if s.contains(HOLE) => {
            for h in holes_in(s, holes) {
                found.push(hole(
                    path.to_string(),
                    hole_message(text, h),
                    h.used.unwrap_or(h.at),
                ));
            }
            *s = shown(s, holes);
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                fill_holes(text, item, &format!("{path}/{i}"), holes, found);
            }
        }
        Value::Object(members) => {
            for m in members {
                let in_key = holes_in(&m.key, holes);
                m.key = shown(&m.key, holes);
                let path = format!("{path}/{}", escape_pointer_token(&m.key));
                for h in in_key {
                    found.push(hole(
                        path.clone(),
                        hole_message(text, h),
                        h.used.unwrap_or(h.at),
                    ));
                }
                fill_holes(text, &mut m.value, &path, holes, found);
            }
        }
        _ => {}
    }
}

/// What a hole's finding says: the expression, where it is written, the variables it comes
/// through and where it is used.
pub(super) fn hole_message(text: &str, h: &Hole) -> String {
    let place = |at: usize| {
        let (line, column) = line_col(text, at);
        format!("line {line}, column {column}")
    };
    let what = if h.command {
        "the output of a command, known only when the shell runs it".to_string()
    } else if let Some(prefix) = h.prefix {
        let name = h.expression.trim_start_matches(['$', '{']);
        let name: String = name
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        format!(
            "expanded by the shell before {name}=… ({}) takes effect, which sets it only in the aws command's environment; the pasted text sets no value before",
            place(prefix)
        )
    } else {
        "a shell variable the pasted text never sets, known only when the shell runs the command"
            .to_string()
    };
    let mut message = format!("{} ({}) is {what}", h.expression, place(h.at.start));
    if let (Some((outer, _)), Some(used)) = (h.via.last(), h.used) {
        let sets: Vec<String> = h
            .via
            .iter()
            .map(|(name, at)| format!("{name} (set at {})", place(*at)))
            .collect();
        message.push_str(&format!(
            "; it is in the value of {}, and ${outer} is used at {}",
            sets.join(", in that of "),
            place(used.start)
        ));
    }
    message.push_str(": fill in its value");
    message
}

/// What to say of the `$` or backtick that starts `rest`, which the shell would expand
/// (`where_`: "here" or "inside double quotes"), when it cannot be a hole (a text holding
/// [`HOLE`] itself, or too many holes): a variable or a command's output is only known when
/// the shell runs the command, so its value is asked for; other uses of `$` (a literal
/// dollar sign, `$$`) are to be single-quoted.
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

/// The end of the `$(…)` whose contents start at `from` (just after its closing `)`), with
/// nested parentheses, quotes and backslash escapes skipped as the shell does.
fn closing_paren(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1_usize;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 1,
            b'\'' => i += b[i + 1..].iter().position(|&d| d == b'\'')? + 1,
            b'"' => {
                i += 1;
                while *b.get(i)? != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
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
