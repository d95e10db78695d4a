//! Reads a request back from what a person pastes: a JSON body, an
//! `aws sagemaker create-auto-ml-job …` command for a POSIX shell (either form of
//! [`crate::export`]), the PowerShell or cmd.exe script of [`crate::export`], or a boto3
//! program or Python dict ([`python`]).
//!
//! The spans of the result point into the pasted text, so diagnostics on an imported
//! command line point at the option or the character inside its quoted JSON.
//!
//! The command is read as a POSIX shell would (POSIX.1-2017, Shell Command Language, 2.2
//! Quoting), with bash's and zsh's `$'…'` quotes: `'…'`, `"…"` (where `\` escapes only
//! `$ ` \` `"` `\` and a line break), `\` outside quotes, `\`-newline continuations and `#`
//! comments. Variables set on the lines before the command are read as their values; what
//! only the running shell knows (`$(…)`, backticks, a variable never set) is a hole at the
//! member it feeds ([`import_full`]); what a shell would do otherwise (unquoted `|&;<>()`,
//! globs, brace expansion) is refused with its position, since importing must not guess what
//! it would become. A line that should end in `\` and does not is named. The
//! options are read as AWS CLI v1 reads them: `--name value` or `--name=value`, structures
//! and lists as JSON or in the AWS CLI shorthand syntax (`Key=a,Value=b`; several words for a
//! list, one per item), the boolean flag pair, and `--cli-input-json` whose members the other
//! options override.
//!
//! Both operations are read: [`import_detect`] tells `CreateAutoMLJobV2` from
//! `CreateAutoMLJob` by the command a text runs (`create-auto-ml-job-v2`), the method a
//! program calls first (`create_auto_ml_job_v2(…)`, a call of the other API named in an
//! `other-api-call` warning) or a body's members; [`import_full`] reads a text as the
//! operation it is given and names a text of the other.
//!
//! A Markdown code fence around the text and a `$ ` or `% ` prompt before `aws` (with the
//! `> ` prompts of its continuation lines) are left out; YAML, a PowerShell command and prose
//! are named as such rather than read as shell words.

use std::fmt;

use crate::diag::{Diagnostic, Severity};
use crate::export::CMD_ECHO;
use crate::json::{self, line_col, Member, Node, Span, Value};
use crate::model::Kind;
use crate::model::{DESCRIBE_ONLY, DESCRIBE_V2_ONLY};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};
use aws_cli::command;
use notebook::notebook_cells;
use shell::shell_assignments;
use windows::{cmd_body, powershell_body};

mod aws_cli;
mod notebook;
mod python;
mod shell;
mod shorthand;
mod windows;

/// Why a text could not be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
    /// Byte offset in the imported text.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ImportError {}

/// The texts are borrowed and copied here once (see `rules::error`): a generic
/// `impl Into<String>` gave the page a copy of this per argument type.
fn error(text: &str, offset: usize, message: &str) -> ImportError {
    let (line, column) = line_col(text, offset);
    ImportError {
        message: message.to_string(),
        offset,
        line,
        column,
    }
}

/// The code of a hole: a value the pasted program or command works out only when it runs
/// (`sagemaker.Session().default_bucket()`, `$(date +%s)`), which the import leaves for a
/// person to fill in.
pub const RUNTIME_VALUE: &str = "runtime-value";

/// What an import read: the request, what was left out of it, and the import's own findings.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The request, with every value written in the source. A hole in a string member is
    /// marked in its value as [`hole_marker`] (`s3://{bucket}/train/`), its written parts
    /// kept; a hole that is a whole value of another type leaves a structure as `{}` (its
    /// members to fill in) and a number, boolean or list out (see [`Imported::diagnostics`]).
    pub request: Node,
    /// See [`import_noting`].
    pub left_out: Vec<String>,
    /// The import's own findings, each located in the pasted text (`span`) at the JSON
    /// Pointer of the member it is about: a `runtime-value` error (a hole) for each value
    /// known only when the program runs, naming the expression and where it is set and used,
    /// and warnings (a program with several calls, …). Holes come first, in the order of the
    /// source.
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    /// The holes: the `runtime-value` findings.
    pub fn holes(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.code == RUNTIME_VALUE)
    }
}

/// How a hole shows inside a string member: the expression as written, in braces
/// (`{bucket}`, `{sagemaker.Session().default_bucket()}`, `{$BUCKET}`), as an f-string
/// writes it, so a person sees exactly what to replace.
pub fn hole_marker(expression: &str) -> String {
    format!("{{{expression}}}")
}

/// A hole at `path`: an error the request is not ready to send with (export refuses it).
/// `message` names the expression and where it is set and used; `span` is its place in the
/// pasted text.
pub(crate) fn hole(path: String, message: String, span: Span) -> Diagnostic {
    finding(Severity::Error, RUNTIME_VALUE, path, message, span)
}

/// A finding of an import about the pasted text at `span` (a hole, a note on how it was read):
/// no service or CLI wording, since neither would answer it.
pub(crate) fn finding(
    severity: Severity,
    code: &'static str,
    path: String,
    message: String,
    span: Span,
) -> Diagnostic {
    Diagnostic {
        severity,
        code,
        path,
        message,
        service_message: None,
        cli_message: None,
        span: Some(span),
        service_clause: None,
        related: Vec::new(),
    }
}

/// The findings of an imported request: the import's own (`import_diagnostics`, holes first),
/// then the checker's `findings` but for those at or under a hole's path, which are about the
/// stand-in value, not the person's.
pub fn with_import_findings(
    import_diagnostics: &[Diagnostic],
    findings: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let holes: Vec<&str> = import_diagnostics
        .iter()
        .filter(|d| d.code == RUNTIME_VALUE)
        .map(|d| d.path.as_str())
        .collect();
    let mut out = import_diagnostics.to_vec();
    out.extend(findings.into_iter().filter(|f| {
        !holes.iter().any(|h| {
            f.path == *h
                || (f.path.starts_with(*h) && f.path.as_bytes().get(h.len()) == Some(&b'/'))
        })
    }));
    out
}

/// Every finding about an imported request of `op`: the import's own, then the checker's
/// ([`with_import_findings`] of `check_node_for`), each placed in the imported text.
pub fn check_imported(op: &Operation, imported: &Imported) -> Vec<Diagnostic> {
    with_import_findings(
        &imported.diagnostics,
        crate::check::check_node_for(op, &imported.request),
    )
}

/// The operations [`import_detect`] tells apart, `CreateAutoMLJob` first (what a text that
/// names neither is read as).
pub const OPERATIONS: [&Operation; 2] = [&CREATE_AUTO_ML_JOB, &CREATE_AUTO_ML_JOB_V2];

/// The request in `text` as a request of `op`, with what was left out and the import's own
/// findings ([`Imported`]). A value the source works out only when it runs does not refuse
/// the import: it is a hole. An error is returned only for a text that cannot be read.
pub fn import_full(op: &Operation, text: &str) -> Result<Imported, ImportError> {
    import_among(&[op], text).map(|(_, imported)| imported)
}

/// The request in `text` and the operation it is for, told from the text itself: the command
/// a command line or script runs (`create-auto-ml-job-v2`), the method a program calls first
/// (`create_auto_ml_job_v2(…)`; a call of the other API after it is named in a warning), or a
/// body's members ([`crate::detect()`]: a JSON body, a Python dict, describe output). A text
/// that tells neither is read as `CreateAutoMLJob`.
pub fn import_detect(text: &str) -> Result<(&'static Operation, Imported), ImportError> {
    import_among(&OPERATIONS, text)
}

/// [`import_full`] as the first of `ops` the text is for (see [`import_detect`]).
fn import_among<'o>(
    ops: &[&'o Operation],
    text: &str,
) -> Result<(&'o Operation, Imported), ImportError> {
    let mut left_out = Vec::new();
    let mut diagnostics = Vec::new();
    let (op, mut request) = import_into(ops, text, &mut left_out, &mut diagnostics)?;
    // Lone surrogates are reported as check reports them: one warning per member. They are
    // noted in the order of the text (each JSON is read in it, and a command's options are),
    // so nothing sorts them: the page carries no general sort.
    let lone: Vec<usize> = diagnostics
        .iter()
        .filter(|d| d.code == LONE_SURROGATE_AT)
        .filter_map(|d| d.span.map(|s| s.start))
        .collect();
    if !lone.is_empty() {
        diagnostics.retain(|d| d.code != LONE_SURROGATE_AT);
        diagnostics.extend(crate::check::lone_surrogate_warnings(&request, &lone));
    }
    settle_holes(op, &mut request, &diagnostics);
    // Holes first, each in the order of the source; the rest after them. A stable insertion
    // by binary search, not a sort: the page carries no general sort (see the size gate).
    let mut keys: Vec<(bool, usize)> = Vec::with_capacity(diagnostics.len());
    let mut ordered = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let key = (d.code != RUNTIME_VALUE, d.span.map_or(0, |s| s.start));
        let at = keys.partition_point(|k| *k <= key);
        keys.insert(at, key);
        ordered.insert(at, d);
    }
    let diagnostics = ordered;
    Ok((
        op,
        Imported {
            request,
            left_out,
            diagnostics,
        },
    ))
}

/// The one of `ops` a request body is for: the only one, or the one [`crate::detect()`]
/// tells from its members.
fn by_members<'o>(ops: &[&'o Operation], node: &Node) -> &'o Operation {
    let told = crate::detect::detect(node);
    match ops {
        [only] => only,
        _ => ops
            .iter()
            .find(|op| op.name == told.name)
            .unwrap_or(&ops[0]),
    }
}

/// Gives each hole that is a whole value of a member that is no string the value
/// [`Imported::request`] documents: `{}` for a structure, the member left out for a number,
/// boolean or list.
fn settle_holes(op: &Operation, request: &mut Node, diagnostics: &[Diagnostic]) {
    for d in diagnostics.iter().filter(|d| d.code == RUNTIME_VALUE) {
        let Some(kind) = op.shape_at(&d.path).map(|s| &s.kind) else {
            continue;
        };
        let Some((parent, last)) = d.path.rsplit_once('/') else {
            continue;
        };
        let key = last.replace("~1", "/").replace("~0", "~");
        let Some(parent) = pointer_mut(request, parent) else {
            continue;
        };
        match (&mut parent.value, kind) {
            (_, Kind::String { .. }) => {}
            (Value::Object(members), Kind::Structure { .. }) => {
                if let Some(m) = members.iter_mut().find(|m| m.key == key) {
                    if matches!(m.value.value, Value::String(_)) {
                        m.value.value = Value::Object(Vec::new());
                    }
                }
            }
            (Value::Array(items), Kind::Structure { .. }) => {
                if let Some(item) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    if matches!(item.value, Value::String(_)) {
                        item.value = Value::Object(Vec::new());
                    }
                }
            }
            (Value::Object(members), _) => {
                members.retain(|m| m.key != key || !matches!(m.value.value, Value::String(_)));
            }
            _ => {}
        }
    }
}

/// The node a JSON Pointer names, to change it.
fn pointer_mut<'n>(node: &'n mut Node, pointer: &str) -> Option<&'n mut Node> {
    let mut node = node;
    if pointer.is_empty() {
        return Some(node);
    }
    for token in pointer.strip_prefix('/')?.split('/') {
        let key = token.replace("~1", "/").replace("~0", "~");
        node = match &mut node.value {
            Value::Object(members) => &mut members.iter_mut().find(|m| m.key == key)?.value,
            Value::Array(items) => items.get_mut(key.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The request in `text`: a JSON body, an `aws sagemaker create-auto-ml-job` command line, an
/// exported PowerShell or cmd.exe script, a boto3 program calling `create_auto_ml_job(…)`
/// (also in a Jupyter notebook's code cells), or a Python dict. A JSON body, a Python dict and a boto3 call's arguments are returned as
/// written; a command's members come in the model's order. A value known only when the
/// program runs refuses it (see [`import_full`], which reads it as a hole).
pub fn import(text: &str) -> Result<Node, ImportError> {
    import_noting(text).map(|(request, _)| request)
}

/// [`import`], with the AWS CLI's global options the command held (`--region eu-west-1`,
/// `--profile ml`, as written), the settings a boto3 program gave its client or session
/// (`region_name="eu-west-1"`; credentials by name only), or the members of
/// `describe-auto-ml-job` output that describe the job (`AutoMLJobStatus`, …): they are not
/// part of the request, so they are left out, and a person should hear that they were
/// ([`left_out_kind`]).
pub fn import_noting(text: &str) -> Result<(Node, Vec<String>), ImportError> {
    import_noting_for(&CREATE_AUTO_ML_JOB, text)
}

/// [`import`] of a request of `op`.
pub fn import_for(op: &Operation, text: &str) -> Result<Node, ImportError> {
    import_noting_for(op, text).map(|(request, _)| request)
}

/// [`import_noting`] of a request of `op`: refused at the first hole, the message naming
/// every hole, one a line.
pub fn import_noting_for(op: &Operation, text: &str) -> Result<(Node, Vec<String>), ImportError> {
    let imported = import_full(op, text)?;
    let holes: Vec<&Diagnostic> = imported.holes().collect();
    if let Some(first) = holes.first() {
        let messages: Vec<&str> = holes.iter().map(|d| d.message.as_str()).collect();
        return Err(error(
            text,
            first.span.map_or(0, |s| s.start),
            &messages.join("\n"),
        ));
    }
    Ok((imported.request, imported.left_out))
}

/// What the items [`import_noting`] left out are, in the plural, as the items of one import
/// are all of one kind: `they are {kind}, not part of the request`.
pub fn left_out_kind(item: &str) -> &'static str {
    if item.starts_with("--") {
        "the AWS CLI's own options"
    } else if item.starts_with("AutoML(") || item.starts_with("fit(") {
        "the SageMaker Python SDK's arguments that run the job"
    } else if is_assignment(item)
        // An environment variable's name has capitals by custom; a boto3 setting's never.
        && item.split('=').next().is_some_and(|name| name.bytes().any(|c| c.is_ascii_uppercase()))
    {
        "the environment the shell gives the aws command, and its own options"
    } else if is_describe_only(item) {
        "what describe-auto-ml-job reports about the job"
    } else {
        "settings of the boto3 client or session"
    }
}

/// The note that says which operation an import read its text as: `forced` when the caller
/// chose it (`--api`), else [`import_detect`] told it from the text.
pub fn read_as_note(op: &Operation, forced: bool) -> String {
    let why = if forced {
        "chosen by --api"
    } else {
        "told from the text; --api v1|v2 chooses"
    };
    format!("read as a {} request ({why})", op.name)
}

/// [`left_out_kind`] for a request of `op`: `describe-auto-ml-job-v2` output is named as such.
pub fn left_out_kind_for(op: &Operation, item: &str) -> &'static str {
    if op.name == CREATE_AUTO_ML_JOB_V2.name && is_describe_only(item) {
        "what describe-auto-ml-job-v2 reports about the job"
    } else {
        left_out_kind(item)
    }
}

/// Whether the items [`import_noting`] left out say the text was `describe-auto-ml-job`
/// output: its `AutoMLJobName` is then the described job's, and a new job needs its own.
pub fn left_out_describe_output(left_out: &[String]) -> bool {
    left_out.iter().any(|item| is_describe_only(item))
}

/// Whether `key` is a member of `DescribeAutoMLJob`'s output that a request does not have
/// (or boto3's `ResponseMetadata`, when a response was saved as JSON).
fn is_describe_only(key: &str) -> bool {
    DESCRIBE_ONLY.contains(&key) || DESCRIBE_V2_ONLY.contains(&key) || key == "ResponseMetadata"
}

/// The request within `describe-auto-ml-job` output (or a part of it: any member only
/// describe reports): what describe reports beyond the request is left out, and named in
/// `left_out`. Any other object is returned as it is.
fn without_describe_only(mut node: Node, left_out: &mut Vec<String>) -> Node {
    if let Value::Object(members) = &mut node.value {
        members.retain(|m| {
            let drop = is_describe_only(&m.key);
            if drop && !left_out.contains(&m.key) {
                left_out.push(m.key.clone());
            }
            !drop
        });
    }
    node
}

/// The code of a note [`note_lone_surrogates`] leaves for [`import_full`].
const LONE_SURROGATE_AT: &str = "lone-surrogate-at";

/// Notes `\u` escapes of half a UTF-16 surrogate pair a JSON reading found, at `offsets` of
/// the pasted text: [`import_full`] reports them once the request is read, as `check` does.
fn note_lone_surrogates(
    offsets: impl IntoIterator<Item = usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for at in offsets {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: LONE_SURROGATE_AT,
            path: String::new(),
            message: String::new(),
            service_message: None,
            cli_message: None,
            span: Some(Span {
                start: at,
                end: at + 6,
            }),
            service_clause: None,
            related: Vec::new(),
        });
    }
}

/// The request in `text`, and the one of `ops` it is for: what was left out goes in
/// `left_out`, the import's own findings (holes: see [`hole`]) in `diagnostics`.
fn import_into<'o>(
    ops: &[&'o Operation],
    text: &str,
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(&'o Operation, Node), ImportError> {
    // Markdown fences and shell prompts are blanked out, not cut out, so that every offset,
    // line and column still holds for the text as pasted.
    let unwrapped = blank_prompts(&blank_fences(text));
    let text = unwrapped.as_str();
    let start = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    let body = |node: Node| (by_members(ops, &node), node);
    match text[start..].chars().next() {
        None => Err(error(
            text,
            start,
            &format!(
                "nothing to import: paste a JSON body, an {} command or a boto3 program",
                ops[0].aws_command()
            ),
        )),
        // The whole text is read as `check` reads it (one byte order mark and JSON's white
        // space before the value), so a text that is not JSON gets check's message and place.
        Some('{') => match parse_json_at(text, text, 0, diagnostics) {
            Ok(node) => match notebook_cells(&node) {
                Some(cells) => python::notebook(ops, text, &cells, left_out, diagnostics),
                None => Ok(body(without_describe_only(node, left_out))),
            },
            // A text written as JSON (double quotes only, no word of Python's) keeps JSON's
            // message: Python would read `"y\x41"`, a trailing comma or a raw tab in a
            // string, which JSON and the AWS CLI refuse.
            Err(json) if !has_python_only_token(text) => Err(json),
            // A Python dict (single quotes, True, a trailing comma) is read as one. When it is
            // neither, JSON's message stands unless JSON stopped at what only Python writes (a
            // single quote, a bare word) and Python read further.
            Err(json) => python::dict_literal(ops[0].python_method, text, left_out, diagnostics)
                .map(body)
                .map_err(|py| {
                    let pythonic = text[json.offset.min(text.len())..]
                        .starts_with(|c: char| c == '\'' || c == '_' || c.is_alphabetic());
                    if pythonic && py.offset > json.offset {
                        py
                    } else {
                        json
                    }
                }),
        },
        Some('[') => parse_json_at(text, text, 0, diagnostics).map(|node| (ops[0], node)),
        Some(first) => {
            // A script the export wrote runs one operation's command; its body tells otherwise.
            let script = |node: Node| {
                let named = ops
                    .iter()
                    .find(|op| text.contains(&format!("{} --cli-input-json", op.aws_command())));
                match named {
                    Some(op) if ops.len() > 1 => (*op, node),
                    _ => body(node),
                }
            };
            if let Some(at) = powershell_body(text) {
                parse_json_at(text, at.1, at.0, diagnostics).map(script)
            } else if text.contains(CMD_ECHO) {
                cmd_body(text, diagnostics).map(script)
            } else if python::is_program(ops, text)
                // A script setting variables before `aws` is a command, whatever its values.
                && !first_word_is_aws(&shell_assignments(text, &mut Vec::new()).1)
            {
                python::program(ops, text, left_out, diagnostics)
            } else if first == '"' {
                parse_json_at(text, text, 0, diagnostics).map(|node| (ops[0], node))
            } else {
                command(ops, text, left_out, diagnostics)
            }
        }
    }
}

/// Whether `text` holds, outside its double-quoted strings, a token JSON never has and a
/// Python dict may: a single-quoted string, a name other than `true`,
/// `false` and `null` or the start of one (`True`, `None`, `datetime`, a string prefix such
/// as `u"`), a comment,
/// a parenthesis, or a number written as only Python writes one (`1_000`, `0x10`). (`"""`
/// counts for nothing: it is as likely two JSON strings with a separator left out.)
fn has_python_only_token(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                i += 1;
                while let Some(&d) = b.get(i) {
                    match d {
                        b'\\' => i += 1,
                        b'"' | b'\n' => break,
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'\'' | b'#' | b'(' | b')' => return true,
            b'0'..=b'9' => {
                let end = b[i..]
                    .iter()
                    .position(|d| !(d.is_ascii_alphanumeric() || *d == b'_' || *d == b'.'))
                    .map_or(b.len(), |n| i + n);
                if b[i..end]
                    .iter()
                    .any(|d| *d == b'_' || (d.is_ascii_alphabetic() && !matches!(d, b'e' | b'E')))
                {
                    return true;
                }
                i = end;
                continue;
            }
            _ if c == b'_' || c.is_ascii_alphabetic() => {
                let end = b[i..]
                    .iter()
                    .position(|d| !(d.is_ascii_alphanumeric() || *d == b'_'))
                    .map_or(b.len(), |n| i + n);
                // `tru`, `nul`: JSON cut short or mistyped, not a Python name.
                let word = &b[i..end];
                if !["true", "false", "null"]
                    .iter()
                    .any(|k| k.as_bytes().starts_with(word))
                {
                    return true;
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Overwrites each of `ranges` of `text` with spaces (they hold ASCII only, so offsets,
/// lines and columns stay the same).
fn blank(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(from, to) in ranges {
        bytes[from..to].fill(b' ');
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// The lines of `text` with the offset each starts at.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

/// `text` with a Markdown code fence around it (```` ```json ```` … ```` ``` ````) blanked out:
/// the opening fence on the first line that is not blank, and the first closing fence after it.
fn blank_fences(text: &str) -> String {
    let mut lines = lines_at(text).skip_while(|(_, line)| line.trim().is_empty());
    let Some((at, line)) = lines.next() else {
        return text.to_string();
    };
    let indent = line.len() - line.trim_start().len();
    let Some(info) = line.trim().strip_prefix("```") else {
        return text.to_string();
    };
    if !info
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_+-.".contains(&b))
    {
        return text.to_string();
    }
    let mut ranges = vec![(at + indent, at + indent + 3 + info.len())];
    if let Some((at, line)) = lines.find(|(_, line)| line.trim() == "```") {
        let indent = line.len() - line.trim_start().len();
        ranges.push((at + indent, at + indent + 3));
    }
    blank(text, &ranges)
}

/// Whether the first line that is not blank or a comment starts with the aws program (after
/// any environment prefix, `AWS_PROFILE=ml aws …`).
fn first_word_is_aws(text: &str) -> bool {
    lines_at(text)
        .map(|(_, line)| line.trim())
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(command_word)
        .is_some_and(|word| is_aws(word.trim_matches(['\'', '"'])))
}

/// The first word of a shell line that is not an assignment (`NAME=value`), roughly: split at
/// white space, quotes not read.
fn command_word(line: &str) -> Option<&str> {
    line.split_whitespace().find(|word| !is_assignment(word))
}

/// Whether a shell word starts with an assignment's `NAME=`.
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
    })
}

/// Puts `key: value` in `members` as a Python dict does (and so the AWS CLI shorthand, which
/// builds one): a repeated key keeps its first place and takes the last value.
fn set_member(members: &mut Vec<Member>, key: String, key_span: Span, value: Node) {
    match members.iter_mut().find(|m| m.key == key) {
        Some(m) => {
            m.key_span = key_span;
            m.value = value;
        }
        None => members.push(Member {
            key,
            key_span,
            value,
        }),
    }
}

/// Whether `word` names the aws program (`aws`, `/usr/local/bin/aws`, `aws.exe`).
fn is_aws(word: &str) -> bool {
    let program = word.rsplit(['/', '\\']).next().unwrap_or("");
    matches!(program, "aws" | "aws.exe" | "aws.cmd")
}

/// `text` with a shell prompt (`$ ` or `% `) before `aws` blanked out, and the `> ` prompts
/// of the lines that continue it after a `\`.
fn blank_prompts(text: &str) -> String {
    let mut lines = lines_at(text)
        .skip_while(|(_, line)| line.trim().is_empty() || line.trim_start().starts_with('#'));
    let Some((at, line)) = lines.next() else {
        return text.to_string();
    };
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let Some(after) = rest.strip_prefix(['$', '%']) else {
        return text.to_string();
    };
    if !after.starts_with([' ', '\t']) || !command_word(after).is_some_and(is_aws) {
        return text.to_string();
    }
    let mut ranges = vec![(at + indent, at + indent + 1)];
    let mut continued = line.trim_end().ends_with('\\');
    for (at, line) in lines {
        if !continued {
            break;
        }
        if line.starts_with("> ") {
            ranges.push((at, at + 1));
        }
        continued = line.trim_end().ends_with('\\');
    }
    blank(text, &ranges)
}

/// Parses `json` (a slice of `text` starting at `offset`) with spans relative to `text`,
/// noting its lone surrogates.
fn parse_json_at(
    text: &str,
    json: &str,
    offset: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Node, ImportError> {
    let (mut node, lone) =
        json::parse_noting(json).map_err(|e| error(text, offset + e.offset, &e.message))?;
    remap(&mut node, &|i| offset + i, &|i| offset + i);
    note_lone_surrogates(lone.into_iter().map(|i| offset + i), diagnostics);
    Ok(node)
}

/// Applies an offset mapping to every span of a node.
fn remap(node: &mut Node, start: &dyn Fn(usize) -> usize, end: &dyn Fn(usize) -> usize) {
    node.span = map_span(node.span, start, end);
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|n| remap(n, start, end)),
        Value::Object(members) => members.iter_mut().for_each(|m| {
            m.key_span = map_span(m.key_span, start, end);
            remap(&mut m.value, start, end);
        }),
        _ => {}
    }
}

fn map_span(span: Span, start: &dyn Fn(usize) -> usize, end: &dyn Fn(usize) -> usize) -> Span {
    let s = start(span.start);
    Span {
        start: s,
        end: if span.end > span.start {
            end(span.end)
        } else {
            s
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_hole_in_a_member_that_is_no_string_is_settled_and_hides_the_checkers_findings() {
        let mut request = json::parse(
            r#"{"AutoMLJobName": "{name}", "OutputDataConfig": "{out}", "RoleArn": "{role}",
                "AutoMLJobConfig": {"CompletionCriteria": {"MaxCandidates": "{n}"}}}"#,
        )
        .unwrap();
        let at = Span { start: 0, end: 1 };
        let holes: Vec<Diagnostic> = [
            "/AutoMLJobName",
            "/OutputDataConfig",
            "/AutoMLJobConfig/CompletionCriteria/MaxCandidates",
        ]
        .iter()
        .map(|p| hole(p.to_string(), format!("hole at {p}"), at))
        .collect();
        settle_holes(&CREATE_AUTO_ML_JOB, &mut request, &holes);
        assert_eq!(
            request.get("AutoMLJobName").and_then(Node::as_str),
            Some("{name}")
        );
        assert_eq!(
            request.get("OutputDataConfig").and_then(Node::as_object),
            Some(&[][..])
        );
        assert!(request
            .pointer("/AutoMLJobConfig/CompletionCriteria/MaxCandidates")
            .is_none());
        let found = with_import_findings(
            &holes,
            crate::check::check_node_for(&CREATE_AUTO_ML_JOB, &request),
        );
        let paths: Vec<(&str, &str)> = found.iter().map(|d| (d.code, d.path.as_str())).collect();
        assert!(paths.contains(&("runtime-value", "/OutputDataConfig")));
        // `S3OutputPath` required inside the hole is the hole's; `InputDataConfig` is not.
        assert!(!paths.contains(&("required", "/OutputDataConfig/S3OutputPath")));
        assert!(paths.contains(&("required", "/InputDataConfig")));
        assert!(!paths
            .iter()
            .any(|(c, p)| *c != "runtime-value" && *p == "/AutoMLJobName"));
        assert_eq!(hole_marker("bucket"), "{bucket}");
    }
}
