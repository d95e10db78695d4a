//! The rules of `automl-rules` as a WebAssembly package for JavaScript (`automl-job-rules`,
//! built by `scripts/build-js.sh`): a thin edge, like the page and the command, over the same
//! library, giving the same answers as `automl-job check --format json`, `import` and `export`.
//!
//! - `check(request, {api})`: every finding, as plain objects (`report::CheckReport`).
//! - `importText(text)`: the request in a pasted JSON body, AWS CLI command or boto3 program.
//! - `exportAs(request, target, {allowInvalid})`: the request as a JSON body, an AWS CLI
//!   command, a PowerShell or cmd.exe script or a boto3 program.
//! - `convert(request, to)`: the request moved to the other API (`convert::ConvertReport`).
//!
//! A request is a JSON text (findings then carry its line and column) or a JavaScript object,
//! read as `JSON.stringify` writes it (as an SDK would send it). Values cross the boundary
//! through `serde-wasm-bindgen` (`Serializer::json_compatible()`, so `None` is `null` and
//! maps are objects); failures are thrown as `Error` objects with the command's message. No
//! JavaScript input is unwrapped: whatever a caller passes gets an answer or an `Error`.
//! The TypeScript shapes below are written out here (wasm-bindgen would say `any` for serde
//! values); `tests/js/types.test.mjs` checks `tests/js/example.ts` against them with `tsc
//! --noEmit --strict` and their members against the values the functions return.

use js_sys::{Array, JsString, Object, Reflect, JSON};
use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use automl_rules::json::MAX_INPUT_BYTES;

pub mod convert;
pub mod report;

use report::{ImportReport, LoneSurrogate, Source};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** `"error"`: the AWS CLI or the service rejects it; `"warning"`: accepted, but very likely not what was meant. */
export type Severity = "error" | "warning";

/** The API a request is checked against: `"v1"` is `CreateAutoMLJob`, `"v2"` is
 * `CreateAutoMLJobV2`. */
export type Api = "v1" | "v2";

/** What `exportAs` writes: the JSON body, an AWS CLI command (one option per member, or `--cli-input-json`), a PowerShell or cmd.exe script, a boto3 program. */
export type ExportTarget = "json" | "cli" | "cli-input-json" | "powershell" | "cmd" | "boto3";

/** A `CreateAutoMLJob` request body. */
export type JobRequest = { [member: string]: unknown };

/** One finding: `automl-job check --format json`'s diagnostic. */
export interface Diagnostic {
  severity: Severity;
  /** Stable code: `required`, `unknown`, `type`, `length`, `pattern`, `enum`, `count`, `range`, `syntax`, … or a documented rule's (`metric-problem-type`, …). */
  code: string;
  /** JSON Pointer (RFC 6901) of the member at fault, or of the missing one; `""` for the whole text. */
  path: string;
  /** What is wrong and what would be accepted, in plain English. */
  message: string;
  /** The service's `ValidationException` text for this finding alone (the AWS CLI's, for what it refuses before sending); `null` for warnings. */
  serviceMessage: string | null;
  /** The AWS CLI's own line, when it refuses this before sending. */
  cliMessage: string | null;
  /** The other members a documented rule's finding is about (`["/ProblemType"]`); empty for the others. */
  related: string[];
  /** 1-based line and column (in characters) in the text checked; `null` for a request given as an object. */
  line: number | null;
  column: number | null;
}

/** What `check` answers. */
export interface CheckResult {
  /** True when the service would accept the request (warnings allowed). */
  valid: boolean;
  api: Api;
  diagnostics: Diagnostic[];
  /** The whole message the service would answer, or `null` when it would accept it. */
  serviceResponse: string | null;
  /** What `aws` prints when it refuses the request before sending it, or `null`. */
  cliResponse: string | null;
}

export interface CheckOptions {
  /** `"v1"` (`CreateAutoMLJob`) or `"v2"` (`CreateAutoMLJobV2`); when left out, told from
   * the request's members as `automl-job check` does without `--api`. */
  api?: Api;
}

/** What `importText` answers. */
export interface ImportResult {
  /** The request read from the text (`JSON.parse(json)`). */
  request: JobRequest;
  /** The JSON body, exactly as `automl-job import` prints it. */
  json: string;
  /** The operation the text was read as: the command it runs (`create-auto-ml-job-v2`), the
   * method it calls first (`create_auto_ml_job_v2(…)`), else the body's members. */
  api: Api;
  /** What the text held that is not part of the request (`--region eu-west-1`, `region_name`, `AutoMLJobStatus`, …). */
  leftOut: string[];
  /** The notes `automl-job import` prints about them. */
  notes: string[];
  /** The findings about the request as read, holes (`runtime-value`) first; lines and
   * columns refer to the text given, as `automl-job import --format json` places them. */
  diagnostics: Diagnostic[];
}

/** The `Error` `importText` throws for a text it cannot read, with where. */
export interface ImportError extends Error {
  line: number;
  column: number;
}

/** A member moved by `convert`: its JSON Pointer in the request given and in the result. */
export interface Moved {
  from: string;
  to: string;
}

/** A member `convert` found no place for in the target, and why, in plain words. */
export interface LeftOut {
  pointer: string;
  why: string;
}

/** What `convert` answers: `automl-job convert --format json`'s object. */
export interface ConvertResult {
  /** The converted request (`JSON.parse(json)`). */
  request: JobRequest;
  /** The converted JSON body, exactly as `automl-job convert` prints it. */
  json: string;
  /** The API the request given was read as (told from its members), and the one converted to. */
  from: Api;
  to: Api;
  /** Members whose place changed. */
  moved: Moved[];
  /** Members with no place in the target: never dropped silently. */
  leftOut: LeftOut[];
  /** Members neither API has (a misspelt name), carried to the corresponding place. */
  unknown: Moved[];
  /** The sentences a person reads about the conversion. */
  summary: string[];
  /** The converted request checked against the target; lines and columns refer to `json`. */
  check: CheckResult;
}

export interface ExportOptions {
  /** Export a request the service would reject (`automl-job export --allow-invalid`). */
  allowInvalid?: boolean;
  /** The operation to send (`automl-job export --api`): `"v1"` runs `create-auto-ml-job`,
   * `"v2"` `create-auto-ml-job-v2`; when left out, told from the request's members (or the
   * command or call of an imported text). */
  api?: Api;
}
"#;

/// Every finding about a request: `automl-job check --format json`'s answer, with
/// JavaScript's names. `request` is a JSON text (findings carry its line and column) or an
/// object (read as `JSON.stringify` writes it). Throws for an unknown `api` or option, or an
/// object `JSON.stringify` cannot write.
#[wasm_bindgen(js_name = check, unchecked_return_type = "CheckResult")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "object | string")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let mut api = None;
    for (name, value) in read_options(&options, "check", &["api"], "{ api: \"v1\" }")? {
        if name == "api" && !value.is_undefined() {
            let name = value.as_string().ok_or_else(|| {
                error(&format!(
                    "api must be a string: use {}",
                    report::APIS.join(" or ")
                ))
            })?;
            api = Some(name);
        }
    }
    let api = report::api(api.as_deref()).map_err(|message| error(&message))?;
    let checked = match read_request(&request, "check")? {
        Read::Text(text, source) => report::check(&text, source, api),
        Read::Unreadable { message, place } => report::unreadable(message, place, api),
    };
    to_js(&checked)
}

/// The request in a pasted JSON body, `aws sagemaker create-auto-ml-job` command (with the
/// shell variables set before it), PowerShell or cmd.exe script, boto3 program, notebook or
/// `describe-auto-ml-job` output, as `automl-job import` reads it. Throws an `Error` with
/// `line` and `column` for a text it cannot read.
#[wasm_bindgen(js_name = importText, unchecked_return_type = "ImportResult")]
pub fn import_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let Some(given) = text.dyn_ref::<JsString>() else {
        return Err(error(
            "importText needs a text: a JSON body, an AWS CLI command or a boto3 program, as a string",
        ));
    };
    let text = match read_text(given, Source::Text) {
        Read::Text(text, _) => text,
        Read::Unreadable { message, place } => {
            let err = error(&message);
            if let Some((line, column)) = place {
                place_error(&err, line, column);
            }
            return Err(err);
        }
    };
    let imported = report::import_text(&text).map_err(|refused| {
        let err = error(&refused.message);
        place_error(&err, refused.line, refused.column);
        err
    })?;
    let request = JSON::parse(&imported.json)?;
    to_js(&Imported {
        request,
        report: &imported,
    })
}

/// The request as `target` (`json`, `cli`, `cli-input-json`, `powershell`, `cmd`, `boto3`),
/// exactly as `automl-job export --to TARGET` prints it. A request the service would reject
/// is refused (an `Error`) unless `allowInvalid` is true, as the command's `--allow-invalid`;
/// `api` chooses the operation as the command's `--api` does.
#[wasm_bindgen(js_name = exportAs)]
pub fn export_as(
    #[wasm_bindgen(unchecked_param_type = "object | string")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExportTarget")] target: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let Some(name) = target.as_string() else {
        return Err(error(&format!(
            "exportAs needs a target, one of: {}",
            report::target_names().join(", ")
        )));
    };
    let target = report::target(&name).map_err(|message| error(&message))?;
    let mut allow_invalid = false;
    let mut api = None;
    for (name, value) in read_options(
        &options,
        "exportAs",
        &["allowInvalid", "api"],
        "{ allowInvalid: true }",
    )? {
        if name == "allowInvalid" && !value.is_undefined() {
            allow_invalid = value
                .as_bool()
                .ok_or_else(|| error("allowInvalid must be true or false"))?;
        }
        if name == "api" && !value.is_undefined() {
            api = Some(value.as_string().ok_or_else(|| {
                error(&format!(
                    "api must be a string: use {}",
                    report::APIS.join(" or ")
                ))
            })?);
        }
    }
    let api = report::api(api.as_deref()).map_err(|message| error(&message))?;
    match read_request(&request, "exportAs")? {
        Read::Text(text, _) => {
            report::export_as(&text, target, allow_invalid, api).map_err(|message| error(&message))
        }
        Read::Unreadable { message, .. } => Err(error(&message)),
    }
}

/// The request moved to the other API (`to` is `"v1"` or `"v2"`), as `automl-job convert --to
/// TO --format json` answers: what moved, what was left out and why, and the result checked.
/// Throws for a request that is not JSON or cannot be converted (a V2 problem type other than
/// tabular to `"v1"`), with the command's message.
#[wasm_bindgen(js_name = convert, unchecked_return_type = "ConvertResult")]
pub fn convert_to(
    #[wasm_bindgen(unchecked_param_type = "object | string")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Api")] to: JsValue,
) -> Result<JsValue, JsValue> {
    let name = to.as_string();
    let to = match report::api(name.as_deref()) {
        Ok(Some(op)) => op,
        _ => {
            return Err(error(&format!(
                "convert needs the API to convert to: {}",
                report::APIS.join(" or ")
            )))
        }
    };
    let text = match read_request(&request, "convert")? {
        Read::Text(text, _) => text,
        Read::Unreadable { message, .. } => return Err(error(&message)),
    };
    let converted = convert::convert(&text, to).map_err(|message| error(&message))?;
    let request = JSON::parse(&converted.json)?;
    to_js(&Converted {
        request,
        report: &converted,
    })
}

/// `convert`'s answer: the request as a JavaScript object, then the report's members.
#[derive(Serialize)]
struct Converted<'a> {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    request: JsValue,
    #[serde(flatten)]
    report: &'a convert::ConvertReport,
}

/// `importText`'s answer: the request as a JavaScript object, then the report's members.
#[derive(Serialize)]
struct Imported<'a> {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    request: JsValue,
    #[serde(flatten)]
    report: &'a ImportReport,
}

/// A request or text as read from JavaScript: its text, or why the command would not read it.
enum Read {
    Text(String, Source),
    Unreadable {
        message: String,
        place: Option<(usize, usize)>,
    },
}

/// A request given as a JSON text or as an object (written out by `JSON.stringify`).
fn read_request(request: &JsValue, function: &str) -> Result<Read, JsValue> {
    if let Some(text) = request.dyn_ref::<JsString>() {
        return Ok(read_text(text, Source::Text));
    }
    let written = JSON::stringify(request).map_err(|thrown| {
        let reason = thrown
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "JSON.stringify refused it".to_string());
        error(&format!("the request cannot be written as JSON: {reason}"))
    })?;
    // `JSON.stringify` gives undefined for undefined, a function or a symbol.
    if !written.is_string() {
        return Err(error(&format!(
            "{function} needs a request: a JSON text or an object"
        )));
    }
    Ok(read_text(&written, Source::Object))
}

/// A JavaScript string as the command reads a file: at most `MAX_INPUT_BYTES` bytes of UTF-8,
/// whole Unicode characters only. A longer one is measured a piece at a time, never copied
/// into the module whole.
fn read_text(text: &JsString, source: Source) -> Read {
    // UTF-8 takes at least one byte per UTF-16 code unit.
    if text.length() as usize > MAX_INPUT_BYTES {
        return Read::Unreadable {
            message: report::too_large(utf8_len(text)),
            place: None,
        };
    }
    let copied = String::from(text);
    if copied.len() > MAX_INPUT_BYTES {
        return Read::Unreadable {
            message: report::too_large(copied.len()),
            place: None,
        };
    }
    // A lone surrogate arrives as U+FFFD; only then is the string read unit by unit.
    if copied.contains('\u{FFFD}') {
        if let Some(lone) = LoneSurrogate::find(text.iter()) {
            return Read::Unreadable {
                message: lone.message(),
                place: Some((lone.line, lone.column)),
            };
        }
    }
    Read::Text(copied, source)
}

/// The bytes of a string in UTF-8 (a lone surrogate counted as U+FFFD), copied in 1 MiB
/// pieces that never split a surrogate pair.
fn utf8_len(text: &JsString) -> usize {
    const PIECE: u32 = 1 << 20;
    let units = text.length();
    let (mut start, mut bytes) = (0, 0);
    while start < units {
        let mut end = units.min(start + PIECE);
        if end < units && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end += 1;
        }
        bytes += String::from(text.slice(start, end)).len();
        start = end;
    }
    bytes
}

/// The own enumerable members of an options argument (`undefined` and `null` have none),
/// each checked against the names `function` takes.
fn read_options(
    options: &JsValue,
    function: &str,
    known: &[&str],
    example: &str,
) -> Result<Vec<(String, JsValue)>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Vec::new());
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(error(&format!(
            "{function}'s options must be an object, such as {example}"
        )));
    }
    let mut read = Vec::new();
    for key in Object::keys(options.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        if !known.contains(&name.as_str()) {
            return Err(error(&format!(
                "unknown option '{name}': {function} takes {}",
                known.join(", ")
            )));
        }
        read.push((name, Reflect::get(options, &key)?));
    }
    Ok(read)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(JsValue::from)
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Gives a thrown `Error` the `line` and `column` it is about.
fn place_error(err: &JsValue, line: usize, column: usize) {
    // Setting a member of a fresh Error cannot fail; if it did, the message still says where.
    let _ = Reflect::set(err, &"line".into(), &(line as f64).into());
    let _ = Reflect::set(err, &"column".into(), &(column as f64).into());
}
