//! The Windows scripts the export writes (PowerShell and cmd): their request body read back,
//! and the line continuations of the other shell refused with the right advice.

use super::{error, lines_at, note_lone_surrogates, remap, ImportError, CMD_ECHO};
use crate::diag::Diagnostic;
use crate::json;
use crate::json::Node;

/// The body of a PowerShell single-quoted here-string: `(offset, text)`.
pub(super) fn powershell_body(text: &str) -> Option<(usize, &str)> {
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
pub(super) fn cmd_body(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Result<Node, ImportError> {
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
    let node = json::parse_noting(&body);
    let at = |i: usize| map.get(i).copied().unwrap_or(text.len());
    match node {
        Ok((mut node, lone)) => {
            remap(&mut node, &at, &|i| at(i.saturating_sub(1)) + 1);
            note_lone_surrogates(lone.into_iter().map(at), diagnostics);
            Ok(node)
        }
        Err(e) => Err(error(text, at(e.offset), &e.message)),
    }
}

pub(super) const POWERSHELL: &str =
    "this looks like a PowerShell command: paste a bash command or the JSON body";

/// A backtick that ends a line continues a PowerShell command: the error for a command that
/// has one, at the first.
pub(super) fn powershell_continuation(text: &str) -> Option<ImportError> {
    lines_at(text).find_map(|(at, line)| {
        let content = line.trim_end();
        let before = content.strip_suffix('`')?;
        (before.is_empty() || before.ends_with([' ', '\t']))
            .then(|| error(text, at + before.len(), POWERSHELL))
    })
}

/// A `^` that ends a line continues a cmd.exe command: the error for a command that has one,
/// at the first.
pub(super) fn cmd_continuation(text: &str) -> Option<ImportError> {
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
