//! `convert`'s answer, as plain Rust values (tested natively): what `automl-job convert --to
//! v1|v2 --format json` prints, with JavaScript's camelCase names.

use automl_rules::convert::{convert as convert_request, Moved};
use automl_rules::diag;
use automl_rules::export::{self, Target};
use automl_rules::json::{self, MAX_INPUT_BYTES};
use automl_rules::{check_node_for, Operation, Outcome};
use serde::Serialize;

use crate::report::{self, api_name, CheckReport, Source};

/// A member moved: its JSON Pointer in the request given and in the converted one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    pub from: String,
    pub to: String,
}

/// A member with no place in the target, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub pointer: String,
    pub why: String,
}

/// `convert`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConvertReport {
    /// The converted body as `automl-job convert` prints it; `lib.rs` also gives it parsed,
    /// as `request`.
    pub json: String,
    /// `"v1"` or `"v2"`: the API the request given was read as, and the one converted to.
    pub from: &'static str,
    pub to: &'static str,
    pub moved: Vec<Move>,
    pub left_out: Vec<LeftOut>,
    /// Members neither API has, carried to the corresponding place.
    pub unknown: Vec<Move>,
    /// The sentences `automl-job convert` prints on stderr.
    pub summary: Vec<String>,
    /// The converted body checked against the target; lines and columns refer to `json`.
    pub check: CheckReport,
}

fn moves(list: &[Moved]) -> Vec<Move> {
    list.iter()
        .map(|m| Move {
            from: m.from.clone(),
            to: m.to.clone(),
        })
        .collect()
}

/// Converts a request text to `to`, as `automl-job convert` does; `Err` with the command's
/// message for a text that is not JSON or a request that cannot be converted.
pub fn convert(text: &str, to: &'static Operation) -> Result<ConvertReport, String> {
    let request = json::parse(text).map_err(|err| format!("the request is not JSON: {err}"))?;
    let c = convert_request(&request, to);
    if let Some(refused) = c.refused {
        return Err(refused);
    }
    let body = export::render_for(to, &c.request, Target::Json);
    let check = if body.len() <= MAX_INPUT_BYTES {
        report::check(&body, Source::Text, Some(to))
    } else {
        // As the command: a body longer than the input once indented is checked as a request,
        // its findings without a line.
        let outcome = Outcome {
            diagnostics: check_node_for(to, &c.request),
            request: Some(c.request.clone()),
        };
        CheckReport {
            valid: outcome.is_valid(),
            api: api_name(to),
            diagnostics: report::findings(&outcome, "", Source::Object),
            service_response: diag::service_response(&outcome.diagnostics),
            cli_response: diag::cli_response(&outcome.diagnostics),
        }
    };
    Ok(ConvertReport {
        from: api_name(c.from),
        to: api_name(c.to),
        moved: moves(&c.moved),
        left_out: c
            .left_out
            .iter()
            .map(|l| LeftOut {
                pointer: l.pointer.clone(),
                why: l.why.clone(),
            })
            .collect(),
        unknown: moves(&c.unknown),
        summary: c.summary(),
        json: body,
        check,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use automl_rules::{CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};

    #[test]
    fn a_v1_request_goes_to_v2_with_what_moved() {
        let text = r#"{"AutoMLJobName":"j","InputDataConfig":[{"TargetAttributeName":"y"},{"TargetAttributeName":"z","ChannelType":"validation"}]}"#;
        let report = convert(text, &CREATE_AUTO_ML_JOB_V2).unwrap();
        assert_eq!((report.from, report.to), ("v1", "v2"));
        assert!(report
            .json
            .starts_with("{\n  \"AutoMLJobName\": \"j\",\n  \"AutoMLJobInputDataConfig\""));
        assert!(report.moved.contains(&Move {
            from: "/InputDataConfig".into(),
            to: "/AutoMLJobInputDataConfig".into()
        }));
        assert_eq!(
            report.left_out[0].pointer,
            "/InputDataConfig/1/TargetAttributeName"
        );
        assert!(!report.check.valid);
        assert_eq!(report.check.api, "v2");
        // The findings are placed in the converted body.
        let required = report
            .check
            .diagnostics
            .iter()
            .find(|d| d.code == "required" && d.path == "/RoleArn")
            .unwrap();
        assert_eq!((required.line, required.column), (Some(1), Some(1)));
        assert!(
            report.summary[0].starts_with("converted from CreateAutoMLJob to CreateAutoMLJobV2")
        );
    }

    #[test]
    fn a_body_longer_than_the_limit_once_indented_is_checked_as_a_request() {
        let tags = vec![r#"{"Key":"k","Value":"v"}"#; 120_000].join(",");
        let text = format!(r#"{{"AutoMLJobName":"j","Tags":[{tags}]}}"#);
        assert!(text.len() < MAX_INPUT_BYTES);
        let report = convert(&text, &CREATE_AUTO_ML_JOB_V2).unwrap();
        assert!(report.json.len() > MAX_INPUT_BYTES);
        assert!(!report.check.valid);
        let count = report
            .check
            .diagnostics
            .iter()
            .find(|d| d.code == "count" && d.path == "/Tags")
            .unwrap();
        assert_eq!((count.line, count.column), (None, None));
        assert!(!report
            .check
            .diagnostics
            .iter()
            .any(|d| d.code == "too-large"));
    }

    #[test]
    fn what_cannot_be_converted_is_an_error_with_the_reason() {
        let err = convert("{", &CREATE_AUTO_ML_JOB).unwrap_err();
        assert!(err.starts_with("the request is not JSON: "), "{err}");
        let err = convert(
            r#"{"AutoMLProblemTypeConfig":{"ImageClassificationJobConfig":{}}}"#,
            &CREATE_AUTO_ML_JOB,
        )
        .unwrap_err();
        assert!(err.contains("no place for image classification"), "{err}");
    }
}
