//! Diagnostics: one flat list of every violation, each with a stable code, the JSON Pointer
//! of the member at fault, a plain-English message and the wording the service (or the AWS
//! CLI, for what it refuses before sending) would answer with.

use std::fmt;

use crate::json::Span;

/// How bad a finding is: an `Error` is something the AWS CLI or the service rejects; a
/// `Warning` is accepted but very likely not what the author meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code: `syntax`, `required`, `unknown`, `type`, `length`,
    /// `pattern`, `enum`, `count`, `range` for the model's constraints, and a named code for
    /// each documented rule (see `rules/`).
    pub code: &'static str,
    /// JSON Pointer (RFC 6901) of the offending member, or of the missing one.
    pub path: String,
    /// What is wrong and what would be accepted, in plain English.
    pub message: String,
    /// The `ValidationException` text the service would answer for this finding alone, or,
    /// where the AWS CLI refuses the request before sending it and the service never sees it
    /// (unknown members, wrong JSON types), the CLI's own wording. `None` for warnings.
    pub service_message: Option<String>,
    /// The AWS CLI's (botocore's) `ParamValidationError` line, when botocore refuses this
    /// before anything is sent.
    pub cli_message: Option<String>,
    /// Where the offending value (or, for a missing member, its parent) was read from.
    pub span: Option<Span>,
    /// The clause this finding contributes to the service's combined message
    /// (`Value 'x' at 'autoMLJobName' failed to satisfy constraint: ...`), for findings the
    /// service's model validation reports; `None` for documented rules the service checks
    /// after that, one at a time.
    pub service_clause: Option<String>,
    /// Other members a documented rule's finding is about (`/ProblemType` for a metric that
    /// does not suit it): changing any of them may resolve it, so the page shows the finding
    /// at their fields too. Empty for the model's constraints.
    pub related: Vec<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The finding, also about the members at `paths` (see [`Diagnostic::related`]).
    pub fn about(mut self, paths: &[&str]) -> Self {
        self.related = paths.iter().map(|p| p.to_string()).collect();
        self
    }
}

/// The whole error message the service would answer for a request with these findings:
/// every model-constraint violation together (`N validation errors detected: ...; ...`), or,
/// when there is none, the first documented rule that fails. `None` when the service would
/// accept the request.
pub fn service_response(diagnostics: &[Diagnostic]) -> Option<String> {
    let mut clauses: Vec<&str> = Vec::new();
    // A map, not a set: the crate's one hash table type, so the page carries one copy of its
    // code.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for clause in diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.service_clause.as_deref())
    {
        // The items of a list of strings are reported once, at the list.
        if seen.insert(clause, 0).is_none() {
            clauses.push(clause);
        }
    }
    if !clauses.is_empty() {
        return Some(combine_clauses(&clauses));
    }
    diagnostics
        .iter()
        .find(|d| d.is_error())
        .and_then(|d| d.service_message.clone())
}

/// What the AWS CLI (botocore) prints, before sending anything, when it refuses the request:
/// `Parameter validation failed:` and one line per problem it checks (required and unknown
/// members, JSON types, minimum lengths and values). `None` when botocore lets it through.
pub fn cli_response(diagnostics: &[Diagnostic]) -> Option<String> {
    // A text the CLI cannot read as JSON stops it before any parameter check.
    if let Some(d) = diagnostics.iter().find(|d| d.code == "byte-order-mark") {
        return d.cli_message.clone();
    }
    let lines: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.cli_message.as_deref())
        .collect();
    if lines.is_empty() {
        None
    } else {
        Some(format!(
            "Parameter validation failed:\n{}",
            lines.join("\n")
        ))
    }
}

/// `1 validation error detected: A` or `2 validation errors detected: A; B`.
pub fn combine_clauses(clauses: &[&str]) -> String {
    let n = clauses.len();
    format!(
        "{n} validation error{} detected: {}",
        if n == 1 { "" } else { "s" },
        clauses.join("; ")
    )
}

/// Counts of errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// A plain-text rendering of findings, one block per finding, used by the fixture tests of
/// both the native checker and the page (which must agree to the letter):
///
/// ```text
/// error pattern /AutoMLJobName
///   message: AutoMLJobName may contain only ...
///   service: 1 validation error detected: Value 'my_job' at 'autoMLJobName' ...
///   cli: ...
/// ```
pub fn snapshot(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!("{} {} {}\n", d.severity, d.code, d.path));
        out.push_str(&format!("  message: {}\n", one_line(&d.message)));
        if let Some(s) = &d.service_message {
            out.push_str(&format!("  service: {}\n", one_line(s)));
        }
        if let Some(s) = &d.cli_message {
            out.push_str(&format!("  cli: {}\n", one_line(s)));
        }
    }
    if let Some(response) = service_response(diagnostics) {
        out.push_str(&format!("service response: {}\n", one_line(&response)));
    }
    if let Some(response) = cli_response(diagnostics) {
        out.push_str(&format!("cli response: {}\n", one_line(&response)));
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}
