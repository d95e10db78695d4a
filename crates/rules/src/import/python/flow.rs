//! The program's control flow, as far as the import needs it to read values as Python runs
//! them: the blocks of compound statements (`if`/`elif`/`else`, loops, `try`, `with`, `def`,
//! `class`) by their indentation (The Python Language Reference 2.1.8 "Indentation", 8
//! "Compound statements"), each function's parameters and the first call of it, and the
//! IPython magics and shell escapes of a cell, which are not Python and are blanked out.
//! Hand-written: no crate reads Python's statements for a WebAssembly page of this size.

use super::tokens::{Kind, Tokens};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BlockKind {
    If,
    Elif,
    /// `else` of an `if` chain.
    Else,
    /// `for`, `while`, `async for`, and the `else` of a loop.
    Loop,
    /// `except` (and `except*`).
    Except,
    /// `def`, `async def`, `class`, `lambda`: their bodies run when called, with names of
    /// their own.
    Def,
    /// `try`, `finally`, `with`, a `try`'s `else`, `match`: their bodies run.
    Runs,
}

#[derive(Clone, Debug)]
pub(super) struct Block {
    pub(super) kind: BlockKind,
    /// The keyword's token.
    pub(super) header: usize,
    /// The header's closing `:`.
    pub(super) colon: usize,
    /// The first token after the body.
    pub(super) body_end: usize,
    /// For `elif` and `else`: the branch before it in the same chain.
    pub(super) prev: Option<usize>,
    /// For a `def`: its name's token.
    pub(super) name: Option<usize>,
    /// For a `def`: each parameter (name, token of its default value).
    pub(super) params: Vec<(String, Option<usize>)>,
}

impl Block {
    /// Whether token `i` is in the body.
    pub(super) fn holds(&self, i: usize) -> bool {
        i > self.colon && i < self.body_end
    }
}

/// The compound statements of `t` (which this marks: a body on its header's line starts a
/// statement).
pub(super) fn blocks(t: &mut Tokens) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Open blocks: (block, indentation of its header).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < t.list.len() && t.kind(i) != Kind::End {
        if !t.list[i].statement {
            i += 1;
            continue;
        }
        let indent = indentation(t, i);
        let same_line = i > 0 && !t.text[t.list[i - 1].end..t.at(i)].contains('\n');
        // A body on its header's line belongs to that header (see below); any other
        // statement closes the blocks whose header is indented as much or more.
        let mut last_closed: Option<usize> = None;
        if !same_line {
            while let Some(&(b, at)) = open.last() {
                if at < indent {
                    break;
                }
                open.pop();
                blocks[b].body_end = i;
                if at == indent {
                    last_closed = Some(b);
                }
            }
        }
        let word = if t.kind(i) == Kind::Name {
            t.text_of(i)
        } else {
            ""
        };
        let (keyword, kind) = match word {
            "if" => (i, BlockKind::If),
            "elif" => (i, BlockKind::Elif),
            "else" => (i, BlockKind::Else),
            "for" | "while" => (i, BlockKind::Loop),
            "except" => (i, BlockKind::Except),
            "def" | "class" => (i, BlockKind::Def),
            "try" | "finally" | "with" | "match" | "case" => (i, BlockKind::Runs),
            "async" if t.kind(i + 1) == Kind::Name => match t.text_of(i + 1) {
                "def" => (i + 1, BlockKind::Def),
                "for" => (i + 1, BlockKind::Loop),
                _ => (i + 1, BlockKind::Runs),
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(colon) = header_colon(t, keyword) else {
            i += 1;
            continue;
        };
        let mut kind = kind;
        let prev = match kind {
            BlockKind::Elif | BlockKind::Else | BlockKind::Except => last_closed,
            BlockKind::Runs if word == "finally" => last_closed,
            _ => None,
        };
        if kind == BlockKind::Else {
            // `else` after a loop runs when the loop ends, after `try` or `except` when no
            // exception was raised.
            match prev.map(|p| (blocks[p].kind, t.text_of(blocks[p].header))) {
                Some((BlockKind::If | BlockKind::Elif | BlockKind::Else, _)) | None => {}
                Some((BlockKind::Loop, _)) => kind = BlockKind::Loop,
                Some(_) => kind = BlockKind::Runs,
            }
        }
        let (name, params) = if kind == BlockKind::Def && t.text_of(keyword) == "def" {
            (Some(keyword + 1), parameters(t, keyword + 2, colon))
        } else {
            (None, Vec::new())
        };
        blocks.push(Block {
            kind,
            header: keyword,
            colon,
            body_end: t.list.len() - 1,
            prev,
            name,
            params,
        });
        open.push((blocks.len() - 1, indent));
        if colon + 1 < t.list.len() && t.kind(colon + 1) != Kind::End {
            let next = t.at(colon + 1);
            if !t.text[t.list[colon].end..next].contains('\n') {
                t.list[colon + 1].statement = true;
            }
        }
        i = colon + 1;
    }
    blocks
}

/// The column of the token at `i` on its line.
fn indentation(t: &Tokens, i: usize) -> usize {
    let at = t.at(i);
    at - t.text[..at].rfind('\n').map_or(0, |n| n + 1)
}

/// The `:` that ends the header starting at the keyword `i`, outside brackets and before the
/// next statement.
fn header_colon(t: &Tokens, keyword: usize) -> Option<usize> {
    let mut j = keyword + 1;
    loop {
        if t.kind(j) == Kind::End || t.list[j].statement {
            return None;
        }
        if t.is_op(j, ":") {
            return Some(j);
        }
        if t.text_of(j) == "lambda" && t.kind(j) == Kind::Name {
            // A lambda's own `:`.
            while t.kind(j) != Kind::End && !t.is_op(j, ":") {
                j += 1;
            }
            j += 1;
            continue;
        }
        j = if t.kind(j) == Kind::Op && matches!(t.text_of(j), "(" | "[" | "{") {
            t.after_brackets(j)
        } else {
            j + 1
        };
    }
}

/// The parameters of a `def` whose `(` is at `open`: names and the tokens of their defaults.
fn parameters(t: &Tokens, open: usize, colon: usize) -> Vec<(String, Option<usize>)> {
    let mut out = Vec::new();
    if !t.is_op(open, "(") {
        return out;
    }
    let close = t.after_brackets(open).saturating_sub(1).min(colon);
    let mut j = open + 1;
    while j < close {
        let start = j;
        j = t.argument_end(j).min(close);
        let mut k = start;
        while t.is_op(k, "*") || t.is_op(k, "**") {
            k += 1;
        }
        if t.kind(k) == Kind::Name && k == start {
            let mut d = k + 1;
            while d < j && !t.is_op(d, "=") {
                d += 1;
            }
            out.push((t.text_of(k).to_string(), (d < j).then_some(d + 1)));
        }
        // Past the comma; a bracket the argument cannot close is passed over.
        if t.is_op(j, ",") || j == start {
            j += 1;
        }
    }
    out
}

/// The calls of `name` (not its `def`): the token of each call's name. `dotted`: also
/// method calls (`client.name(…)`), else only calls of a function by its name.
pub(super) fn calls(t: &Tokens, name: &str, dotted: bool) -> Vec<usize> {
    (0..t.list.len())
        .filter(|&k| {
            t.kind(k) == Kind::Name
                && t.text_of(k) == name
                && t.is_op(k + 1, "(")
                && !(k > 0 && ((!dotted && t.is_op(k - 1, ".")) || t.text_of(k - 1) == "def"))
        })
        .collect()
}

/// The token of the argument a call (whose `(` is at `open`) gives the parameter at
/// `position` called `name`: by keyword, else by position.
pub(super) fn argument(t: &Tokens, open: usize, position: usize, name: &str) -> Option<usize> {
    let close = t.after_brackets(open).saturating_sub(1);
    let mut j = open + 1;
    let mut index = 0;
    let mut positional = None;
    while j < close {
        let start = j;
        j = t.argument_end(j).min(close);
        if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
            if t.text_of(start) == name {
                return Some(start + 2);
            }
        } else if t.is_op(start, "*") || t.is_op(start, "**") {
            // Unpacked: the positions after it are not known.
            index = usize::MAX / 2;
        } else {
            if index == position {
                positional = Some(start);
            }
            index += 1;
        }
        // Past the comma; a bracket the argument cannot close is passed over.
        if t.is_op(j, ",") || j == start {
            j += 1;
        }
    }
    positional
}

/// IPython's cell magics whose body is Python (`%%time` times it, `%%capture` keeps its
/// output); any other cell magic (`%%bash`, `%%writefile`, …) makes the cell not Python.
const PYTHON_CELL_MAGICS: [&str; 5] = ["time", "timeit", "capture", "prun", "debug"];

/// `code` (a cell, or a whole program) with IPython's magics and shell escapes blanked out:
/// a line that starts with `%name`, `%%name` or `!` (line magics and shell escapes,
/// anywhere), its `\` continuation lines, and a cell magic's whole cell when its body is not
/// Python; also `name?` and `name??` (help). A `%` followed by a space is Python's operator
/// on a continued line and is kept. Offsets stay as they were.
pub(super) fn blank_magics(code: &str) -> String {
    let mut ranges = Vec::new();
    let mut continued = false;
    let mut first = true;
    for (at, line) in crate::import::lines_at(code) {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        let rest = &body[indent..];
        if first && !rest.is_empty() {
            first = false;
            if let Some(magic) = rest.strip_prefix("%%") {
                let name: String = magic
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !PYTHON_CELL_MAGICS.contains(&name.as_str()) {
                    ranges.push((0, code.len()));
                    break;
                }
            }
        }
        let magic = rest.starts_with("%%")
            || (rest.starts_with('%') && rest[1..].starts_with(|c: char| c.is_alphabetic()))
            || (rest.starts_with('!') && !rest.starts_with("!="))
            || is_help(rest);
        if continued || magic {
            ranges.push((at + indent, at + body.len()));
            continued = body.ends_with('\\');
        } else {
            continued = false;
        }
    }
    blank_chars(code, &ranges)
}

/// Whether `line` asks IPython for help: a name or attribute chain followed by `?` or `??`.
fn is_help(line: &str) -> bool {
    let name = line.trim_end().trim_end_matches('?');
    name.len() < line.trim_end().len()
        && line.trim_end().len() - name.len() <= 2
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c == '_' || c == '.' || c.is_alphanumeric())
}

/// Overwrites each of `ranges` of `text` with spaces, a character of several bytes with as
/// many spaces (so offsets stay the same).
fn blank_chars(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for &(from, to) in ranges {
        if from < last || to > text.len() {
            continue;
        }
        out.push_str(&text[last..from]);
        for c in text[from..to].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        last = to;
    }
    out.push_str(&text[last..]);
    out
}
