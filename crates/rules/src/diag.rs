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
    // The clauses of the findings not listed (see `Findings`): counted, not quoted.
    let mut more = 0_usize;
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        let Some(clause) = d.service_clause.as_deref() else {
            continue;
        };
        if d.code == MORE {
            more += more_tail(Some(clause));
        } else if seen.insert(clause, 0).is_none() {
            // The items of a list of strings are reported once, at the list.
            clauses.push(clause);
        }
    }
    if !clauses.is_empty() {
        if more == 0 {
            return Some(combine_clauses(&clauses));
        }
        // The service would quote every clause; a million of them is no message anyone reads
        // (nor one a page can show), so the count is the service's and the tail is ours.
        let n = clauses.len() + more;
        return Some(format!(
            "{n} validation errors detected: {}; and {more} more",
            clauses.join("; ")
        ));
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
    // A `more` finding's line (`and N more`) counts the lines of findings not listed.
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

/// Counts of errors and warnings (a `more` finding counts as the findings it stands for).
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let mut errors = 0;
    let mut warnings = 0;
    for d in diagnostics {
        let n = stands_for(d);
        if d.is_error() {
            errors += n;
        } else {
            warnings += n;
        }
    }
    (errors, warnings)
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

/// How many findings of one kind (one code, at one path with its list indices taken out,
/// `/Tags/*/Key`) are listed; the rest are counted in one `more` finding. A request may hold
/// a million list items: listing every finding would print hundreds of megabytes and freeze
/// the page, and nobody reads past the first few of a repeated finding.
pub const SHOWN_PER_KIND: usize = 20;

/// The code of the finding that counts the findings of a kind not listed.
pub const MORE: &str = "more";

/// Findings as they are made, keeping at most [`SHOWN_PER_KIND`] of each kind and counting
/// the rest, so that memory stays bounded however many items a request holds: the walker
/// asks [`Findings::admit`] before building a finding, the documented rules build theirs and
/// [`Findings::push`] them, one at a time.
#[derive(Default)]
pub struct Findings {
    list: Vec<Diagnostic>,
    /// (code, path pattern) → its group.
    groups: std::collections::HashMap<(&'static str, String), Group>,
    /// Findings of kinds past the first [`MAX_KINDS`], all counted together.
    overflow: Group,
}

/// Kinds of finding counted one by one; past them (a request with a hundred thousand
/// differently named unknown members inside unknown members) findings are counted together.
const MAX_KINDS: usize = 256;

#[derive(Default)]
struct Group {
    severity: Option<Severity>,
    shown: usize,
    omitted: usize,
    /// Omitted findings that would each add a clause to the service's combined message
    /// (the items of a list of strings share one clause: they add none).
    omitted_clauses: usize,
    /// Omitted findings the AWS CLI would print a line for.
    omitted_cli_lines: usize,
    /// The service clause of the first finding listed, to tell a shared clause.
    first_clause: Option<String>,
}

impl Findings {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a finding of `code` at `path` is listed (then push it with
    /// [`Findings::push_admitted`]); if not, it is counted, with whether it would add a
    /// clause to the service's message and a line to the AWS CLI's, and need not be built.
    pub fn admit(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: &str,
        new_clause: bool,
        cli_line: bool,
    ) -> bool {
        let key = (code, path_pattern(code, path));
        let group = if self.groups.len() < MAX_KINDS || self.groups.contains_key(&key) {
            self.groups.entry(key).or_default()
        } else {
            self.overflow.shown = SHOWN_PER_KIND;
            &mut self.overflow
        };
        group.severity = group.severity.min(Some(severity)).or(Some(severity));
        if group.shown < SHOWN_PER_KIND {
            group.shown += 1;
            return true;
        }
        group.omitted += 1;
        if new_clause && severity == Severity::Error {
            group.omitted_clauses += 1;
        }
        if cli_line && severity == Severity::Error {
            group.omitted_cli_lines += 1;
        }
        false
    }

    /// Lists a finding [`Findings::admit`] admitted.
    pub fn push_admitted(&mut self, d: Diagnostic) {
        if let Some(clause) = &d.service_clause {
            let key = (d.code, path_pattern(d.code, &d.path));
            let group = self.groups.entry(key).or_default();
            group.first_clause.get_or_insert_with(|| clause.clone());
        }
        self.list.push(d);
    }

    /// Lists a finding, or counts it when [`SHOWN_PER_KIND`] of its kind are listed.
    pub fn push(&mut self, d: Diagnostic) {
        let key = (d.code, path_pattern(d.code, &d.path));
        let new_clause = match (&d.service_clause, self.groups.get(&key)) {
            (None, _) => false,
            (Some(clause), Some(group)) => group.first_clause.as_ref() != Some(clause),
            (Some(_), None) => true,
        };
        if self.admit(
            d.severity,
            d.code,
            &d.path,
            new_clause,
            d.cli_message.is_some(),
        ) {
            self.push_admitted(d);
        }
    }

    /// The findings listed so far.
    pub fn listed(&self) -> &[Diagnostic] {
        &self.list
    }

    /// Keeps only the listed findings `keep` approves (those dropped are not counted).
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.list.retain(keep);
    }

    /// The findings listed, each kind with omitted findings followed (after its last one
    /// listed) by one `more` finding that counts them.
    pub fn finish(self) -> Vec<Diagnostic> {
        let Findings {
            list,
            groups,
            overflow,
        } = self;
        if overflow.omitted == 0 && groups.values().all(|g| g.omitted == 0) {
            return list;
        }
        let keys: Vec<(&'static str, String)> = list
            .iter()
            .map(|d| (d.code, path_pattern(d.code, &d.path)))
            .collect();
        let mut out = Vec::with_capacity(list.len() + 8);
        for (i, d) in list.into_iter().enumerate() {
            out.push(d);
            let key = &keys[i];
            let last = !keys[i + 1..].contains(key);
            match groups.get(key) {
                Some(group) if last && group.omitted > 0 => {
                    out.push(more(Some((key.0, &key.1)), group))
                }
                _ => {}
            }
        }
        if overflow.omitted > 0 {
            out.push(more(None, &overflow));
        }
        out
    }
}

/// A finding's path as its kind has it: the JSON Pointer with its list indices (and any other
/// all-digit token) as `*`; for an unknown or repeated member, its name too.
fn path_pattern(code: &str, path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let tokens = path.split('/').skip(1);
    let count = tokens.clone().count();
    for (i, token) in tokens.enumerate() {
        out.push('/');
        let named = i + 1 == count && (code == "unknown" || code == "duplicate");
        if named || (!token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())) {
            out.push('*');
        } else {
            out.push_str(token);
        }
    }
    out
}

/// `1234567` as `1,234,567`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The `more` finding for a kind (code and path pattern), at the outermost list or object
/// its pattern runs through; or, with no kind, for the findings past [`MAX_KINDS`] kinds.
fn more(kind: Option<(&str, &str)>, group: &Group) -> Diagnostic {
    let tail = |n: usize| (n > 0).then(|| format!("and {n} more"));
    let (path, what) = match kind {
        Some((code, pattern)) => (
            pattern.find("/*").map_or(pattern, |at| &pattern[..at]),
            format!("with the same finding ({code} at {pattern}): only the first {SHOWN_PER_KIND} are listed"),
        ),
        None => ("", "findings of other kinds: too many kinds to list".to_string()),
    };
    Diagnostic {
        severity: group.severity.unwrap_or(Severity::Error),
        code: MORE,
        path: path.to_string(),
        message: format!("and {} more {what}", grouped(group.omitted)),
        service_message: None,
        cli_message: tail(group.omitted_cli_lines),
        span: None,
        service_clause: tail(group.omitted_clauses),
        related: Vec::new(),
    }
}

/// The code of the findings a finding stands for: its own, or for a `more` finding the code
/// of the kind it counts (`more` itself for findings of other kinds past [`MAX_KINDS`]).
pub fn counted_code(d: &Diagnostic) -> &str {
    if d.code != MORE {
        return d.code;
    }
    d.message
        .split_once("with the same finding (")
        .and_then(|(_, rest)| rest.split_once(" at "))
        .map_or(MORE, |(code, _)| code)
}

/// How many findings a finding stands for: 1, or for a `more` finding the count it says.
pub fn stands_for(d: &Diagnostic) -> usize {
    if d.code != MORE {
        return 1;
    }
    leading_count(d.message.strip_prefix("and ").unwrap_or(""))
}

/// The count a `more` finding's clause or line (`and N more`) stands for.
fn more_tail(text: Option<&str>) -> usize {
    text.and_then(|t| t.strip_prefix("and "))
        .map_or(0, leading_count)
}

/// The number at the start of `text`, `1,234` as 1234.
fn leading_count(text: &str) -> usize {
    let mut n = 0_usize;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => n = n.saturating_mul(10).saturating_add(usize::from(b - b'0')),
            b',' => {}
            _ => break,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &'static str, path: &str, clause: Option<&str>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.to_string(),
            message: format!("{code} at {path}"),
            service_message: None,
            cli_message: Some(format!("line for {path}")),
            span: None,
            service_clause: clause.map(str::to_string),
            related: Vec::new(),
        }
    }

    #[test]
    fn patterns_take_out_list_indices_and_unknown_names() {
        assert_eq!(path_pattern("pattern", "/Tags/12/Key"), "/Tags/*/Key");
        assert_eq!(path_pattern("required", ""), "");
        assert_eq!(path_pattern("unknown", "/Tags/3/Extra"), "/Tags/*/*");
        assert_eq!(path_pattern("duplicate", "/RoleArn"), "/*");
        assert_eq!(path_pattern("pattern", "/a~1b/0"), "/a~1b/*");
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_repeated_finding_is_listed_20_times_then_counted() {
        let mut findings = Findings::new();
        for i in 0..1000 {
            let path = format!("/Tags/{i}/Key");
            findings.push(finding("pattern", &path, Some(&format!("clause {i}"))));
            // Items of a list of strings share the list's clause.
            let path = format!("/Subnets/{i}");
            findings.push(finding("length", &path, Some("the list's clause")));
        }
        findings.push(finding("range", "/Other", Some("other clause")));
        let list = findings.finish();
        assert_eq!(list.len(), 20 + 1 + 20 + 1 + 1);
        // Each `more` follows the last finding of its kind listed.
        let tags_more = &list[39];
        assert_eq!(list[38].path, "/Tags/19/Key");
        assert_eq!(tags_more.code, MORE);
        assert_eq!(tags_more.path, "/Tags");
        assert_eq!(
            tags_more.message,
            "and 980 more with the same finding (pattern at /Tags/*/Key): only the first 20 are listed"
        );
        assert_eq!(stands_for(tags_more), 980);
        assert_eq!(counted_code(tags_more), "pattern");
        assert_eq!(counted_code(&list[38]), "pattern");
        assert_eq!(tags_more.service_clause.as_deref(), Some("and 980 more"));
        assert_eq!(list[40].path, "/Subnets/19");
        let subnets_more = &list[41];
        assert_eq!(subnets_more.path, "/Subnets");
        // The shared clause is quoted once, so the items not listed add no clause.
        assert_eq!(subnets_more.service_clause, None);
        assert_eq!(subnets_more.cli_message.as_deref(), Some("and 980 more"));
        assert_eq!(counts(&list), (2001, 0));
        let response = service_response(&list).unwrap();
        assert!(response.starts_with("1002 validation errors detected: clause 0; "));
        assert!(
            response.ends_with("; other clause; and 980 more"),
            "{response}"
        );
        let cli = cli_response(&list).unwrap();
        assert_eq!(cli.lines().count(), 1 + 41 + 2);
    }

    #[test]
    fn kinds_past_the_limit_are_counted_together() {
        let mut findings = Findings::new();
        for i in 0..MAX_KINDS + 500 {
            findings.push(finding("unknown", &format!("/A{i}/B"), None));
        }
        let list = findings.finish();
        assert_eq!(list.len(), MAX_KINDS + 1);
        let last = list.last().unwrap();
        assert_eq!(last.code, MORE);
        assert_eq!(last.path, "");
        assert_eq!(stands_for(last), 500);
        assert_eq!(counts(&list), (MAX_KINDS + 500, 0));
    }

    #[test]
    fn nothing_changes_below_the_cap() {
        let mut findings = Findings::new();
        for i in 0..SHOWN_PER_KIND {
            findings.push(finding("pattern", &format!("/Tags/{i}/Key"), Some("c")));
        }
        let list = findings.finish();
        assert_eq!(list.len(), SHOWN_PER_KIND);
        assert!(list.iter().all(|d| d.code != MORE));
    }
}
