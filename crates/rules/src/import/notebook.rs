//! Jupyter notebooks: the code cells of an `.ipynb` file, each read as a boto3 program, and
//! the way back from a place in a cell's code to the character of the notebook's JSON that
//! holds it (so findings point into the file as pasted).

use crate::json::{Node, Span, Value};

/// A code cell of a notebook.
pub(super) struct Cell {
    /// The cell's code (its `source` lines joined).
    pub(super) code: String,
    /// How a person finds the cell: `In [7]` (Jupyter's own number, when it ran), else
    /// `the cell starting "import boto3"` (its first line that is not blank).
    pub(super) label: String,
    /// Each string of its `source` in the notebook's text: the span of the JSON string and
    /// the offset in `code` where its text starts.
    pieces: Vec<(Span, usize)>,
}

/// The code cells of a Jupyter notebook (nbformat 4: `cells`, each with a `cell_type` and a
/// `source` that is a string or a list of lines); `None` for JSON that is not a notebook.
pub(super) fn notebook_cells(node: &Node) -> Option<Vec<Cell>> {
    node.get("nbformat")?;
    let cells = node.get("cells")?.as_array()?;
    Some(
        cells
            .iter()
            .filter(|cell| cell.get("cell_type").and_then(Node::as_str) == Some("code"))
            .filter_map(|cell| {
                let source = cell.get("source")?;
                let mut code = String::new();
                let mut pieces = Vec::new();
                match &source.value {
                    Value::String(text) => {
                        pieces.push((source.span, 0));
                        code.push_str(text);
                    }
                    Value::Array(lines) => {
                        for line in lines {
                            if let Some(text) = line.as_str() {
                                pieces.push((line.span, code.len()));
                                code.push_str(text);
                            }
                        }
                    }
                    _ => return None,
                }
                let label = match cell.get("execution_count").map(|n| &n.value) {
                    Some(Value::Number(n)) => format!("In [{n}]"),
                    _ => {
                        let first = code.lines().map(str::trim).find(|l| !l.is_empty());
                        let first = first.unwrap_or("");
                        let quoted: String = first.chars().take(40).collect();
                        let more = if first.chars().count() > 40 {
                            "…"
                        } else {
                            ""
                        };
                        format!("the cell starting \"{quoted}{more}\"")
                    }
                };
                Some(Cell {
                    code,
                    label,
                    pieces,
                })
            })
            .collect(),
    )
}

impl Cell {
    /// The offset in the notebook's `text` of the character at `offset` of the cell's code.
    pub(super) fn offset_in(&self, text: &str, offset: usize) -> usize {
        let Some(&(span, start)) = self.pieces.iter().rev().find(|(_, s)| *s <= offset) else {
            return 0;
        };
        json_string_offset(text, span, offset - start)
    }
}

/// The offset in `text` of the byte `decoded` of the value of the JSON string at `span`
/// (escapes counted as the characters they stand for); the string's end when it is shorter.
fn json_string_offset(text: &str, span: Span, decoded: usize) -> usize {
    let b = text.as_bytes();
    let end = span.end.min(b.len());
    let mut at = span.start + 1;
    let mut count = 0;
    while at < end.saturating_sub(1) && count < decoded {
        if b[at] == b'\\' {
            let (len, bytes) = match b.get(at + 1) {
                Some(b'u') => {
                    let unit = text
                        .get(at + 2..at + 6)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .unwrap_or(0);
                    let pair = (0xD800..0xDC00).contains(&unit)
                        && text.get(at + 6..at + 8) == Some("\\u")
                        && text
                            .get(at + 8..at + 12)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .is_some_and(|low| (0xDC00..0xE000).contains(&low));
                    if pair {
                        (12, 4)
                    } else {
                        let c = char::from_u32(unit).unwrap_or('\u{fffd}');
                        (6, c.len_utf8())
                    }
                }
                _ => (2, 1),
            };
            at += len;
            count += bytes;
        } else {
            let c = text[at..].chars().next().map_or(1, char::len_utf8);
            at += c;
            count += c;
        }
    }
    at.min(end)
}
