//! Jupyter notebooks: the code cells of an `.ipynb` file, each read as a boto3 program.

use crate::json::{Node, Span, Value};

/// The code cells of a Jupyter notebook (nbformat 4: `cells`, each with a `cell_type` and a
/// `source` that is a string or a list of lines), with the span of each `source` in the file;
/// `None` for JSON that is not a notebook.
pub(super) fn notebook_cells(node: &Node) -> Option<Vec<(Span, String)>> {
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
