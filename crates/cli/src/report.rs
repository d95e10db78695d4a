//! How `automl-job check` shows its findings: like a compiler (`--format human`) or one JSON
//! object per input per line (`--format json`).

use std::fmt::Write as _;

use automl_rules::check::locate;
use automl_rules::diag::{self, Diagnostic};
use automl_rules::json::{write_string, LineIndex, Span};

use crate::Checked;

/// Where a finding is in the input: 1-based line and column, when it can be found.
fn position(
    checked: &Checked,
    index: Option<&LineIndex>,
    d: &Diagnostic,
) -> Option<(Span, usize, usize)> {
    let index = index?;
    let span = d.span.or_else(|| {
        checked
            .request
            .as_ref()
            .and_then(|request| locate(request, &d.path))
    })?;
    let (line, column) = index.line_col(span.start);
    Some((span, line, column))
}

/// Compiler-style text: one block per finding, then a summary line per input.
pub fn human(checked: &Checked) -> String {
    let mut out = String::new();
    let index = checked.text.as_deref().map(LineIndex::new);
    for d in &checked.diagnostics {
        let _ = writeln!(out, "{}[{}]: {}", d.severity, d.code, d.message);
        match position(checked, index.as_ref(), d) {
            Some((span, line, column)) => {
                let _ = writeln!(out, "  --> {}:{line}:{column}", checked.name);
                if let (Some(text), Some(index)) = (checked.text.as_deref(), index.as_ref()) {
                    excerpt(&mut out, index, text, span, line, column);
                }
            }
            None => {
                let _ = writeln!(out, "  --> {}", checked.name);
            }
        }
        if !d.path.is_empty() {
            let _ = writeln!(out, "   = path: {}", d.path);
        }
        if let Some(cli) = &d.cli_message {
            let _ = writeln!(out, "   = aws cli: {cli}");
        }
        if let Some(service) = &d.service_message {
            if d.cli_message.as_deref() != Some(service.as_str()) {
                let _ = writeln!(out, "   = service: {service}");
            }
        }
        out.push('\n');
    }
    if let Some((op, forced)) = checked.api {
        let why = if forced {
            "chosen by --api"
        } else {
            "told from its members; --api v1|v2 chooses"
        };
        let _ = writeln!(out, "note: checked as {} ({why})", op.name);
    }
    let (errors, warnings) = diag::counts(&checked.diagnostics);
    let verdict = if checked.unreadable {
        "cannot be checked"
    } else if errors > 0 {
        "would be rejected"
    } else {
        "is valid"
    };
    let _ = writeln!(
        out,
        "{}: {verdict} ({errors} error{}, {warnings} warning{})",
        checked.name,
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    out
}

/// The offending line with carets under the value (lines are cut at 200 characters; a value
/// further right gets no excerpt).
fn excerpt(
    out: &mut String,
    index: &LineIndex,
    text: &str,
    span: Span,
    line: usize,
    column: usize,
) {
    const WIDTH: usize = 200;
    let Some(source_line) = index.line(line) else {
        return;
    };
    if column > WIDTH {
        return;
    }
    let shown: String = source_line
        .chars()
        .take(WIDTH)
        .map(|c| if c == '\r' { ' ' } else { c })
        .collect();
    let start = column - 1;
    let span_chars = text
        .get(span.start..span.end.min(span.start + 4 * WIDTH))
        .map_or(1, |s| s.chars().take_while(|c| *c != '\n').count())
        .max(1);
    let carets = span_chars.min(shown.chars().count().saturating_sub(start).max(1));
    let pad: String = shown
        .chars()
        .take(start)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let width = line.to_string().len();
    let _ = writeln!(out, "{:width$} |", "");
    let _ = writeln!(out, "{line} | {shown}");
    let _ = writeln!(out, "{:width$} | {pad}{}", "", "^".repeat(carets));
}

/// `{"file": …, "valid": …, "diagnostics": [{…}], "service_response": …}` on one line.
pub fn json_line(checked: &Checked) -> String {
    let mut out = String::from("{\"file\":");
    write_string(&mut out, &checked.name);
    let _ = write!(out, ",\"valid\":{}", checked.is_valid());
    // The operation it was checked as (null when it could not be read).
    out.push_str(",\"api\":");
    optional(&mut out, checked.api.map(|(op, _)| op.name));
    out.push_str(",\"diagnostics\":");
    diagnostics(&mut out, checked);
    out.push_str(",\"service_response\":");
    optional(
        &mut out,
        diag::service_response(&checked.diagnostics).as_deref(),
    );
    out.push_str(",\"cli_response\":");
    optional(
        &mut out,
        diag::cli_response(&checked.diagnostics).as_deref(),
    );
    out.push('}');
    out
}

/// What `automl-job import --format json` prints: `{"request": {…}, "api": "…", "left_out":
/// […], "diagnostics": [{…}]}` on one line, each finding placed in the imported text; `api`
/// is the operation the text was read as (`CreateAutoMLJobV2`).
pub fn import_json(checked: &Checked, left_out: &[String]) -> String {
    let mut out = String::from("{\"request\":");
    match &checked.request {
        Some(request) => out.push_str(&automl_rules::json::to_compact(request)),
        None => out.push_str("null"),
    }
    out.push_str(",\"api\":");
    optional(&mut out, checked.api.map(|(op, _)| op.name));
    out.push_str(",\"left_out\":[");
    for (i, item) in left_out.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(&mut out, item);
    }
    out.push_str("],\"diagnostics\":");
    diagnostics(&mut out, checked);
    out.push('}');
    out
}

/// The findings as a JSON array, each with its line and column in the input when known.
fn diagnostics(out: &mut String, checked: &Checked) {
    out.push('[');
    let index = checked.text.as_deref().map(LineIndex::new);
    for (i, d) in checked.diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"severity\":");
        write_string(out, d.severity.as_str());
        out.push_str(",\"code\":");
        write_string(out, d.code);
        out.push_str(",\"path\":");
        write_string(out, &d.path);
        out.push_str(",\"message\":");
        write_string(out, &d.message);
        out.push_str(",\"service_message\":");
        optional(out, d.service_message.as_deref());
        out.push_str(",\"cli_message\":");
        optional(out, d.cli_message.as_deref());
        // The other members a documented rule's finding is about, when it has any.
        if !d.related.is_empty() {
            out.push_str(",\"related\":[");
            for (j, p) in d.related.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                write_string(out, p);
            }
            out.push(']');
        }
        // A `more` finding stands for this many findings of one kind not listed.
        if d.code == diag::MORE {
            let _ = write!(out, ",\"omitted\":{}", diag::stands_for(d));
        }
        if let Some((_, line, column)) = position(checked, index.as_ref(), d) {
            let _ = write!(out, ",\"line\":{line},\"column\":{column}");
        }
        out.push('}');
    }
    out.push(']');
}

fn optional(out: &mut String, value: Option<&str>) {
    match value {
        Some(s) => write_string(out, s),
        None => out.push_str("null"),
    }
}
