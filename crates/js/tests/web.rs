//! The package's functions in headless Chromium, called as JavaScript calls them (plain
//! values in, plain values or a thrown `Error` out): every fixture of `crates/rules` gives,
//! through the boundary, the findings the native library gives, with their lines and
//! columns; objects are read as `JSON.stringify` writes them; bad arguments are `Error`s.
//! `wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver crates/js`
//! (scripts/test-js.sh). The built package is held to the `automl-job` command by
//! `tests/js/*.test.mjs` at the workspace root.
#![cfg(target_arch = "wasm32")]

use automl_job_rules_js::{check, convert_to, export_as, import_text};
use automl_rules::check::locate;
use automl_rules::json::line_col;
use automl_rules::{check_text_as, diag};
use js_sys::{Object, Reflect, JSON};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../../rules/tests/fixture_index.rs"]
mod fixture_index;

/// `Diagnostic` as JavaScript sees it; unknown members fail the test.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Finding {
    severity: String,
    code: String,
    path: String,
    message: String,
    service_message: Option<String>,
    cli_message: Option<String>,
    related: Vec<String>,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Checked {
    valid: bool,
    api: String,
    diagnostics: Vec<Finding>,
    service_response: Option<String>,
    cli_response: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Imported {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    request: JsValue,
    json: String,
    api: String,
    left_out: Vec<String>,
    notes: Vec<String>,
    diagnostics: Vec<Finding>,
}

fn checked(value: JsValue) -> Checked {
    serde_wasm_bindgen::from_value(value).expect("check's answer has CheckResult's shape")
}

/// What the native library finds in `text`, in the package's shape, placed in the text as
/// `automl-job check --format json` places it.
/// The native checker's findings, the operation told from the members as `check` does when
/// no `api` is given.
fn native(text: &str, placed: bool) -> Vec<Finding> {
    let (_, outcome) = check_text_as(None, text);
    outcome
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.span.or_else(|| {
                outcome
                    .request
                    .as_ref()
                    .and_then(|request| locate(request, &d.path))
            });
            let place = span.filter(|_| placed).map(|s| line_col(text, s.start));
            Finding {
                severity: d.severity.as_str().to_string(),
                code: d.code.to_string(),
                path: d.path.clone(),
                message: d.message.clone(),
                service_message: d.service_message.clone(),
                cli_message: d.cli_message.clone(),
                related: d.related.clone(),
                line: place.map(|p| p.0),
                column: place.map(|p| p.1),
            }
        })
        .collect()
}

/// The message of what a call threw.
fn thrown(result: Result<impl std::fmt::Debug, JsValue>) -> String {
    let err = result.expect_err("the call throws");
    let err = err
        .dyn_ref::<js_sys::Error>()
        .expect("what is thrown is an Error");
    String::from(err.message())
}

fn options(json: &str) -> JsValue {
    JSON::parse(json).expect("test options are JSON")
}

#[wasm_bindgen_test]
fn every_fixture_crosses_the_boundary_with_every_finding_in_its_place() {
    assert!(fixture_index::CASES.len() >= 50);
    for (name, text, _) in fixture_index::CASES {
        let answer = checked(check(JsValue::from_str(text), JsValue::UNDEFINED).unwrap());
        let (op, outcome) = check_text_as(None, text);
        let v2 = op.name == automl_rules::CREATE_AUTO_ML_JOB_V2.name;
        assert_eq!(answer.api, if v2 { "v2" } else { "v1" }, "{name}");
        assert_eq!(
            answer.valid,
            outcome.request.is_some() && outcome.is_valid(),
            "{name}"
        );
        assert_eq!(answer.diagnostics, native(text, true), "{name}");
        assert_eq!(
            answer.service_response,
            diag::service_response(&outcome.diagnostics),
            "{name}"
        );
        assert_eq!(
            answer.cli_response,
            diag::cli_response(&outcome.diagnostics),
            "{name}"
        );
    }
}

#[wasm_bindgen_test]
fn an_object_is_read_as_json_stringify_writes_it_and_has_no_places() {
    for (name, text, _) in fixture_index::CASES {
        let Ok(object) = JSON::parse(text) else {
            continue;
        };
        let written = String::from(JSON::stringify(&object).unwrap());
        let answer = checked(check(object, options("{}")).unwrap());
        assert_eq!(answer.diagnostics, native(&written, false), "{name}");
    }
}

#[wasm_bindgen_test]
fn bad_arguments_are_errors_with_the_commands_words() {
    let request = JsValue::from_str("{}");
    assert_eq!(
        thrown(check(request.clone(), options(r#"{"api": "v3"}"#))),
        "unknown api 'v3': use v1 or v2"
    );
    assert_eq!(
        thrown(check(request.clone(), options(r#"{"API": "v1"}"#))),
        "unknown option 'API': check takes api"
    );
    assert_eq!(
        thrown(check(request.clone(), JsValue::from_str("v1"))),
        "check's options must be an object, such as { api: \"v1\" }"
    );
    assert_eq!(
        thrown(check(JsValue::UNDEFINED, JsValue::UNDEFINED)),
        "check needs a request: a JSON text or an object"
    );
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    assert!(thrown(check(cyclic.into(), JsValue::UNDEFINED))
        .starts_with("the request cannot be written as JSON: "));
    assert_eq!(
        thrown(export_as(request.clone(), "yaml".into(), JsValue::UNDEFINED)),
        "unknown export target 'yaml': use one of json, cli, cli-input-json, powershell, cmd, boto3"
    );
    assert_eq!(
        thrown(export_as(
            request.clone(),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED
        )),
        "exportAs needs a target, one of: json, cli, cli-input-json, powershell, cmd, boto3"
    );
    assert_eq!(
        thrown(export_as(
            request.clone(),
            "json".into(),
            options(r#"{"allowInvalid": "yes"}"#)
        )),
        "allowInvalid must be true or false"
    );
    assert!(
        thrown(export_as(request, "json".into(), JsValue::UNDEFINED))
            .starts_with("not exporting a request the service would reject (")
    );
    assert!(thrown(import_text(JsValue::from_f64(5.0))).starts_with("importText needs a text"));
    // A shell variable never set is a hole (imported); a quote never closed is refused.
    let err = import_text("aws sagemaker create-auto-ml-job \\\n  --role-arn \"unclosed".into())
        .expect_err("a quote never closed is refused");
    assert_eq!(Reflect::get(&err, &"line".into()).unwrap(), 2.0);
    assert!(Reflect::get(&err, &"column".into()).unwrap().as_f64() > Some(1.0));
}

#[wasm_bindgen_test]
fn a_lone_surrogate_is_unreadable_where_it_is() {
    // "{\n\"\uD800\"}" as JavaScript holds it: no Rust string can.
    let text = js_sys::JsString::from_char_code(&[0x7B, 0x0A, 0x22, 0xD800, 0x22, 0x7D]);
    let answer = checked(check(text.clone().into(), JsValue::UNDEFINED).unwrap());
    assert!(!answer.valid);
    assert_eq!(answer.diagnostics.len(), 1);
    assert_eq!(answer.diagnostics[0].code, "unreadable");
    assert_eq!(
        (answer.diagnostics[0].line, answer.diagnostics[0].column),
        (Some(2), Some(2))
    );
    assert!(thrown(import_text(text.into())).starts_with("the text is not Unicode text"));
}

#[wasm_bindgen_test]
fn every_valid_fixture_exported_in_each_form_imports_back() {
    let targets = [
        "json",
        "cli",
        "cli-input-json",
        "powershell",
        "cmd",
        "boto3",
    ];
    for (name, text, _) in fixture_index::CASES {
        if !name.starts_with("valid-") && !name.starts_with("v2-valid-") {
            continue;
        }
        let api = if name.starts_with("v2-") { "v2" } else { "v1" };
        let body = export_as(JsValue::from_str(text), "json".into(), JsValue::UNDEFINED).unwrap();
        for target in targets {
            let exported =
                export_as(JsValue::from_str(text), target.into(), JsValue::UNDEFINED).unwrap();
            let imported: Imported =
                serde_wasm_bindgen::from_value(import_text(exported.into()).unwrap()).unwrap();
            assert_eq!(imported.json, body, "{name} as {target}");
            assert!(imported.left_out.is_empty(), "{name} as {target}");
            // The one note names the operation it was read as: the one exported.
            assert_eq!(imported.api, api, "{name} as {target}");
            assert_eq!(imported.notes.len(), 1, "{name} as {target}");
            assert_eq!(imported.diagnostics, native(&body, true), "{name}");
            let again = String::from(JSON::stringify(&imported.request).unwrap());
            assert_eq!(
                export_as(imported.request, "json".into(), JsValue::UNDEFINED).unwrap(),
                body,
                "{name}: {again}"
            );
        }
    }
}

/// `convert`'s answer as JavaScript sees it; unknown members fail the test.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Converted {
    #[serde(with = "serde_wasm_bindgen::preserve")]
    request: JsValue,
    json: String,
    from: String,
    to: String,
    moved: Vec<Pointers>,
    left_out: Vec<Why>,
    unknown: Vec<Pointers>,
    summary: Vec<String>,
    check: Checked,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pointers {
    from: String,
    to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Why {
    pointer: String,
    why: String,
}

#[wasm_bindgen_test]
fn convert_crosses_the_boundary_both_ways() {
    let text = r#"{"AutoMLJobName":"j","InputDataConfig":[{"TargetAttributeName":"y"},{"TargetAttributeName":"z"}],"roleArn":"r"}"#;
    let answer: Converted =
        serde_wasm_bindgen::from_value(convert_to(text.into(), "v2".into()).unwrap()).unwrap();
    assert_eq!((answer.from.as_str(), answer.to.as_str()), ("v1", "v2"));
    assert_eq!(String::from(JSON::stringify(&answer.request).unwrap()), {
        let parsed = automl_rules::json::parse(&answer.json).unwrap();
        automl_rules::json::to_compact(&parsed)
    });
    assert!(answer.moved.contains(&Pointers {
        from: "/InputDataConfig".into(),
        to: "/AutoMLJobInputDataConfig".into()
    }));
    assert_eq!(
        answer.left_out[0].pointer,
        "/InputDataConfig/1/TargetAttributeName"
    );
    assert!(answer.left_out[0].why.contains("\"z\""));
    assert_eq!(answer.unknown[0].from, "/roleArn");
    assert!(answer.summary[0].starts_with("converted from CreateAutoMLJob"));
    assert_eq!(answer.check.api, "v2");
    assert!(!answer.check.valid);
    // Back to V1 from the object.
    let back: Converted =
        serde_wasm_bindgen::from_value(convert_to(answer.request, "v1".into()).unwrap()).unwrap();
    assert_eq!(back.to, "v1");
    assert!(thrown(convert_to(text.into(), "v3".into())).starts_with("convert needs the API"));
    assert!(thrown(convert_to(
        r#"{"AutoMLProblemTypeConfig":{"TextClassificationJobConfig":{}}}"#.into(),
        "v1".into()
    ))
    .contains("no place for text classification"));
}
