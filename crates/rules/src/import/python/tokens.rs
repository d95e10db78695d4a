//! Python's tokens, as far as the reader needs them: names, numbers, strings (with their
//! prefixes), operators and brackets, each with its place in the text.

use crate::import::{error, ImportError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Name,
    Number,
    Str,
    Op,
    /// The end of the text, or where the text stops being Python (see [`Tokens::stop`]).
    End,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The first token of a statement (after a line break outside brackets, or a `;`).
    pub(super) statement: bool,
}

/// The tokens of a Python text, up to the first place it cannot be read as Python (kept as
/// the reason, reported only when a value needs a token past it).
pub(super) struct Tokens<'a> {
    pub(super) text: &'a str,
    /// Where each notebook cell starts in `text`, when it is a notebook's cells joined, and
    /// how a person finds it (`In [7]`, or `the cell starting "import boto3"`).
    pub(super) cells: Vec<(usize, String)>,
    pub(super) list: Vec<Token>,
    pub(super) stop: Option<ImportError>,
}

/// Operators of more than one character, longest first.
const OPERATORS: [&str; 24] = [
    "**=", "//=", ">>=", "<<=", "...", "**", "//", "==", "!=", "<=", ">=", "->", ":=", "+=", "-=",
    "*=", "/=", "%=", "&=", "|=", "^=", "@=", ">>", "<<",
];

pub(super) fn name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub(super) fn name_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

impl<'a> Tokens<'a> {
    pub(super) fn read(text: &'a str) -> Tokens<'a> {
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

    /// Where byte `offset` is, for a message: "on line 3", or in a notebook "in In [7],
    /// line 3" (Jupyter's own numbering) or "in the cell starting \"import boto3\", line 3".
    pub(super) fn place(&self, offset: usize) -> String {
        match self.cells.iter().rposition(|(s, _)| *s <= offset) {
            Some(cell) => {
                let (start, label) = &self.cells[cell];
                let (line, _) = crate::json::line_col(&self.text[*start..], offset - start);
                format!("in {label}, line {line}")
            }
            None => format!("on line {}", crate::json::line_col(self.text, offset).0),
        }
    }

    pub(super) fn text_of(&self, i: usize) -> &'a str {
        let t = self.list[i.min(self.list.len() - 1)];
        &self.text[t.start..t.end]
    }

    pub(super) fn kind(&self, i: usize) -> Kind {
        self.list[i.min(self.list.len() - 1)].kind
    }

    pub(super) fn is_op(&self, i: usize, op: &str) -> bool {
        self.kind(i) == Kind::Op && self.text_of(i) == op
    }

    pub(super) fn at(&self, i: usize) -> usize {
        self.list[i.min(self.list.len() - 1)].start
    }

    /// The token that ends a call's argument (or the part of one) starting at token `i`: its
    /// `,`, or the call's `)`, or the end; brackets within are skipped whole.
    pub(super) fn argument_end(&self, mut i: usize) -> usize {
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
    pub(super) fn after_brackets(&self, open: usize) -> usize {
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
