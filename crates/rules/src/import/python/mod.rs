//! Reads the request of a boto3 program: the keyword arguments of its
//! `….create_auto_ml_job(…)` call, as botocore would put them in the body, and a Python dict
//! literal pasted on its own (what `print(request)` shows, describe output included).
//!
//! The program is read as Python runs it, without running it: string, number,
//! `True`/`False`/`None`, dict, list and tuple literals (Python 3 syntax, The Python Language
//! Reference 2.4 "Literals"), adjacent strings joined, arithmetic on numbers (`+ - * / // %
//! **`, worked out as CPython does: ints exactly, floats in IEEE doubles and written as
//! `repr()`; `**` on ints only), strings joined with `+`, formatted with `str.format` and `%`,
//! string methods and subscripts of written values, `dict(Key=…)`, `**request`, comparisons
//! and `and`/`or`/`not`, conditional expressions, and names set by the `name = …` the program
//! runs before the use: in the branch of an `if`/`elif`/`else` its written condition takes
//! (`flow`), or a function's parameter from the program's first call of it. What only running
//! the program tells (a call, an attribute, a name nothing sets, a condition on such a value,
//! a loop) is a hole (`reader::Pending`, a `runtime-value` error): the value keeps its written
//! parts with the hole as `{expression}`. IPython magics and shell escapes are left out. The
//! settings of the boto3 client or session (`region_name="eu-west-1"`) are not part of the
//! request: they are noted as left out.

use super::notebook::Cell;
use super::{error, ImportError, OPERATIONS};
use crate::diag::{Diagnostic, Severity};
use crate::import::finding;
use crate::json::{Node, Span, Value};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB};
use reader::Reader;
use tokens::{Kind, Tokens};

mod eval;
mod flow;
mod literals;
mod reader;
mod tokens;

pub(super) use literals::{py_float, py_int};

/// A Python text that holds the request: a program calling the method of one of `ops`
/// (`create_auto_ml_job`), or a session or notebook that imports boto3 (the import then says
/// what is missing).
pub(super) fn is_program(ops: &[&Operation], text: &str) -> bool {
    ops.iter().any(|op| text.contains(op.python_method))
        || text.contains("boto3")
        || SDK_CLASSES
            .iter()
            .any(|class| text.contains(&format!("{class}(")))
}

/// The SageMaker Python SDK's classes that start an Autopilot job (see `reader::sdk`).
const SDK_CLASSES: [&str; 2] = ["AutoML", "AutoMLV2"];

/// The request of a boto3 program, and the one of `ops` whose method it calls first, with
/// the client's and session's own settings it was given (`region_name="eu-west-1"`;
/// credentials by name only) in `left_out` and the holes and warnings of the import in
/// `diagnostics`.
pub(super) fn program<'o>(
    ops: &[&'o Operation],
    text: &str,
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(&'o Operation, Node), ImportError> {
    let code = flow::blank_magics(&blank_repl_prompts(text));
    let (op, node, found) = program_in_cells(ops, &code, Vec::new(), left_out)?;
    diagnostics.extend(found);
    Ok((op, node))
}

/// A reader of `tokens`, with its statements worked out.
fn reader<'t, 'a>(tokens: &'t Tokens<'a>, method: &'static str) -> Reader<'t, 'a> {
    Reader {
        t: tokens,
        depth: 0,
        values: 0,
        assignments: assignments(tokens),
        unvalued: unvalued(tokens),
        method,
        blocks: Vec::new(),
        path: Vec::new(),
        holes: Vec::new(),
        notes: Vec::new(),
        decided: Vec::new(),
        call_at: 0,
    }
}

/// [`program`], for a text that is a notebook's code cells joined (`cells`: where each starts
/// and its label).
fn program_in_cells<'o>(
    ops: &[&'o Operation],
    text: &str,
    cells: Vec<(usize, String)>,
    left_out: &mut Vec<String>,
) -> Result<(&'o Operation, Node, Vec<Diagnostic>), ImportError> {
    let mut tokens = Tokens::read(text);
    tokens.cells = cells;
    let blocks = flow::blocks(&mut tokens);
    // The calls of each operation's method; the request is the first call's, of whichever.
    let called: Vec<(&'o Operation, Vec<usize>)> = ops
        .iter()
        .map(|op| (*op, flow::calls(&tokens, op.python_method, true)))
        .filter(|(_, calls)| !calls.is_empty())
        .collect();
    let Some((op, calls)) = called.iter().min_by_key(|(_, calls)| calls[0]).cloned() else {
        return sdk_program(ops, text, &tokens, blocks, left_out);
    };
    let method = op.python_method;
    let call = calls[0];
    let mut reader = reader(&tokens, method);
    reader.blocks = blocks;
    settings(&tokens, call, left_out);
    let node = reader.call(call)?;
    let mut found = reader.hole_diagnostics();
    found.append(&mut reader.notes);
    if let Some(&(_, fit)) = reader.sdk_fits().first() {
        let message = format!(
            "this program also starts a job with the SageMaker Python SDK, AutoML(…).fit(…) {}: the request is the {method}(…) call's, {}; import the other on its own",
            tokens.place(tokens.at(fit)),
            tokens.place(tokens.at(call)),
        );
        found.push(warning_at(&tokens, fit, "other-api-call", message));
    }
    let count = calls.len();
    if count > 1 {
        let others: Vec<String> = calls[1..]
            .iter()
            .map(|&k| tokens.place(tokens.at(k)))
            .collect();
        let message = format!(
            "this program calls {method}() {count} times: the request is the first call's, {}; the others are {}",
            tokens.place(tokens.at(call)),
            others.join(", ")
        );
        found.push(warning_at(&tokens, call, "several-calls", message));
    }
    for (other, calls) in called.iter().filter(|(other, _)| other.name != op.name) {
        let message = format!(
            "this program also calls {}(…), the {} API, {}: the request is the first call's, {}(…) ({}) {}; import the other on its own",
            other.python_method,
            other.name,
            tokens.place(tokens.at(calls[0])),
            method,
            op.name,
            tokens.place(tokens.at(call)),
        );
        found.push(warning_at(&tokens, calls[0], "other-api-call", message));
    }
    Ok((op, node, found))
}

/// The request of a program with no boto3 call: the SageMaker Python SDK's
/// `AutoML(…).fit(…)` (see `reader::sdk`), read as the `CreateAutoMLJob` request it sends.
fn sdk_program<'o>(
    ops: &[&'o Operation],
    text: &str,
    tokens: &Tokens,
    blocks: Vec<flow::Block>,
    left_out: &mut Vec<String>,
) -> Result<(&'o Operation, Node, Vec<Diagnostic>), ImportError> {
    let mut reader = reader(tokens, "fit");
    reader.blocks = blocks;
    let fits = reader.sdk_fits();
    let Some(&(ctor, fit)) = fits.first() else {
        for class in SDK_CLASSES {
            if let Some(&at) = flow::calls(tokens, class, true).first() {
                let message = if class == "AutoML" {
                    format!("this program makes an AutoML(…) of the SageMaker Python SDK {} but calls no fit(…) on it, which is what sends the request: import it with its fit(…) call", tokens.place(tokens.at(at)))
                } else {
                    format!("this program uses the SageMaker Python SDK's AutoMLV2 class {}: import reads its AutoML class (CreateAutoMLJob) and boto3 calls, not AutoMLV2 yet; write the request with create_auto_ml_job_v2(…) or as JSON", tokens.place(tokens.at(at)))
                };
                return Err(error(text, tokens.at(at), &message));
            }
        }
        return Err(no_call(ops, text, tokens));
    };
    let Some(op) = ops
        .iter()
        .find(|op| op.name == CREATE_AUTO_ML_JOB.name)
        .copied()
    else {
        return Err(error(
            text,
            tokens.at(fit),
            &format!(
                "the SageMaker Python SDK's AutoML(…).fit(…) sends a {} request: this import reads {} requests",
                CREATE_AUTO_ML_JOB.name, ops[0].name
            ),
        ));
    };
    let node = reader.sdk_request(ctor, fit, left_out)?;
    let mut found = reader.hole_diagnostics();
    found.append(&mut reader.notes);
    if fits.len() > 1 {
        let others: Vec<String> = fits[1..]
            .iter()
            .map(|&(_, k)| tokens.place(tokens.at(k)))
            .collect();
        let message = format!(
            "this program calls fit() on an AutoML {} times: the request is the first call's, {}; the others are {}",
            fits.len(),
            tokens.place(tokens.at(fit)),
            others.join(", ")
        );
        found.push(warning_at(tokens, fit, "several-calls", message));
    }
    Ok((op, node, found))
}

/// Why a program with no call of any of `ops`' methods cannot be read: a call of another
/// operation's method (the V2 API where V1 was asked for) is named as such, else where the
/// call is missing.
fn no_call(ops: &[&Operation], text: &str, tokens: &Tokens) -> ImportError {
    for other in OPERATIONS
        .iter()
        .filter(|o| !ops.iter().any(|op| op.name == o.name))
    {
        if let Some(&at) = flow::calls(tokens, other.python_method, true).first() {
            return error(
                text,
                tokens.at(at),
                &format!(
                    "this program calls {}(…), the {} API: this import reads {} requests ({}(…))",
                    other.python_method, other.name, ops[0].name, ops[0].python_method
                ),
            );
        }
    }
    let at = text
        .find("boto3")
        .or_else(|| text.find(ops[0].python_method))
        .unwrap_or(0);
    tokens
        .stop
        .clone()
        .filter(|e| e.offset <= at)
        .unwrap_or_else(|| {
            error(
                text,
                at,
                &format!(
                    "this Python has no {} call to read the request from",
                    calls_named(ops)
                ),
            )
        })
}

/// `create_auto_ml_job(…)`, or `create_auto_ml_job(…) or create_auto_ml_job_v2(…)`.
fn calls_named(ops: &[&Operation]) -> String {
    let names: Vec<String> = ops
        .iter()
        .map(|op| format!("{}(…)", op.python_method))
        .collect();
    names.join(" or ")
}

/// The request of a Jupyter notebook: its code cells read one after another as running them
/// in order would, up to the first call of `create_auto_ml_job`. `cells` are its code cells
/// (see [`Cell`]) in the notebook's JSON `text`; every span (of the request, of each
/// finding, of an error) is placed at the character of `text` that holds it, and a message
/// names the cell as a person finds it.
pub(super) fn notebook<'o>(
    ops: &[&'o Operation],
    text: &str,
    cells: &[Cell],
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(&'o Operation, Node), ImportError> {
    let mut code = String::new();
    let mut starts = Vec::new();
    for cell in cells {
        starts.push((code.len(), cell.label.clone()));
        code.push_str(&flow::blank_magics(&cell.code));
        code.push('\n');
    }
    // Where a place in the joined code is in the notebook's text.
    let map = |offset: usize| -> usize {
        let cell = starts.iter().rposition(|(s, _)| *s <= offset).unwrap_or(0);
        cells
            .get(cell)
            .map_or(0, |c| c.offset_in(text, offset - starts[cell].0))
    };
    match program_in_cells(ops, &code, starts.clone(), left_out) {
        Ok((op, mut node, found)) => {
            super::remap(&mut node, &map, &map);
            diagnostics.extend(found.into_iter().map(|mut d| {
                d.span = d.span.map(|s| Span {
                    start: map(s.start),
                    end: map(s.end).max(map(s.start)),
                });
                d
            }));
            Ok((op, node))
        }
        Err(e) if e.message.starts_with("this Python has no") => Err(error(
            text,
            0,
            &format!(
                "this notebook has no code cell calling {} to read the request from",
                calls_named(ops)
            ),
        )),
        Err(e) => {
            let cell = starts
                .iter()
                .rposition(|(s, _)| *s <= e.offset)
                .unwrap_or(0);
            let (line, column) =
                crate::json::line_col(&code[starts[cell].0..], e.offset - starts[cell].0);
            Err(error(
                text,
                map(e.offset),
                &format!(
                    "{} ({}, line {line}, column {column})",
                    e.message, starts[cell].1
                ),
            ))
        }
    }
}

/// A Python dict literal on its own (`{'AutoMLJobName': 'churn', …}`), as the whole text;
/// `describe_auto_ml_job`'s response printed (`datetime.datetime(…)` in it) is read as
/// describe output: what describe reports about the job is left out, as for JSON.
pub(super) fn dict_literal(
    method: &'static str,
    text: &str,
    left_out: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Node, ImportError> {
    let tokens = Tokens::read(text);
    let mut reader = reader(&tokens, method);
    reader.assignments = Vec::new();
    reader.unvalued = Vec::new();
    let mut i = 0;
    let node = reader.value(&mut i)?;
    if tokens.kind(i) != Kind::End {
        return Err(reader.unexpected(i, "the end after the dict"));
    }
    if let Some(stop) = &tokens.stop {
        return Err(stop.clone());
    }
    if !matches!(node.value, Value::Object(_)) {
        return Err(reader.fail(0, "a request is a dict ({ … })"));
    }
    let node = super::without_describe_only(node, left_out);
    let kept = |d: &Diagnostic| {
        let top = d.path.split('/').nth(1).unwrap_or("");
        !left_out
            .iter()
            .any(|k| crate::json::escape_pointer_token(k) == top)
    };
    diagnostics.extend(reader.hole_diagnostics().into_iter().filter(kept));
    Ok(node)
}

/// `text` with the prompts of an interactive Python session (`>>> `, `... `) blanked out,
/// when its first line that is not blank has one.
fn blank_repl_prompts(text: &str) -> String {
    if !text.trim_start().starts_with(">>>") {
        return text.to_string();
    }
    let mut ranges = Vec::new();
    for (at, line) in super::lines_at(text) {
        if line.starts_with(">>>") || line.starts_with("...") {
            ranges.push((at, at + 3));
        }
    }
    super::blank(text, &ranges)
}

/// Each `name = …` statement (also `name: type = …` and `a = b = …`): (name, token of the
/// value, token that starts the next statement, token that starts the statement).
fn assignments(t: &Tokens) -> Vec<(String, usize, usize, usize)> {
    let mut out = Vec::new();
    for i in 0..t.list.len() {
        if !t.list[i].statement || t.kind(i) != Kind::Name {
            continue;
        }
        let mut names = vec![i];
        let mut j = i + 1;
        if t.is_op(j, ":") {
            // An annotation runs to the `=` of the statement.
            while t.kind(j) != Kind::End && !t.list[j].statement && !t.is_op(j, "=") {
                j += 1;
            }
        }
        if !t.is_op(j, "=") {
            continue;
        }
        j += 1;
        while t.kind(j) == Kind::Name && t.is_op(j + 1, "=") {
            names.push(j);
            j += 2;
        }
        let mut end = j;
        while !t.list[end].statement {
            end += 1;
        }
        for n in names {
            out.push((t.text_of(n).to_string(), j, end, i));
        }
    }
    out
}

/// Each name a statement binds to a value the reader does not read: the targets of a `for`
/// loop, of an unpacking (`a, b = f()`, `(a, b) = …`, `*rest, last = …`) and of `with … as`,
/// and the names an `import` binds. (name, token after the binding — after the header's `:`
/// for `for` and `with`, else the next statement's —, token that starts the statement.) A
/// value used from one is a hole that quotes the statement, not "not set".
fn unvalued(t: &Tokens) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let count = t.list.len();
    let next_statement = |i: usize| {
        let mut j = i + 1;
        while j < count && !t.list[j].statement {
            j += 1;
        }
        j
    };
    // The token after `from`'s bracket, if `from` opens one, else the next.
    let step = |k: usize| {
        if t.is_op(k, "(") || t.is_op(k, "[") || t.is_op(k, "{") {
            t.after_brackets(k)
        } else {
            k + 1
        }
    };
    // The first top-level `:` from `from` on, or `end`.
    let colon_from = |from: usize, end: usize| {
        let mut k = from;
        while k < end && !t.is_op(k, ":") {
            k = step(k);
        }
        k
    };
    // The names a target list binds between `from` and `to`: a bare name, or one in a bare
    // `(…)`/`[…]` group; a name's attribute, item or call binds nothing (`row[i], ok = …`
    // binds `ok`, not `i`), so a bracket after a name, `]` or `)` is skipped whole.
    let targets = |from: usize, to: usize| {
        let mut found = Vec::new();
        let mut k = from;
        while k < to {
            let opens = t.is_op(k, "(") || t.is_op(k, "[");
            let follows = k > from
                && (t.kind(k - 1) == Kind::Name || t.is_op(k - 1, ")") || t.is_op(k - 1, "]"));
            if opens && follows {
                k = t.after_brackets(k);
                continue;
            }
            if t.kind(k) == Kind::Name
                && !(k > 0 && t.is_op(k - 1, "."))
                && !t.is_op(k + 1, ".")
                && !t.is_op(k + 1, "[")
                && !t.is_op(k + 1, "(")
            {
                found.push(k);
            }
            k += 1;
        }
        found
    };
    for i in 0..count {
        let opens_unpacking = t.is_op(i, "(") || t.is_op(i, "[") || t.is_op(i, "*");
        if !t.list[i].statement || !(t.kind(i) == Kind::Name || opens_unpacking) {
            continue;
        }
        let first = if t.text_of(i) == "async" { i + 1 } else { i };
        let end = next_statement(i);
        let word = if t.kind(first) == Kind::Name {
            t.text_of(first)
        } else {
            ""
        };
        match word {
            "for" => {
                // The targets run to the loop's `in`; the header to its `:`.
                let mut k = first + 1;
                while k < end && !(t.kind(k) == Kind::Name && t.text_of(k) == "in") {
                    k = step(k);
                }
                let after = (colon_from(k, end) + 1).min(end);
                for j in targets(first + 1, k) {
                    out.push((t.text_of(j).to_string(), after, i));
                }
            }
            "with" => {
                let colon = colon_from(first + 1, end);
                for j in first + 1..colon {
                    if t.kind(j) == Kind::Name && t.text_of(j) == "as" {
                        let to = step(j + 1);
                        for k in targets(j + 1, to) {
                            out.push((t.text_of(k).to_string(), (colon + 1).min(end), i));
                        }
                    }
                }
            }
            // `import a.b` binds a; `import a.b as c` and `from m import x as c` bind c.
            "import" | "from" => {
                let mut j = first + 1;
                if word == "from" {
                    while j < end && !(t.kind(j) == Kind::Name && t.text_of(j) == "import") {
                        j += 1;
                    }
                    j += 1;
                }
                // The entry pushed for the name being read, which its `as` replaces.
                let mut current: Option<usize> = None;
                let mut start_of_name = true;
                while j < end {
                    if t.is_op(j, ",") {
                        start_of_name = true;
                    } else if t.kind(j) == Kind::Name && t.text_of(j) == "as" {
                        if t.kind(j + 1) == Kind::Name {
                            let entry = (t.text_of(j + 1).to_string(), end, i);
                            match current.take() {
                                Some(at) => out[at] = entry,
                                None => out.push(entry),
                            }
                            j += 1;
                        }
                    } else if t.kind(j) == Kind::Name && start_of_name {
                        current = Some(out.len());
                        out.push((t.text_of(j).to_string(), end, i));
                        start_of_name = false;
                    }
                    j += 1;
                }
            }
            // Any other statement that starts with a keyword binds nothing here (a one-line
            // `if x: a, b = f()` has its body marked as a statement of its own).
            "if" | "elif" | "else" | "while" | "try" | "except" | "finally" | "def" | "class"
            | "return" | "yield" | "raise" | "assert" | "del" | "pass" | "break" | "continue"
            | "global" | "nonlocal" | "lambda" | "not" | "await" | "match" | "case" => {}
            _ => {
                // An unpacking: a `,` (or a bracket or `*` first) before the statement's first
                // top-level `=`, with no `:` before it (an annotation, a one-line compound).
                let mut k = i;
                let mut unpacks = opens_unpacking;
                while k < end && !t.is_op(k, "=") && !t.is_op(k, ":") {
                    if t.is_op(k, ",") {
                        unpacks = true;
                    }
                    k = step(k);
                }
                if unpacks && k < end && t.is_op(k, "=") {
                    for j in targets(i, k) {
                        out.push((t.text_of(j).to_string(), end, i));
                    }
                }
            }
        }
    }
    out
}

/// The keyword arguments given to `boto3.client(…)`, `boto3.Session(…)` or
/// `session.client(…)` before the call, as written (credentials by name only).
fn settings(t: &Tokens, call: usize, left_out: &mut Vec<String>) {
    for i in 0..call {
        if t.kind(i) != Kind::Name
            || !matches!(t.text_of(i), "client" | "Session" | "resource")
            || !t.is_op(i + 1, "(")
        {
            continue;
        }
        // One argument at a time, up to the call's `)`.
        let mut j = i + 2;
        while t.kind(j) != Kind::End && !t.is_op(j, ")") {
            let start = j;
            j = t.argument_end(j);
            if t.kind(start) == Kind::Name && t.is_op(start + 1, "=") {
                let name = t.text_of(start);
                let secret = matches!(
                    name,
                    "aws_access_key_id" | "aws_secret_access_key" | "aws_session_token"
                );
                let note = if secret || j <= start + 2 {
                    name.to_string()
                } else {
                    format!("{name}={}", &t.text[t.at(start + 2)..t.list[j - 1].end])
                };
                if !left_out.contains(&note) {
                    left_out.push(note);
                }
            }
            if t.is_op(j, ",") {
                j += 1;
            }
        }
    }
}

/// A warning about how a program was read, at its token `k` (a call it did not take, another
/// API's call beside it).
fn warning_at(tokens: &Tokens, k: usize, code: &'static str, message: String) -> Diagnostic {
    let span = Span {
        start: tokens.at(k),
        end: tokens.list[k].end,
    };
    finding(Severity::Warning, code, String::new(), message, span)
}
