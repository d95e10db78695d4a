//! `automl-job`: checks, exports and imports SageMaker `CreateAutoMLJob` requests.
//!
//! A thin edge over `automl-rules`: it reads files, prints what the library finds and turns
//! the result into an exit code: 0 when every input is valid, 1 when any has an error, 2 when
//! an input cannot be read or is not JSON, or the command line is wrong. A closed pipe is
//! normal, not an error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use automl_rules::diag::{self, Diagnostic};
use automl_rules::export::{self, Target};
use automl_rules::json::{self, Node};
use automl_rules::{check, import};

mod report;

const USAGE: &str = "\
automl-job: check, export and import SageMaker CreateAutoMLJob requests

usage:
  automl-job check [FILE...|-] [--format human|json]
  automl-job export --to TARGET [FILE|-] [--allow-invalid]
  automl-job import [FILE|-]
  automl-job --help | --version

check    reports every error and warning in each request (JSON); standard input when no
         FILE or '-' is given. --format json prints one JSON object per input per line.
export   prints the request as TARGET: json, cli, cli-input-json, powershell, cmd, boto3.
         An invalid request is refused (diagnostics on stderr, exit 1) unless --allow-invalid,
         which prints the export anyway (diagnostics still on stderr, exit 0).
import   reads a JSON body, a pasted `aws sagemaker create-auto-ml-job ...` command or a
         boto3 program's create_auto_ml_job(...) call, and prints the JSON body; its
         diagnostics go to stderr.

exit status: 0 valid, 1 a request has errors, 2 an input cannot be read or is not JSON, or
the command line is wrong";

/// What went wrong running the command itself.
enum Trouble {
    Usage(String),
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Trouble::ClosedPipe) => ExitCode::SUCCESS,
        Err(Trouble::Usage(message)) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Trouble::Io(err)) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Trouble> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Trouble::Usage("no command given".to_string()));
    };
    match command.as_str() {
        "check" => check_command(rest),
        "export" => export_command(rest),
        "import" => import_command(rest),
        "-h" | "--help" | "help" => {
            writeln!(io::stdout(), "{USAGE}")?;
            Ok(0)
        }
        "-V" | "--version" => {
            writeln!(io::stdout(), "automl-job {}", env!("CARGO_PKG_VERSION"))?;
            Ok(0)
        }
        other => Err(Trouble::Usage(format!("unknown command '{other}'"))),
    }
}

/// Options common to the commands: input files and `--name value` pairs.
struct Parsed {
    files: Vec<String>,
    format: Option<String>,
    to: Option<String>,
    allow_invalid: bool,
}

fn parse_args(args: &[String], allowed: &[&str]) -> Result<Parsed, Trouble> {
    let mut parsed = Parsed {
        files: Vec::new(),
        format: None,
        to: None,
        allow_invalid: false,
    };
    let mut iter = args.iter();
    let mut only_files = false;
    while let Some(arg) = iter.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            parsed.files.push(arg.clone());
            continue;
        }
        if arg == "--" {
            only_files = true;
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        if !allowed.contains(&name) {
            return Err(Trouble::Usage(format!("unknown option '{name}'")));
        }
        let mut value = || -> Result<String, Trouble> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => iter
                    .next()
                    .cloned()
                    .ok_or_else(|| Trouble::Usage(format!("{name} needs a value"))),
            }
        };
        match name {
            "--format" => parsed.format = Some(value()?),
            "--to" => parsed.to = Some(value()?),
            "--allow-invalid" => parsed.allow_invalid = true,
            _ => return Err(Trouble::Usage(format!("unknown option '{name}'"))),
        }
    }
    Ok(parsed)
}

/// An input's name for messages and its text, or why it could not be read.
struct Input {
    name: String,
    text: Result<String, String>,
}

fn read_input(name: &str) -> Input {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(name)
    };
    let text = match bytes {
        Err(err) => Err(format!(
            "cannot read {}: {}",
            display_name(name),
            io_reason(&err)
        )),
        Ok(bytes) if bytes.len() > json::MAX_INPUT_BYTES => Err(format!(
            "{} is too large: {} bytes, the limit is {} bytes",
            display_name(name),
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
                    "{} is not UTF-8 text: invalid byte at line {line}, column {column} (byte offset {at}); save it as UTF-8",
                    display_name(name)
                ))
            }
        },
    };
    Input {
        name: display_name(name),
        text,
    }
}

fn display_name(name: &str) -> String {
    if name == "-" {
        "<stdin>".to_string()
    } else {
        name.to_string()
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
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        !self.unreadable && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

fn check_input(input: Input) -> Checked {
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
        },
        Ok(text) => {
            let outcome = check::check_text(&text);
            Checked {
                name: input.name,
                unreadable: outcome.request.is_none(),
                text: Some(text),
                request: outcome.request,
                diagnostics: outcome.diagnostics,
            }
        }
    }
}

fn check_command(args: &[String]) -> Result<u8, Trouble> {
    let parsed = parse_args(args, &["--format"])?;
    let json_format = match parsed.format.as_deref() {
        None | Some("human") => false,
        Some("json") => true,
        Some(other) => {
            return Err(Trouble::Usage(format!(
                "unknown format '{other}': use human or json"
            )))
        }
    };
    let files = if parsed.files.is_empty() {
        vec!["-".to_string()]
    } else {
        parsed.files
    };
    let mut status = 0u8;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        let checked = check_input(read_input(file));
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
                    "help: {help}: `automl-job import {file}` reads the request in it"
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
    let imports = || import::import_noting(text).ok();
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

/// Reads one input for `export` and `import`; an unreadable one is reported on stderr.
fn single_input(files: &[String]) -> Result<Input, Trouble> {
    match files {
        [] => Ok(read_input("-")),
        [one] => Ok(read_input(one)),
        _ => Err(Trouble::Usage(
            "give one input file (or - for standard input)".to_string(),
        )),
    }
}

fn export_command(args: &[String]) -> Result<u8, Trouble> {
    let parsed = parse_args(args, &["--to", "--allow-invalid"])?;
    let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    let Some(to) = parsed.to.as_deref() else {
        return Err(Trouble::Usage(format!(
            "export needs --to TARGET, one of: {}",
            names.join(", ")
        )));
    };
    let Some(target) = Target::from_name(to) else {
        return Err(Trouble::Usage(format!(
            "unknown export target '{to}': use one of {}",
            names.join(", ")
        )));
    };
    let checked = check_input(single_input(&parsed.files)?);
    let Some(request) = checked.request.as_ref() else {
        eprint!("{}", report::human(&checked));
        return Ok(2);
    };
    let valid = checked.is_valid();
    if !checked.diagnostics.is_empty() && (!valid || parsed.allow_invalid) {
        eprint!("{}", report::human(&checked));
    }
    if !valid && !parsed.allow_invalid {
        eprintln!(
            "error: not exporting a request the service would reject; fix the errors above, or pass --allow-invalid"
        );
        return Ok(1);
    }
    let mut text = export::render(request, target);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    io::stdout().lock().write_all(text.as_bytes())?;
    // With --allow-invalid the export is what was asked for: success.
    Ok(0)
}

fn import_command(args: &[String]) -> Result<u8, Trouble> {
    let parsed = parse_args(args, &[])?;
    let input = single_input(&parsed.files)?;
    let name = input.name.clone();
    let text = match input.text {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(2);
        }
    };
    let request = match import::import_noting(&text) {
        Ok((request, left_out)) => {
            if let Some(first) = left_out.first() {
                eprintln!(
                    "note: left out {}: they are {}, not part of the request",
                    left_out.join(", "),
                    import::left_out_kind(first)
                );
            }
            if import::left_out_describe_output(&left_out) {
                eprintln!("note: AutoMLJobName is still the described job's: give the new job a name of its own");
            }
            request
        }
        Err(err) => {
            eprintln!(
                "error: cannot import {name}: {}\n  --> {name}:{}:{}",
                err.message, err.line, err.column
            );
            return Ok(2);
        }
    };
    let body = export::json_body(&request);
    let checked = check_input(Input {
        name,
        text: Ok(body.clone()),
    });
    if !checked.diagnostics.is_empty() {
        eprint!("{}", report::human(&checked));
    }
    let mut out = io::stdout().lock();
    out.write_all(body.as_bytes())?;
    if !body.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(if checked.is_valid() { 0 } else { 1 })
}
