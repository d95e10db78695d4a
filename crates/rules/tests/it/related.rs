//! A documented rule's finding names the other members it is about (`Diagnostic::related`),
//! so the page can show it at each: a person may fix it at any of them.

use std::fs;

use crate::common::{fixtures_dir, names_on_disk, operation_for, BASE};
use automl_rules::{check_text, check_text_for};

/// The related members of the one finding with `code` in the request `BASE` + `extra`.
fn related(extra: &str, code: &str) -> Vec<String> {
    let outcome = check_text(&format!("{BASE},\n  {extra}\n}}"));
    let found: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{code} in {extra}: {:#?}",
        outcome.diagnostics
    );
    found[0].related.clone()
}

#[test]
fn cross_member_rules_name_the_other_member() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            r#""AutoMLJobConfig": {"CompletionCriteria": {"MaxRuntimePerTrainingJobInSeconds": 7200, "MaxAutoMLJobRuntimeInSeconds": 3600}}"#,
            "runtime-per-job-exceeds-total",
            &["/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds"],
        ),
        (
            r#""ProblemType": "Regression", "AutoMLJobObjective": {"MetricName": "F1"}"#,
            "metric-problem-type",
            &["/ProblemType"],
        ),
        (
            r#""AutoMLJobObjective": {"MetricName": "MSE"}"#,
            "objective-without-problem-type",
            &["/AutoMLJobObjective/MetricName"],
        ),
        (
            r#""ModelDeployConfig": {"AutoGenerateEndpointName": true, "EndpointName": "e"}"#,
            "endpoint-name",
            &["/ModelDeployConfig/AutoGenerateEndpointName"],
        ),
        (
            r#""AutoMLJobConfig": {"Mode": "AUTO", "CandidateGenerationConfig": {"AlgorithmsConfig": [{"AutoMLAlgorithms": ["xgboost"]}]}}"#,
            "algorithms-with-auto-mode",
            &["/AutoMLJobConfig/Mode"],
        ),
        (
            r#""GenerateCandidateDefinitionsOnly": true, "ModelDeployConfig": {"AutoGenerateEndpointName": true}"#,
            "deploy-without-training",
            &["/GenerateCandidateDefinitionsOnly"],
        ),
    ];
    for (extra, code, want) in cases {
        assert_eq!(related(extra, code), *want, "{code}");
    }
}

/// Every related member in every fixture is a member of the request, never the finding's
/// own, and the model's constraints (one member each) name none.
#[test]
fn related_members_are_members_of_the_request() {
    let mut seen = 0;
    for name in names_on_disk() {
        let text = fs::read_to_string(fixtures_dir().join(format!("{name}.json"))).unwrap();
        let op = operation_for(&name);
        for d in check_text_for(op, &text).diagnostics {
            let constraint = [
                "syntax", "required", "unknown", "type", "length", "pattern", "enum", "count",
                "range",
            ]
            .contains(&d.code);
            assert!(
                !constraint || d.related.is_empty(),
                "{name}: {} names {:?}",
                d.code,
                d.related
            );
            for p in &d.related {
                seen += 1;
                assert!(op.shape_at(p).is_some(), "{name}: {} names {p}", d.code);
                assert_ne!(p, &d.path, "{name}: {}", d.code);
            }
        }
    }
    assert!(seen > 5, "the fixtures exercise related members ({seen})");
}
