//! What the package answers, as plain Rust values with no JavaScript in them, so they are
//! tested natively and in the browser alike; `lib.rs` hands them to JavaScript through
//! `serde-wasm-bindgen`. The content is `automl-job check --format json`'s (see
//! `crates/cli/src/report.rs`), with JavaScript's camelCase names.

use automl_rules::check::locate;
use automl_rules::diag::{self, Diagnostic, Severity};
use automl_rules::export::{self, Target};
use automl_rules::import;
use automl_rules::json::{LineIndex, MAX_INPUT_BYTES};
use automl_rules::{check_text_as, Operation, Outcome, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};
use serde::Serialize;

/// The APIs a request can be checked against: `CreateAutoMLJob` and `CreateAutoMLJobV2`.
pub const APIS: [&str; 2] = ["v1", "v2"];

/// The package's name of the operation a request was checked as.
pub fn api_name(op: &Operation) -> &'static str {
    if op.name == CREATE_AUTO_ML_JOB_V2.name {
        "v2"
    } else {
        "v1"
    }
}

/// One finding: `automl-job check --format json`'s diagnostic.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub severity: &'static str,
    pub code: &'static str,
    pub path: String,
    pub message: String,
    pub service_message: Option<String>,
    pub cli_message: Option<String>,
    /// The other members a documented rule's finding is about; empty for the others (the
    /// command leaves the member out then).
    pub related: Vec<String>,
    /// 1-based line and column (in characters) in the text checked; `None` for a request
    /// given as an object, or a finding with no place in the text.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// `check`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub valid: bool,
    pub api: &'static str,
    pub diagnostics: Vec<Finding>,
    pub service_response: Option<String>,
    pub cli_response: Option<String>,
}

/// `importText`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// The JSON body `automl-job import` prints; `lib.rs` also gives it parsed, as `request`.
    pub json: String,
    /// The operation the text was read as (`"v1"`, `"v2"`), as `automl-job import` tells it:
    /// the command the text runs, the method it calls first, else the body's members.
    pub api: &'static str,
    /// What the text held that is not part of the request (`--region`, `region_name`,
    /// describe output's `AutoMLJobStatus`, …), as written.
    pub left_out: Vec<String>,
    /// The notes `automl-job import` prints about them, without its `note: `.
    pub notes: Vec<String>,
    /// The findings about the imported body; lines and columns refer to `json`.
    pub diagnostics: Vec<Finding>,
}

/// Where a request came from: a JSON text its findings point into, or a JavaScript object
/// (written out by `JSON.stringify`, a text the caller never saw).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Text,
    Object,
}

/// The operation named by `check`'s `api` option (`None`: told from the request's members, as
/// `automl-job check` does without `--api`), or the error that names the choices.
pub fn api(name: Option<&str>) -> Result<Option<&'static Operation>, String> {
    match name {
        None => Ok(None),
        Some("v1") => Ok(Some(&CREATE_AUTO_ML_JOB)),
        Some("v2") => Ok(Some(&CREATE_AUTO_ML_JOB_V2)),
        Some(name) => Err(format!("unknown api '{name}': use {}", APIS.join(" or "))),
    }
}

/// The export target called `name`, or the command's own error.
pub fn target(name: &str) -> Result<Target, String> {
    Target::from_name(name).ok_or_else(|| {
        format!(
            "unknown export target '{name}': use one of {}",
            target_names().join(", ")
        )
    })
}

pub fn target_names() -> Vec<&'static str> {
    Target::ALL.iter().map(|t| t.name()).collect()
}

/// The findings of `outcome`, placed in `text` when the caller gave that text.
pub fn findings(outcome: &Outcome, text: &str, source: Source) -> Vec<Finding> {
    let index = (source == Source::Text).then(|| LineIndex::new(text));
    outcome
        .diagnostics
        .iter()
        .map(|d| {
            let place = index.as_ref().and_then(|index| {
                let span = d.span.or_else(|| {
                    outcome
                        .request
                        .as_ref()
                        .and_then(|request| locate(request, &d.path))
                })?;
                Some(index.line_col(span.start))
            });
            Finding {
                severity: d.severity.as_str(),
                code: d.code,
                path: d.path.clone(),
                message: d.message.clone(),
                service_message: d.service_message.clone(),
                cli_message: d.cli_message.clone(),
                related: d.related.clone(),
                line: place.map(|(line, _)| line),
                column: place.map(|(_, column)| column),
            }
        })
        .collect()
}

/// Checks a request text, as `automl-job check --format json` does.
pub fn check(text: &str, source: Source, forced: Option<&'static Operation>) -> CheckReport {
    let (op, outcome) = check_text_as(forced, text);
    report(&outcome, text, source, api_name(op))
}

fn report(outcome: &Outcome, text: &str, source: Source, api: &'static str) -> CheckReport {
    CheckReport {
        // As the command: a text that is not JSON is never valid.
        valid: outcome.request.is_some() && outcome.is_valid(),
        api,
        diagnostics: findings(outcome, text, source),
        service_response: diag::service_response(&outcome.diagnostics),
        cli_response: diag::cli_response(&outcome.diagnostics),
    }
}

/// A text the command could not read (not whole Unicode characters, over the size limit):
/// `check`'s report says so as the command does, as one error with nothing checked.
pub fn unreadable(
    message: String,
    place: Option<(usize, usize)>,
    forced: Option<&'static Operation>,
) -> CheckReport {
    let api = api_name(forced.unwrap_or(&CREATE_AUTO_ML_JOB));
    let diagnostic = Diagnostic {
        severity: Severity::Error,
        code: "unreadable",
        path: String::new(),
        message,
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
    };
    let mut report = report(
        &Outcome {
            diagnostics: vec![diagnostic],
            request: None,
        },
        "",
        Source::Object,
        api,
    );
    for finding in &mut report.diagnostics {
        finding.line = place.map(|(line, _)| line);
        finding.column = place.map(|(_, column)| column);
    }
    report
}

/// The command's message for a text over [`MAX_INPUT_BYTES`] bytes of UTF-8.
pub fn too_large(bytes: usize) -> String {
    format!("the text is too large: {bytes} bytes, the limit is {MAX_INPUT_BYTES} bytes")
}

/// Where a JavaScript string holds its first lone surrogate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoneSurrogate {
    pub line: usize,
    pub column: usize,
    /// The index in the string, in UTF-16 code units (JavaScript's `text[index]`).
    pub index: usize,
}

impl LoneSurrogate {
    /// The first lone surrogate of a string given as UTF-16 code units, if any; the column
    /// counts characters, as every column of this package does.
    pub fn find(units: impl IntoIterator<Item = u16>) -> Option<LoneSurrogate> {
        let (mut line, mut column, mut index) = (1, 1, 0);
        for c in char::decode_utf16(units) {
            match c {
                Err(_) => {
                    return Some(LoneSurrogate {
                        line,
                        column,
                        index,
                    })
                }
                Ok('\n') => {
                    line += 1;
                    column = 1;
                    index += 1;
                }
                Ok(c) => {
                    column += 1;
                    index += c.len_utf16();
                }
            }
        }
        None
    }

    pub fn message(self) -> String {
        format!(
            "the text is not Unicode text: a lone UTF-16 surrogate at line {}, column {} (index {}), which no UTF-8 file can hold",
            self.line, self.column, self.index
        )
    }
}

/// Why `importText` refused a text: the command's message and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRefused {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Reads a pasted body, command or program, as `automl-job import` does (without `--api`:
/// the operation told from the text).
pub fn import_text(text: &str) -> Result<ImportReport, ImportRefused> {
    let (op, imported) = import::import_detect(text).map_err(|err| ImportRefused {
        message: format!(
            "cannot import the text: {} (line {}, column {})",
            err.message, err.line, err.column
        ),
        line: err.line,
        column: err.column,
    })?;
    // As the command: the request checked as read (holes first), each finding placed in the
    // pasted text, which the imported request's spans point into.
    let diagnostics = import::check_imported(op, &imported);
    let left_out = imported.left_out.clone();
    let request = imported.request;
    let mut notes = vec![import::read_as_note(op, false)];
    if let Some(first) = left_out.first() {
        notes.push(format!(
            "left out {}: they are {}, not part of the request",
            left_out.join(", "),
            import::left_out_kind_for(op, first)
        ));
    }
    if import::left_out_describe_output(&left_out) {
        notes.push(
            "AutoMLJobName is still the described job's: give the new job a name of its own"
                .to_string(),
        );
    }
    let json = export::json_body_for(op, &request);
    let outcome = Outcome {
        diagnostics,
        request: Some(request),
    };
    let diagnostics = findings(&outcome, text, Source::Text);
    Ok(ImportReport {
        json,
        api: api_name(op),
        left_out,
        notes,
        diagnostics,
    })
}

/// A request as `target`, exactly as `automl-job export --to TARGET` prints it (with its final
/// line break); a request the service would reject only with `allow_invalid`, as the command's
/// `--allow-invalid`; as a request of `forced` (`--api`), else of the operation told from the
/// request's members (or the imported text).
pub fn export_as(
    text: &str,
    target: Target,
    allow_invalid: bool,
    forced: Option<&'static Operation>,
) -> Result<String, String> {
    let (mut op, mut outcome) = check_text_as(forced, text);
    // As the command: a command, a program or a notebook is exported as imported, its holes
    // errors.
    let notebook = outcome
        .request
        .as_ref()
        .is_some_and(|r| r.get("nbformat").is_some() && r.get("cells").is_some());
    if outcome.request.is_none() || notebook {
        let imported = match forced {
            Some(forced) => import::import_full(forced, text).map(|i| (forced, i)),
            None => import::import_detect(text),
        };
        if let Ok((read_as, imported)) = imported {
            op = read_as;
            outcome = Outcome {
                diagnostics: import::check_imported(op, &imported),
                request: Some(imported.request),
            };
        }
    }
    let Some(request) = outcome.request.as_ref() else {
        // Not JSON: the command prints this one finding and exits.
        return Err(outcome
            .diagnostics
            .first()
            .map_or_else(|| "not valid JSON".to_string(), |d| d.message.clone()));
    };
    if !allow_invalid && !outcome.is_valid() {
        let (errors, _) = diag::counts(&outcome.diagnostics);
        let first = outcome
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .map_or("", |d| d.message.as_str());
        return Err(format!(
            "not exporting a request the service would reject ({errors} error{}, the first: {first}); fix the errors, or pass {{ allowInvalid: true }}",
            if errors == 1 { "" } else { "s" }
        ));
    }
    let mut out = export::render_for(op, request, target);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"{
  "AutoMLJobName": "churn",
  "InputDataConfig": [{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}, "TargetAttributeName": "y"}],
  "OutputDataConfig": {"S3OutputPath": "s3://bucket/out/"},
  "RoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole"
}"#;

    #[test]
    fn a_text_is_placed_and_an_object_is_not() {
        let text = VALID.replace("\"churn\"", "\"my_job\"");
        let report = check(&text, Source::Text, None);
        assert!(!report.valid);
        let finding = &report.diagnostics[0];
        assert_eq!(
            (finding.code, finding.path.as_str()),
            ("pattern", "/AutoMLJobName")
        );
        assert_eq!((finding.line, finding.column), (Some(2), Some(20)));
        assert!(report
            .service_response
            .as_deref()
            .is_some_and(|s| s.starts_with("1 validation error detected: ")));
        let unplaced = check(&text, Source::Object, None);
        assert_eq!(
            (unplaced.diagnostics[0].line, unplaced.diagnostics[0].column),
            (None, None)
        );
    }

    #[test]
    fn a_missing_member_is_placed_at_its_parent() {
        let report = check("{\n  \"RoleArn\": 5\n}", Source::Text, None);
        let required = report
            .diagnostics
            .iter()
            .find(|d| d.path == "/AutoMLJobName")
            .expect("AutoMLJobName is required");
        assert_eq!((required.line, required.column), (Some(1), Some(1)));
        assert!(report.cli_response.is_some());
    }

    #[test]
    fn not_json_is_one_syntax_error_and_not_valid() {
        let report = check("{\"a\": }", Source::Text, None);
        assert!(!report.valid);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, "syntax");
        assert_eq!(report.diagnostics[0].line, Some(1));
    }

    #[test]
    fn the_apis_are_v1_and_v2_else_told_from_the_members() {
        assert!(matches!(api(None), Ok(None)));
        assert_eq!(api(Some("v1")).map(|op| op.map(api_name)), Ok(Some("v1")));
        assert_eq!(api(Some("v2")).map(|op| op.map(api_name)), Ok(Some("v2")));
        assert_eq!(
            api(Some("v3")).err().as_deref(),
            Some("unknown api 'v3': use v1 or v2")
        );
        let v2 = r#"{"AutoMLProblemTypeConfig": {}}"#;
        assert_eq!(check(v2, Source::Text, None).api, "v2");
        assert_eq!(check(v2, Source::Text, Some(&CREATE_AUTO_ML_JOB)).api, "v1");
        assert_eq!(check("{}", Source::Text, None).api, "v1");
    }

    #[test]
    fn an_unknown_target_names_every_target() {
        assert_eq!(
            target("yaml").err().as_deref(),
            Some("unknown export target 'yaml': use one of json, cli, cli-input-json, powershell, cmd, boto3")
        );
        assert_eq!(target("boto3"), Ok(Target::Boto3));
    }

    #[test]
    fn an_invalid_request_is_exported_only_when_allowed() {
        let text = VALID.replace("\"churn\"", "\"my_job\"");
        let refused = export_as(&text, Target::Json, false, None).unwrap_err();
        assert!(
            refused.starts_with("not exporting a request the service would reject (1 error, the first: AutoMLJobName may contain only"),
            "{refused}"
        );
        let body = export_as(&text, Target::Json, true, None).unwrap();
        assert!(body.contains("\"my_job\"") && body.ends_with('\n'));
        let cli = export_as(VALID, Target::Cli, false, None).unwrap();
        assert!(cli.starts_with("aws sagemaker create-auto-ml-job") && cli.ends_with('\n'));
        let syntax = export_as("{", Target::Json, true, None).unwrap_err();
        assert!(syntax.starts_with("not valid JSON: "), "{syntax}");
    }

    #[test]
    fn import_notes_what_it_left_out() {
        let command = "aws sagemaker create-auto-ml-job --region eu-west-1 --auto-ml-job-name churn \\\n  --role-arn arn:aws:iam::123456789012:role/r";
        let report = import_text(command).unwrap();
        assert_eq!(report.left_out, ["--region eu-west-1"]);
        assert_eq!(report.api, "v1");
        assert_eq!(
            report.notes,
            [
                "read as a CreateAutoMLJob request (told from the text; --api v1|v2 chooses)",
                "left out --region eu-west-1: they are the AWS CLI's own options, not part of the request"
            ]
        );
        assert!(report.json.contains("\"AutoMLJobName\": \"churn\""));
        assert!(report
            .diagnostics
            .iter()
            .any(|d| d.code == "required" && d.line.is_some()));
        // A variable never set is a hole at the member it feeds, placed in the text given.
        let holed = import_text("aws sagemaker create-auto-ml-job --role-arn $ROLE").unwrap();
        assert_eq!(holed.diagnostics[0].code, "runtime-value");
        assert_eq!(holed.diagnostics[0].path, "/RoleArn");
        assert_eq!(holed.diagnostics[0].column, Some(45));
        let refused =
            import_text("aws sagemaker create-auto-ml-job --role-arn \"unclosed").unwrap_err();
        assert!(refused.message.starts_with("cannot import the text: "));
        assert_eq!(refused.line, 1);
    }

    #[test]
    fn v2_is_imported_and_exported_as_v2() {
        let command = "aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name ts \\\n  --auto-ml-problem-type-config 'TimeSeriesForecastingJobConfig={ForecastFrequency=1D,ForecastHorizon=7}'";
        let report = import_text(command).unwrap();
        assert_eq!(report.api, "v2");
        assert_eq!(
            report.notes[0],
            "read as a CreateAutoMLJobV2 request (told from the text; --api v1|v2 chooses)"
        );
        // The body is in V2's model order: the problem type before a later member.
        assert!(
            report.json.contains("\"ForecastHorizon\": 7"),
            "{}",
            report.json
        );
        let program = export_as(&report.json, Target::Boto3, true, None).unwrap();
        assert!(
            program.contains("client.create_auto_ml_job_v2(\n"),
            "{program}"
        );
        let bare = r#"{"AutoMLJobName": "j"}"#;
        let cli = export_as(bare, Target::Cli, true, Some(&CREATE_AUTO_ML_JOB_V2)).unwrap();
        assert!(
            cli.starts_with("aws sagemaker create-auto-ml-job-v2 \\\n"),
            "{cli}"
        );
        let cli = export_as(command, Target::CliInputJson, true, None).unwrap();
        assert!(
            cli.starts_with("aws sagemaker create-auto-ml-job-v2 \\\n"),
            "{cli}"
        );
    }

    #[test]
    fn a_lone_surrogate_is_found_by_line_column_and_index() {
        let units: Vec<u16> = "{\n \"é😀".encode_utf16().chain([0xD800, 0x41]).collect();
        let found = LoneSurrogate::find(units).unwrap();
        assert_eq!(
            found,
            LoneSurrogate {
                line: 2,
                column: 5,
                index: 7
            }
        );
        assert_eq!(LoneSurrogate::find("😀\n".encode_utf16()), None);
        let report = unreadable(found.message(), Some((found.line, found.column)), None);
        assert!(!report.valid);
        assert_eq!(report.diagnostics[0].code, "unreadable");
        assert_eq!(report.diagnostics[0].line, Some(2));
    }
}
