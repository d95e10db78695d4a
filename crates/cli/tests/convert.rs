//! `automl-job convert --to v1|v2`: the built binary prints the converted body on stdout, what
//! moved and was left out and the target's findings on stderr (or one JSON object), and exits
//! 0 valid, 1 findings, 2 unreadable or not convertible.

mod common;

use automl_rules::json::{self, Node};
use common::{fixture, run};

#[test]
fn a_v1_request_goes_to_v2_and_back_as_it_was() {
    let path = fixture("valid-every-member.json");
    let (code, v2, stderr) = run(&["convert", "--to", "v2", &path], "");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(v2.starts_with(
        "{\n  \"AutoMLJobName\": \"churn-full-1\",\n  \"AutoMLJobInputDataConfig\": ["
    ));
    assert!(
        stderr.starts_with("note: converted from CreateAutoMLJob to CreateAutoMLJobV2: 12 moved"),
        "{stderr}"
    );
    assert!(stderr.contains("  = moved /AutoMLJobConfig/SecurityConfig to /SecurityConfig\n"));
    assert!(stderr.contains("as CreateAutoMLJobV2: is valid (0 errors, 0 warnings)"));
    let (code, v1, stderr) = run(&["convert", "--to", "v1", "-"], &v2);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(v1, std::fs::read_to_string(&path).unwrap());
    // Already V1: unchanged, and said so.
    let (code, same, stderr) = run(&["convert", "--to=v1", &path], "");
    assert_eq!(code, Some(0));
    assert_eq!(same, v1);
    assert!(stderr.starts_with(
        "note: the request is already a CreateAutoMLJob request: nothing to convert\n"
    ));
}

#[test]
fn what_has_no_place_is_named_and_the_result_checked() {
    // The two channels name different targets: V2 has one, the other is named.
    let (code, stdout, stderr) = run(
        &["convert", "--to", "v2", &fixture("channels-mismatch.json")],
        "",
    );
    assert!(stdout.contains("\"TargetAttributeName\": \"y\""));
    assert!(!stdout.contains("label"));
    assert!(
        stderr.contains("  = left out /InputDataConfig/1/TargetAttributeName: CreateAutoMLJobV2 has one place for it"),
        "{stderr}"
    );
    // The converted request is checked against V2 (its content types still differ).
    let errors = code == Some(1);
    assert_eq!(errors, stderr.contains("would be rejected"), "{stderr}");
    // A misspelt member is carried, named, and found by the check where it went.
    let (code, _, stderr) = run(
        &[
            "convert",
            "--to",
            "v2",
            &fixture("unknown-nested-member.json"),
        ],
        "",
    );
    assert_eq!(code, Some(1));
    assert!(stderr.contains(
        "  = carried /OutputDataConfig/Path to /OutputDataConfig/Path: neither API has this member"
    ));
    assert!(stderr.contains("error[unknown]"), "{stderr}");
}

#[test]
fn the_json_format_is_one_object_with_the_check() {
    let (code, stdout, _) = run(
        &[
            "convert",
            "--format",
            "json",
            "--to",
            "v1",
            &fixture("v2-valid-tabular.json"),
        ],
        "",
    );
    assert_eq!(code, Some(0));
    assert_eq!(stdout.lines().count(), 1);
    let out = json::parse(&stdout).unwrap();
    let s = |n: &Node, k: &str| n.get(k).and_then(Node::as_str).map(str::to_string);
    assert_eq!(s(&out, "from").as_deref(), Some("CreateAutoMLJobV2"));
    assert_eq!(s(&out, "to").as_deref(), Some("CreateAutoMLJob"));
    let request = out.get("request").unwrap();
    assert_eq!(
        request
            .pointer("/InputDataConfig/0/TargetAttributeName")
            .and_then(Node::as_str),
        Some("churned")
    );
    let moved = out.get("moved").and_then(Node::as_array).unwrap();
    assert!(moved.iter().any(
        |m| s(m, "from").as_deref() == Some("/AutoMLJobInputDataConfig")
            && s(m, "to").as_deref() == Some("/InputDataConfig")
    ));
    assert_eq!(
        out.get("left_out")
            .and_then(Node::as_array)
            .map(<[Node]>::len),
        Some(0)
    );
    assert_eq!(out.get("refused").map(|r| r.type_name()), Some("null"));
    let check = out.get("check").unwrap();
    assert_eq!(check.get("valid").and_then(Node::as_bool), Some(true));
    assert_eq!(s(check, "api").as_deref(), Some("CreateAutoMLJob"));
}

#[test]
fn another_problem_type_or_text_that_is_not_json_exits_2() {
    let (code, stdout, stderr) = run(
        &[
            "convert",
            "--to",
            "v1",
            &fixture("v2-valid-time-series.json"),
        ],
        "",
    );
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: this request cannot be converted to CreateAutoMLJob: CreateAutoMLJob has no place for time-series forecasting"),
        "{stderr}"
    );
    let (code, stdout, _) = run(
        &[
            "convert",
            "--to",
            "v1",
            "--format",
            "json",
            &fixture("v2-valid-image-classification.json"),
        ],
        "",
    );
    assert_eq!(code, Some(2));
    let out = json::parse(&stdout).unwrap();
    assert!(out
        .get("refused")
        .and_then(Node::as_str)
        .is_some_and(|r| r.contains("image classification")));
    assert_eq!(out.get("request").map(|r| r.type_name()), Some("null"));
    let (code, stdout, stderr) = run(&["convert", "--to", "v2"], "{\"AutoMLJobName\": ");
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty());
    assert!(stderr.contains("error[syntax]"), "{stderr}");
    let (code, stdout, _) = run(&["convert", "--to", "v2", "--format", "json", "-"], "[");
    assert_eq!(code, Some(2));
    let out = json::parse(&stdout).unwrap();
    assert_eq!(
        out.pointer("/check/diagnostics/0/code")
            .and_then(Node::as_str),
        Some("syntax")
    );
    // --to is required and takes v1 or v2 only.
    let (code, _, stderr) = run(&["convert", "-"], "{}");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--to"), "{stderr}");
    let (code, _, _) = run(&["convert", "--to", "v3", "-"], "{}");
    assert_eq!(code, Some(2));
}

#[test]
fn a_long_request_is_converted_and_checked_whatever_its_indented_length() {
    // 120,000 tags: under the 4 MiB input limit as given, over it once indented; and 30
    // channels whose targets differ from the first's.
    let tags = vec![r#"{"Key":"k","Value":"v"}"#; 120_000].join(",");
    let channels: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"TargetAttributeName":"t{i}"}}"#))
        .collect();
    let text = format!(
        r#"{{"AutoMLJobName":"j","InputDataConfig":[{}],"Tags":[{tags}]}}"#,
        channels.join(",")
    );
    let (code, stdout, stderr) = run(&["convert", "--to", "v2", "-"], &text);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.len() > 4 * 1024 * 1024);
    assert!(stderr.contains("error[count]: "), "{stderr}");
    assert!(!stderr.contains("too-large"), "{stderr}");
    // The summary names the first twenty of a list and counts the rest.
    assert!(stderr.contains("  = and 9 more left out\n"), "{stderr}");
    assert!(stderr.lines().count() < 400, "{}", stderr.lines().count());
}
