//! Regression tests for the wording of plain messages and help found in a new-user review:
//! every warning names its member first, as the errors do, and the help agrees with the rules.

use crate::common::{fixtures_dir, names_on_disk, operation_for, BASE};
use automl_rules::model;
use automl_rules::Severity;
use automl_rules::{check_text, check_text_for, Operation, CREATE_AUTO_ML_JOB};

/// Requests for warnings that no fixture raises.
fn extra_requests() -> Vec<String> {
    [
        r#""AutoMLJobConfig": {"Mode": "ENSEMBLING", "CandidateGenerationConfig": {"AlgorithmsConfig": [{"AutoMLAlgorithms": []}]}}"#,
        r#""AutoMLJobConfig": {"Mode": "ENSEMBLING", "CandidateGenerationConfig": {"AlgorithmsConfig": [{"AutoMLAlgorithms": ["xgboost", "xgboost"]}]}}"#,
        r#""AutoMLJobConfig": {"DataSplitConfig": {"ValidationFraction": 0.5}}"#,
    ]
    .iter()
    .map(|extra| format!("{BASE},\n  {extra}\n}}"))
    .collect()
}

/// Warnings from the walker over the model, which name a key or a value, not a member.
const WALKER_WARNINGS: [&str; 2] = ["duplicate", "lone-surrogate"];

#[test]
fn every_rule_warning_starts_with_the_member_it_is_about() {
    // Each fixture as the operation its name says (V2's rules have warnings of their own).
    let mut texts: Vec<(&Operation, String)> = names_on_disk()
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(fixtures_dir().join(format!("{name}.json")));
            (operation_for(name), text.unwrap())
        })
        .collect();
    texts.extend(
        extra_requests()
            .into_iter()
            .map(|t| (&CREATE_AUTO_ML_JOB, t)),
    );
    let mut seen = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (op, text) in &texts {
        for d in check_text_for(op, text).diagnostics {
            if d.severity != Severity::Warning || WALKER_WARNINGS.contains(&d.code) {
                continue;
            }
            seen.insert(d.code);
            let first: String = d
                .message
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if first.is_empty() || !d.path.split('/').any(|token| token == first) {
                failures.push(format!("{} at {}: {}", d.code, d.path, d.message));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for code in [
        "channel-without-data-source",
        "validation-fraction-large",
        "sample-weight-auto-mode",
        "algorithms-empty",
        "algorithm-duplicate",
        "objective-without-problem-type",
        "runtime-per-job-exceeds-total",
        "deploy-without-training",
        "vpc-duplicate-id",
        "s3-bucket-name",
        "forecast-quantile-duplicate",
        "time-series-column-twice",
        "holiday-country-code",
        "objective-text-generation",
        "compute-canvas-only",
    ] {
        assert!(seen.contains(code), "no request raised {code}");
    }
}

/// An objective without a ProblemType is only a warning (the rule
/// `objective_without_problem_type`), so the help must not say it has to be unset.
#[test]
fn problem_type_help_agrees_with_the_objective_rule() {
    let help = model::member_at("/ProblemType").unwrap().help;
    assert!(!help.contains("must be unset"), "{help}");
    assert!(!help.contains('\n'));
    let text = format!("{BASE},\n  \"AutoMLJobObjective\": {{\"MetricName\": \"AUC\"}}\n}}");
    let outcome = check_text(&text);
    assert!(outcome.is_valid(), "{:?}", outcome.diagnostics);
}

/// A quote character is named, not quoted in quotes (`'''` was hard to read).
#[test]
fn quote_characters_are_named() {
    let outcome = check_text(&format!(
        "{BASE},\n  \"Tags\": [{{\"Key\": \"it's\", \"Value\": \"say \\\"hi\\\"\"}}]\n}}"
    ));
    let messages: Vec<&str> = outcome
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("(character 3 is an apostrophe ('))")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("(character 5 is a double quote (\"))")),
        "{messages:#?}"
    );
}

/// A pasted S3 location with a trailing space is valid for the model but warned about at
/// its own member (a leading space is already a pattern error there, and only that is said).
#[test]
fn an_s3_location_with_a_trailing_space_is_warned_about() {
    let request = BASE.replace("churn/train/\"", "churn/train/ \"") + "\n}";
    let outcome = check_text(&request);
    let found: Vec<(&str, &str)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code, d.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "white-space-edge",
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri"
        )]
    );
}

/// A bucket name no bucket can have is warned about at the member that holds it, read
/// without the white space a paste left at an end (that is the white-space warning's), and
/// not on top of the pattern error of a location the model already refuses; an `https://`
/// location is left alone.
#[test]
fn a_bucket_name_no_bucket_can_have_is_warned_about_once() {
    let found = |path: &str| -> Vec<&'static str> {
        let request = BASE.replace("s3://my-bucket/churn/output/", path) + "\n}";
        check_text(&request)
            .diagnostics
            .into_iter()
            .inspect(|d| assert_eq!(d.path, "/OutputDataConfig/S3OutputPath"))
            .map(|d| d.code)
            .collect()
    };
    assert_eq!(
        found("s3://My-Bucket/churn/output/ "),
        ["white-space-edge", "s3-bucket-name"]
    );
    assert_eq!(found("s3://my-bucket/churn/output/ "), ["white-space-edge"]);
    assert_eq!(found("s3://my bucket/churn/output/"), ["s3-bucket-name"]);
    assert_eq!(found(" s3://b/churn/output/"), ["pattern"]);
    assert_eq!(found("https://b/churn/output/"), Vec::<&str>::new());
}
