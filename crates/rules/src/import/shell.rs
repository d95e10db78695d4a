//! A POSIX shell lexer for pasted commands: words with their quoting removed and their
//! place in the text, variables set on the lines before the command expanded, and what a
//! shell would do differently (globs, command substitution) refused.

use super::{blank, error, lines_at, ImportError};
use crate::json::Span;

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
pub(super) fn words_with(text: &str, vars: &[(String, String)]) -> Result<Vec<Word>, ImportError> {
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
pub(super) fn shell_assignments(text: &str) -> (Vec<(String, String)>, String) {
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
