//! `automl-job`: checks, exports and imports SageMaker `CreateAutoMLJob` requests.
//!
//! A thin edge over `automl-rules`: it reads files, prints what the library finds and turns
//! the result into an exit code: 0 when every input is valid, 1 when any has an error, 2 when
//! an input cannot be read or is not JSON, or the command line is wrong. A closed pipe is
//! normal, not an error.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use automl_rules::diag::{self, Diagnostic};
use automl_rules::export;
use automl_rules::import;
use automl_rules::json::{self, Node};
use automl_rules::{Operation, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};
use clap::Parser;

use crate::args::{Api, CheckArgs, Cli, Command, ExportArgs, Format, ImportArgs};

mod args;
mod convert;
mod preflight;
mod report;
mod s3;

/// What went wrong running a command, past its command line.
enum Trouble {
    /// Standard output was closed (e.g. piped into `head`): stop quietly.
    ClosedPipe,
    Io(io::Error),
}

impl From<io::Error> for Trouble {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Trouble::ClosedPipe
        } else {
            Trouble::Io(err)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Wrong usage: the message and a usage line on stderr, exit 2. `--help` and
            // `--version`: standard output, exit 0. Printing into a closed pipe is no error.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let outcome = match cli.command {
        Command::Check(args) => check_command(args),
        Command::Export(args) => export_command(args),
        Command::Import(args) => import_command(args),
        Command::Preflight(args) => preflight::command(args).map_err(Trouble::from),
        Command::Convert(args) => convert::command(args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Trouble::ClosedPipe) => ExitCode::SUCCESS,
        Err(Trouble::Io(err)) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

/// An input's name for messages and its text, or why it could not be read.
struct Input {
    name: String,
    text: Result<String, String>,
}

/// Reads `path`, standard input for `-`.
fn read_input(path: &Path) -> Input {
    let name = display_name(path);
    let bytes = if is_stdin(path) {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    let text = match bytes {
        Err(err) => Err(format!("cannot read {name}: {}", io_reason(&err))),
        Ok(bytes) if bytes.len() > json::MAX_INPUT_BYTES => Err(format!(
            "{name} is too large: {} bytes, the limit is {} bytes",
            bytes.len(),
            json::MAX_INPUT_BYTES
        )),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(err) => {
                let at = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&err.into_bytes()[..at]).into_owned();
                let (line, column) = json::line_col(&text, at);
                Err(format!(
                    "{name} is not UTF-8 text: invalid byte at line {line}, column {column} (byte offset {at}); save it as UTF-8"
                ))
            }
        },
    };
    Input { name, text }
}

/// `-` stands for standard input, as in most commands.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// An input's name in messages: `<stdin>`, or the path with any byte that is not UTF-8 shown
/// as U+FFFD.
fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.to_string_lossy().into_owned()
    }
}

fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = err.to_string();
            text.split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase()
        }
    }
}

/// The outcome of checking one input.
pub struct Checked {
    pub name: String,
    /// The text the spans point into, when it could be read.
    pub text: Option<String>,
    pub request: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
    /// True when the input could not be read or is not JSON.
    pub unreadable: bool,
    /// The operation the request was checked as, and whether `--api` chose it (else it was
    /// told from the body's members).
    pub api: Option<(&'static Operation, bool)>,
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        !self.unreadable && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Checks an input as a request of `forced`, or of the operation its members tell
/// (`automl_rules::detect`).
fn check_input_as(input: Input, forced: Option<&'static Operation>) -> Checked {
    match input.text {
        Err(message) => Checked {
            name: input.name,
            text: None,
            request: None,
            diagnostics: vec![Diagnostic {
                severity: diag::Severity::Error,
                code: "unreadable",
                path: String::new(),
                message,
                service_message: None,
                cli_message: None,
                span: None,
                service_clause: None,
                related: Vec::new(),
            }],
            unreadable: true,
            api: None,
        },
        Ok(text) => {
            let (op, outcome) = automl_rules::check_text_as(forced, &text);
            Checked {
                name: input.name,
                unreadable: outcome.request.is_none(),
                api: outcome.request.as_ref().map(|_| (op, forced.is_some())),
                text: Some(text),
                request: outcome.request,
                diagnostics: outcome.diagnostics,
            }
        }
    }
}

/// The operation `--api` names, if given.
fn forced_api(api: Option<Api>) -> Option<&'static Operation> {
    match api {
        None => None,
        Some(Api::V1) => Some(&CREATE_AUTO_ML_JOB),
        Some(Api::V2) => Some(&CREATE_AUTO_ML_JOB_V2),
    }
}

/// Imports `text` as a request of `forced`, or of the operation the text tells
/// (`import::import_detect`).
fn import_as(
    forced: Option<&'static Operation>,
    text: &str,
) -> Result<(&'static Operation, import::Imported), import::ImportError> {
    match forced {
        Some(op) => import::import_full(op, text).map(|imported| (op, imported)),
        None => import::import_detect(text),
    }
}

fn check_command(args: CheckArgs) -> Result<u8, Trouble> {
    let json_format = args.format == Format::Json;
    let forced = forced_api(args.api);
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    let mut status = 0u8;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        let checked = check_input_as(read_input(file), forced);
        if checked.unreadable {
            status = 2;
        } else if !checked.is_valid() {
            status = status.max(1);
        }
        if json_format {
            writeln!(out, "{}", report::json_line(&checked))?;
        } else {
            write!(out, "{}", report::human(&checked))?;
            if let Some(help) = import_help(&checked) {
                writeln!(
                    out,
                    "help: {help}: `automl-job import {}` reads the request in it",
                    file.to_string_lossy()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(status)
}

/// When `check` was given what `import` reads but the checker does not take as it is (a
/// command line, a boto3 program or notebook, describe output), what it is, for a hint.
fn import_help(checked: &Checked) -> Option<&'static str> {
    let text = checked.text.as_deref()?;
    let imports = || {
        import::import_detect(text)
            .ok()
            .filter(|(_, imported)| imported.holes().next().is_none())
            .map(|(_, imported)| (imported.request, imported.left_out))
    };
    if checked.unreadable {
        let first = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        return if first.starts_with("aws ") || first.starts_with("$ aws") {
            Some("this is an AWS CLI command, not a JSON body")
        } else if text.contains("create_auto_ml_job") {
            Some("this is a boto3 program, not a JSON body")
        } else {
            imports().map(|_| "this is not a JSON body")
        };
    }
    if text.contains("\"nbformat\"") && text.contains("create_auto_ml_job") {
        return Some("this is a Jupyter notebook, not a request");
    }
    let (_, left_out) = imports()?;
    import::left_out_describe_output(&left_out)
        .then_some("this is describe-auto-ml-job output, not a request")
}

/// Reads the one input of `export` and `import`: standard input when no file is given.
fn single_input(file: Option<&Path>) -> Input {
    read_input(file.unwrap_or(Path::new("-")))
}

fn export_command(args: ExportArgs) -> Result<u8, Trouble> {
    let target = args.to.0;
    let forced = forced_api(args.api);
    let mut checked = check_input_as(single_input(args.file.as_deref()), forced);
    // A command, a program or a notebook: exported as imported, its holes errors.
    let notebook = checked
        .request
        .as_ref()
        .is_some_and(|r| r.get("nbformat").is_some() && r.get("cells").is_some());
    if checked.unreadable || notebook {
        if let Some(text) = checked.text.clone() {
            if let Ok((op, imported)) = import_as(forced, &text) {
                checked = imported_checked(checked.name, text, op, forced.is_some(), imported);
            }
        }
    }
    let op = checked.api.map_or(&CREATE_AUTO_ML_JOB, |(op, _)| op);
    let Some(request) = checked.request.as_ref() else {
        eprint!("{}", report::human(&checked));
        return Ok(2);
    };
    let valid = checked.is_valid();
    if !checked.diagnostics.is_empty() && (!valid || args.allow_invalid) {
        eprint!("{}", report::human(&checked));
    }
    if !valid && !args.allow_invalid {
        eprintln!(
            "error: not exporting a request the service would reject; fix the errors above, or pass --allow-invalid"
        );
        return Ok(1);
    }
    let mut text = export::render_for(op, request, target);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    io::stdout().lock().write_all(text.as_bytes())?;
    // With --allow-invalid the export is what was asked for: success.
    Ok(0)
}

fn import_command(args: ImportArgs) -> Result<u8, Trouble> {
    let input = single_input(args.file.as_deref());
    let name = input.name.clone();
    let text = match input.text {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(2);
        }
    };
    let forced = forced_api(args.api);
    let (op, imported) = match import_as(forced, &text) {
        Ok(found) => found,
        Err(err) => {
            eprintln!(
                "error: cannot import {name}: {}\n  --> {name}:{}:{}",
                err.message, err.line, err.column
            );
            return Ok(2);
        }
    };
    let left_out = imported.left_out.clone();
    // The request is checked as read, not as its body re-read: the findings point into the
    // input, and the body, longer than the input once indented, is never held to the
    // input's size limit.
    let mut checked = imported_checked(name, text, op, forced.is_some(), imported);
    let mut out = io::stdout().lock();
    if args.format == Format::Json {
        writeln!(out, "{}", report::import_json(&checked, &left_out))?;
    } else {
        eprintln!("note: {}", import::read_as_note(op, forced.is_some()));
        if let Some(first) = left_out.first() {
            eprintln!(
                "note: left out {}: they are {}, not part of the request",
                left_out.join(", "),
                import::left_out_kind_for(op, first)
            );
        }
        if import::left_out_describe_output(&left_out) {
            eprintln!("note: AutoMLJobName is still the described job's: give the new job a name of its own");
        }
        if !checked.diagnostics.is_empty() {
            // The operation is named once, by the note above.
            checked.api = None;
            eprint!("{}", report::human(&checked));
        }
        let body = checked
            .request
            .as_ref()
            .map(|request| export::json_body_for(op, request))
            .unwrap_or_default();
        out.write_all(body.as_bytes())?;
        if !body.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(if checked.is_valid() { 0 } else { 1 })
}

/// An imported request of `op` checked: the import's own findings (holes first) and the
/// checker's, each placed in the imported `text` (the spans of an imported request point
/// into it). `forced`: `--api` chose the operation.
fn imported_checked(
    name: String,
    text: String,
    op: &'static Operation,
    forced: bool,
    imported: import::Imported,
) -> Checked {
    let diagnostics = import::check_imported(op, &imported);
    Checked {
        name,
        text: Some(text),
        request: Some(imported.request),
        diagnostics,
        unreadable: false,
        api: Some((op, forced)),
    }
}
