//! Which operation a request body is for, told from its members: a `CreateAutoMLJobV2` body
//! has `AutoMLJobInputDataConfig` or `AutoMLProblemTypeConfig` (both required there, unknown
//! in `CreateAutoMLJob`); anything else is read as `CreateAutoMLJob`. A body holding members
//! only one API has and members only the other has is a mix, and is told so.

use crate::check::{check_text_for, Outcome};
use crate::diag::{Diagnostic, Severity};
use crate::json::{self, Node};
use crate::model::{V1_ONLY, V2_ONLY};
use crate::operation::{Operation, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};

/// The members that make a body a `CreateAutoMLJobV2` request.
const V2_MARKERS: [&str; 2] = ["AutoMLJobInputDataConfig", "AutoMLProblemTypeConfig"];

/// The operation a parsed request body is for: V2 when it has one of [`V2_MARKERS`], V1
/// otherwise (also for a body that is not an object).
pub fn detect(request: &Node) -> &'static Operation {
    if is_v2_body(request) {
        &CREATE_AUTO_ML_JOB_V2
    } else {
        &CREATE_AUTO_ML_JOB
    }
}

/// Whether [`detect`] tells `request` a `CreateAutoMLJobV2` body, without naming the
/// operation: a caller that needs only the answer does not keep V2's tables (the page loads
/// them on demand).
pub fn is_v2_body(request: &Node) -> bool {
    V2_MARKERS.iter().any(|m| request.get(m).is_some())
}

/// A warning when `request` has members only `CreateAutoMLJob` has and members only
/// `CreateAutoMLJobV2` has, naming both and the operation it was checked as.
pub fn mixed(request: &Node, checked_as: &Operation) -> Option<Diagnostic> {
    let present = |names: &mut dyn Iterator<Item = &'static str>| -> Vec<&'static str> {
        names.filter(|m| request.get(m).is_some()).collect()
    };
    let v1 = present(&mut V1_ONLY.iter().copied());
    let v2 = present(&mut V2_ONLY.iter().map(|(name, _)| *name));
    if v1.is_empty() || v2.is_empty() {
        return None;
    }
    Some(Diagnostic {
        severity: Severity::Warning,
        code: "mixed-api",
        path: String::new(),
        message: format!(
            "this body mixes members of CreateAutoMLJob ({}) with members of CreateAutoMLJobV2 ({}); it is checked as {}: move every setting to one API",
            v1.join(", "),
            v2.join(", "),
            checked_as.name
        ),
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
    })
}

/// Checks `text` as a request of `forced`, or of the operation [`detect`] tells from its
/// members (V1 when it is not JSON), and adds the [`mixed`] warning; returns the operation
/// it was checked as.
pub fn check_text_as(
    forced: Option<&'static Operation>,
    text: &str,
) -> (&'static Operation, Outcome) {
    let parsed = json::parse(text).ok();
    let op = forced.unwrap_or_else(|| parsed.as_ref().map_or(&CREATE_AUTO_ML_JOB, detect));
    let mut outcome = check_text_for(op, text);
    if let Some(d) = parsed.as_ref().and_then(|node| mixed(node, op)) {
        outcome.diagnostics.push(d);
    }
    (op, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_members_tell_the_operation() {
        let op = |text: &str| detect(&json::parse(text).unwrap()).name;
        assert_eq!(op(r#"{"AutoMLJobName":"a"}"#), "CreateAutoMLJob");
        assert_eq!(op(r#"{"InputDataConfig":[]}"#), "CreateAutoMLJob");
        assert_eq!(op(r#"{"AutoMLProblemTypeConfig":{}}"#), "CreateAutoMLJobV2");
        assert_eq!(
            op(r#"{"AutoMLJobInputDataConfig":[]}"#),
            "CreateAutoMLJobV2"
        );
        assert_eq!(op("[1]"), "CreateAutoMLJob");
        let (op, _) = check_text_as(None, "not json");
        assert_eq!(op.name, "CreateAutoMLJob");
    }

    #[test]
    fn a_mix_is_told() {
        let text = r#"{"InputDataConfig":[],"AutoMLProblemTypeConfig":{}}"#;
        let (op, outcome) = check_text_as(None, text);
        assert_eq!(op.name, "CreateAutoMLJobV2");
        let mix: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.code == "mixed-api")
            .collect();
        assert_eq!(mix.len(), 1);
        assert!(mix[0].message.contains("(InputDataConfig)"));
        assert!(mix[0].message.contains("(AutoMLProblemTypeConfig)"));
        let (op, outcome) = check_text_as(Some(&CREATE_AUTO_ML_JOB), text);
        assert_eq!(op.name, "CreateAutoMLJob");
        assert!(outcome.diagnostics.iter().any(|d| d.code == "mixed-api"));
        let (_, outcome) = check_text_as(None, r#"{"SecurityConfig":{},"AutoMLJobName":"a"}"#);
        assert!(!outcome.diagnostics.iter().any(|d| d.code == "mixed-api"));
    }
}
