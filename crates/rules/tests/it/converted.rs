//! Every V1 fixture converted to `CreateAutoMLJobV2` checks as the V1 request did (issue 12:
//! "every V1 fixture converted to V2 must check as the V1 did"): the same findings, code and
//! severity, in the same order. This holds the V1 rules V2 shares (through the layout) to V1's
//! verdicts, and V2's own rules to agree with V1 where V1 says the same thing in other words.

use std::fs;

use crate::common::{fixtures_dir, names_on_disk};
use automl_rules::convert::convert;
use automl_rules::{check_node_for, check_text, json, CREATE_AUTO_ML_JOB_V2};

/// V1 codes that V2 says with its own code, for the same error.
const SAME_IN_V2: [(&str, &str); 3] = [
    // A time-series algorithm or metric is V2's, but not a tabular job's there either.
    ("algorithm-v2-only", "algorithm-problem-type"),
    ("metric-v2-only", "metric-problem-type"),
    // An augmented manifest is V2's, but not for tabular data there either.
    ("augmented-manifest-v2-only", "s3-data-type-problem-type"),
];

/// Findings about the text rather than the request: the converted request has no text.
const OF_THE_TEXT: [&str; 3] = ["byte-order-mark", "duplicate", "lone-surrogate"];

/// Fixtures whose V1 findings cannot carry over, and what V2 says instead.
const NOT_CARRIED: [(&str, &[&str]); 2] = [
    // No channel, so no target column to move into TabularJobConfig: V2 finds it missing
    // (after the empty list: a V1 request always becomes a tabular V2 one).
    ("channels-empty", &["error count", "error required"]),
    // V2 has one target for both channels: the two V1 targets cannot disagree there.
    (
        "channels-mismatch",
        &["error channel-content-type-mismatch"],
    ),
];

#[test]
fn v1_fixtures_converted_to_v2_check_as_they_did() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for name in names_on_disk()
        .iter()
        .filter(|n| !n.starts_with("v2-") && !n.starts_with("v1-given"))
    {
        let text = fs::read_to_string(fixtures_dir().join(format!("{name}.json"))).unwrap();
        let Ok(node) = json::parse(&text) else {
            continue;
        };
        let v1: Vec<String> = check_text(&text)
            .diagnostics
            .iter()
            .filter(|d| !OF_THE_TEXT.contains(&d.code))
            .map(|d| {
                let code = SAME_IN_V2
                    .iter()
                    .find(|(v1, _)| *v1 == d.code)
                    .map_or(d.code, |(_, v2)| v2);
                format!("{} {code}", d.severity)
            })
            .collect();
        let conversion = convert(&node, &CREATE_AUTO_ML_JOB_V2);
        let v2: Vec<String> = check_node_for(&CREATE_AUTO_ML_JOB_V2, &conversion.request)
            .iter()
            .map(|d| format!("{} {}", d.severity, d.code))
            .collect();
        let expected: Vec<String> = match NOT_CARRIED.iter().find(|(n, _)| n == name) {
            Some((_, instead)) => instead.iter().map(|s| s.to_string()).collect(),
            None => v1,
        };
        compared += 1;
        if expected != v2 {
            failures.push(format!("{name}:\n  as V1 {expected:?}\n  as V2 {v2:?}"));
        }
    }
    assert!(compared > 100, "only {compared} fixtures compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
