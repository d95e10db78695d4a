//! Every `CreateAutoMLJob` fixture (not `v2-*`) converted to `CreateAutoMLJobV2` checks as the
//! V1 request did, and every valid one comes back from V2 as it was.
//!
//! The correspondence: a V1 finding (severity, code, path) corresponds to the V2 finding with
//! the same severity, the code [`v2_code`] gives (the same code unless the table says
//! otherwise) and the path `convert::place_in` gives for the V1 path (the place the converter
//! moved that member to). Both requests must have the same findings under it, and the same
//! validity, except for the findings [`V1_ONLY`] and [`PER_FIXTURE`] list, each with why it
//! honestly differs. (`converted.rs` holds the same fixtures to the same codes in the same
//! order; this test adds the places, the validity and the round trips.)

use std::collections::BTreeSet;
use std::fs;

use crate::common::{fixtures_dir, names_on_disk};
use automl_rules::convert::{convert, place_in};
use automl_rules::json::{self, Node, Value};
use automl_rules::{
    check_node_for, check_text_for, Diagnostic, Severity, CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2,
};

/// V1 findings with no V2 counterpart, whatever the fixture: (code, why).
const V1_ONLY: &[(&str, &str)] = &[
    (
        "byte-order-mark",
        "a finding about the input text: the converted request is new text, written without one",
    ),
    (
        "lone-surrogate",
        "a finding about the input text (a \\ud800 escape): the converted text holds the U+FFFD the reader put in its place",
    ),
    (
        "duplicate",
        "a finding about the input text: the converter keeps the last of the repeated members, as JSON readers do, and names the other in left_out",
    ),
    (
        "channel-target-mismatch",
        "V2 has one TargetAttributeName for both channels: the converter keeps the first channel's and names the other in left_out",
    ),
];

/// V1 rules whose V2 counterpart is not written yet: their V1 findings are not looked for in
/// V2. Each entry leaves this list when V2 reports it (`the_exceptions_are_live`); none is
/// left since the V2 rules reuse V1's through the layout.
const V2_RULE_PENDING: &[&str] = &[];

/// Fixtures whose V2 findings differ beyond the lists above: (fixture, V1 findings not in V2,
/// V2 findings not in V1, why). Findings are written `severity code path` (V1 paths as placed
/// in V2).
const PER_FIXTURE: &[(&str, &[&str], &[&str], &str)] = &[
    (
        "v1-given-v2-members",
        &[
            "error required /AutoMLJobInputDataConfig",
            "error unknown /AutoMLJobInputDataConfig",
            "error unknown /AutoMLProblemTypeConfig",
            "error unknown /DataSplitConfig",
        ],
        &[],
        "the body is a V2 body (it has AutoMLJobInputDataConfig): converting it to V2 returns it unchanged, and V2 has the members V1 called unknown",
    ),
    (
        "channels-empty",
        &[],
        &["error required /AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"],
        "V1 names the target column in each channel, so with no channel it has no target to miss; V2 asks for it in TabularJobConfig",
    ),
];

/// V1 codes V2 says with its own code, at the corresponding place: (V1, V2, why).
const RENAMED: &[(&str, &str, &str)] = &[
    (
        "algorithm-v2-only",
        "algorithm-problem-type",
        "a time-series algorithm is V2's, but not a tabular job's there either",
    ),
    (
        "metric-v2-only",
        "metric-problem-type",
        "a time-series metric is V2's, but not a tabular job's there either",
    ),
    (
        "augmented-manifest-v2-only",
        "s3-data-type-problem-type",
        "an augmented manifest is V2's, but not for tabular data there either",
    ),
];

/// The V2 code of a V1 finding's code (the same unless [`RENAMED`]).
fn v2_code(code: &'static str) -> &'static str {
    RENAMED
        .iter()
        .find(|(v1, ..)| *v1 == code)
        .map_or(code, |(_, v2, _)| v2)
}

fn line(d: &Diagnostic, path: &str, code: &str) -> String {
    format!("{} {code} {path}", d.severity)
}

fn fixture(name: &str) -> String {
    fs::read_to_string(fixtures_dir().join(format!("{name}.json"))).unwrap()
}

fn v1_names() -> Vec<String> {
    names_on_disk()
        .into_iter()
        .filter(|n| !n.starts_with("v2-"))
        .collect()
}

#[test]
fn every_v1_fixture_converted_to_v2_checks_as_it_did() {
    let mut failures = Vec::new();
    let mut unreadable = Vec::new();
    let mut compared = 0;
    for name in v1_names() {
        let text = fixture(&name);
        let Ok(node) = json::parse(&text) else {
            unreadable.push(name);
            continue;
        };
        let v1 = check_text_for(&CREATE_AUTO_ML_JOB, &text).diagnostics;
        let converted = convert(&node, &CREATE_AUTO_ML_JOB_V2);
        let v2 = check_node_for(&CREATE_AUTO_ML_JOB_V2, &converted.request);
        let (mut expected_gone, mut expected_new): (&[&str], &[&str]) = (&[], &[]);
        if let Some((_, gone, new, _)) = PER_FIXTURE.iter().find(|f| f.0 == name) {
            (expected_gone, expected_new) = (gone, new);
        }
        let excused =
            |code: &str| V1_ONLY.iter().any(|(c, _)| *c == code) || V2_RULE_PENDING.contains(&code);
        let want: BTreeSet<String> = v1
            .iter()
            .filter(|d| !excused(d.code))
            .map(|d| {
                let path = place_in(&CREATE_AUTO_ML_JOB_V2, &d.path).unwrap_or_default();
                line(d, &path, v2_code(d.code))
            })
            .filter(|l| !expected_gone.contains(&l.as_str()))
            .collect();
        let pending_v2: BTreeSet<&str> = V2_RULE_PENDING.iter().map(|c| v2_code(c)).collect();
        let got: BTreeSet<String> = v2
            .iter()
            .filter(|d| !pending_v2.contains(d.code))
            .map(|d| line(d, &d.path, d.code))
            .filter(|l| !expected_new.contains(&l.as_str()))
            .collect();
        if want != got {
            failures.push(format!(
                "{name}: V1 findings not in V2 {:?}; V2 findings not in V1 {:?}",
                want.difference(&got).collect::<Vec<_>>(),
                got.difference(&want).collect::<Vec<_>>()
            ));
        }
        let errors = |list: &[Diagnostic]| list.iter().any(|d| d.severity == Severity::Error);
        let v1_excused_error = v1
            .iter()
            .any(|d| d.severity == Severity::Error && excused(d.code));
        let listed = PER_FIXTURE.iter().any(|f| f.0 == name);
        if !v1_excused_error && !listed && errors(&v1) != errors(&v2) {
            failures.push(format!(
                "{name}: V1 valid {}, V2 valid {}",
                !errors(&v1),
                !errors(&v2)
            ));
        }
        compared += 1;
    }
    // What cannot be read is refused before converting, as `check` refuses it (exit 2).
    assert_eq!(unreadable, ["nested-too-deep", "not-json"]);
    assert!(compared > 100, "{compared}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The excuse lists hold only what happens: a code listed as V1-only or pending appears in
/// some V1 fixture, and a pending V2 rule is not already reported by V2 for every fixture
/// where V1 reports it (else it should leave the list).
#[test]
fn the_exceptions_are_live() {
    let mut v1_codes = BTreeSet::new();
    let mut still_pending = BTreeSet::new();
    for name in v1_names() {
        let text = fixture(&name);
        let Ok(node) = json::parse(&text) else {
            continue;
        };
        let v1 = check_text_for(&CREATE_AUTO_ML_JOB, &text).diagnostics;
        let converted = convert(&node, &CREATE_AUTO_ML_JOB_V2);
        let v2 = check_node_for(&CREATE_AUTO_ML_JOB_V2, &converted.request);
        for d in &v1 {
            v1_codes.insert(d.code);
            let path = place_in(&CREATE_AUTO_ML_JOB_V2, &d.path).unwrap_or_default();
            let code = v2_code(d.code);
            if !v2.iter().any(|e| e.code == code && e.path == path) {
                still_pending.insert(d.code);
            }
        }
    }
    for (code, _) in V1_ONLY {
        assert!(v1_codes.contains(code), "{code} is in no V1 fixture");
    }
    for (code, ..) in RENAMED {
        assert!(v1_codes.contains(code), "{code} is in no V1 fixture");
    }
    let reported: Vec<&&str> = V2_RULE_PENDING
        .iter()
        .filter(|code| !still_pending.contains(*code))
        .collect();
    assert!(
        reported.is_empty(),
        "V2 now reports {reported:?} where V1 does: take them out of V2_RULE_PENDING"
    );
    for (name, ..) in PER_FIXTURE {
        assert!(v1_names().contains(&name.to_string()), "{name}");
    }
}

/// A copy with every object's members sorted by name, to compare requests whatever the order
/// of their members (the converter writes the target model's order).
fn sorted(node: &Node) -> String {
    fn sort(node: &mut Node) {
        match &mut node.value {
            Value::Object(members) => {
                members.sort_by(|a, b| a.key.cmp(&b.key));
                members.iter_mut().for_each(|m| sort(&mut m.value));
            }
            Value::Array(items) => items.iter_mut().for_each(sort),
            _ => {}
        }
    }
    let mut copy = node.clone();
    sort(&mut copy);
    json::to_compact(&copy)
}

#[test]
fn every_valid_v1_fixture_comes_back_from_v2_as_it_was() {
    let mut count = 0;
    for name in v1_names().into_iter().filter(|n| n.starts_with("valid-")) {
        let text = fixture(&name);
        let node = json::parse(&text).unwrap();
        let there = convert(&node, &CREATE_AUTO_ML_JOB_V2);
        assert!(there.refused.is_none(), "{name}");
        assert!(
            there.left_out.is_empty() && there.unknown.is_empty(),
            "{name}: {:?} {:?}",
            there.left_out,
            there.unknown
        );
        let v2_errors: Vec<_> = check_node_for(&CREATE_AUTO_ML_JOB_V2, &there.request)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        assert!(v2_errors.is_empty(), "{name}: {v2_errors:?}");
        let back = convert(&there.request, &CREATE_AUTO_ML_JOB);
        assert!(back.left_out.is_empty(), "{name}: {:?}", back.left_out);
        assert_eq!(sorted(&back.request), sorted(&node), "{name}");
        count += 1;
    }
    assert!(count >= 10, "{count}");
    // In the model's order, the round trip is the same text.
    let text = fixture("valid-every-member");
    let node = json::parse(&text).unwrap();
    let there = convert(&node, &CREATE_AUTO_ML_JOB_V2).request;
    let back = convert(&there, &CREATE_AUTO_ML_JOB).request;
    assert_eq!(json::to_pretty(&back), json::to_pretty(&node));
}

/// Removes the member at `pointer` (an object member; nothing else is ever left out whole).
fn without(node: &mut Node, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    let key = key.replace("~1", "/").replace("~0", "~");
    let mut at = node;
    for token in parent.split('/').skip(1) {
        let next = match &mut at.value {
            Value::Object(members) => members
                .iter_mut()
                .rev()
                .find(|m| m.key == token)
                .map(|m| &mut m.value),
            Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        };
        let Some(next) = next else { return };
        at = next;
    }
    if let Value::Object(members) = &mut at.value {
        members.retain(|m| m.key != key);
    }
}

#[test]
fn every_valid_v2_fixture_goes_to_v1_and_back_or_is_refused_by_name() {
    let (mut round_trips, mut refused) = (0, 0);
    for name in names_on_disk()
        .into_iter()
        .filter(|n| n.starts_with("v2-valid-"))
    {
        let node = json::parse(&fixture(&name)).unwrap();
        let tabular = node
            .pointer("/AutoMLProblemTypeConfig/TabularJobConfig")
            .is_some();
        let v1 = convert(&node, &CREATE_AUTO_ML_JOB);
        if let Some(why) = &v1.refused {
            assert!(!tabular, "{name}: {why}");
            assert!(why.contains("no place for "), "{name}: {why}");
            assert_eq!(v1.request, node, "{name}");
            refused += 1;
            continue;
        }
        assert!(tabular, "{name} is not tabular, yet converted");
        let errors: Vec<_> = check_node_for(&CREATE_AUTO_ML_JOB, &v1.request)
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        // Back to V2: the same request, but what V1 had no place for (each named with why).
        let back = convert(&v1.request, &CREATE_AUTO_ML_JOB_V2);
        assert!(back.left_out.is_empty(), "{name}: {:?}", back.left_out);
        let mut expected = node.clone();
        for left in &v1.left_out {
            assert!(!left.why.is_empty());
            without(&mut expected, &left.pointer);
        }
        assert_eq!(sorted(&back.request), sorted(&expected), "{name}");
        round_trips += 1;
    }
    assert!(round_trips >= 1 && refused >= 4, "{round_trips} {refused}");
}

#[test]
fn every_valid_v2_tabular_fixture_goes_to_v1_and_back() {
    let text = fixture("v2-valid-tabular");
    let node = json::parse(&text).unwrap();
    let v1 = convert(&node, &CREATE_AUTO_ML_JOB);
    assert!(v1.refused.is_none() && v1.left_out.is_empty());
    let errors: Vec<_> = check_node_for(&CREATE_AUTO_ML_JOB, &v1.request)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let back = convert(&v1.request, &CREATE_AUTO_ML_JOB_V2);
    assert_eq!(sorted(&back.request), sorted(&node));
    // The other problem types are refused, each by its name.
    for (name, says) in [
        ("v2-valid-image-classification", "image classification"),
        ("v2-valid-text-classification", "text classification"),
        ("v2-valid-text-generation", "text generation"),
        ("v2-valid-time-series", "time-series forecasting"),
    ] {
        let node = json::parse(&fixture(name)).unwrap();
        let c = convert(&node, &CREATE_AUTO_ML_JOB);
        let refused = c.refused.unwrap_or_default();
        assert!(refused.contains(says), "{name}: {refused}");
        assert_eq!(c.request, node, "{name}");
    }
}
