//! Whatever the bytes, checking never panics: random texts, random JSON, and mutations of a
//! valid request (which reach deep into the walker and the documented rules).

use automl_rules::check_text;
use automl_rules::convert::convert;
use automl_rules::json;
use automl_rules::{CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};
use proptest::prelude::*;

const VALID: &str = include_str!("../fixtures/valid-every-member.json");

fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        ".{0,12}".prop_map(|s| {
            let mut out = String::new();
            json::write_string(&mut out, &s);
            out
        }),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "AutoMLJobName",
                        "InputDataConfig",
                        "OutputDataConfig",
                        "AutoMLJobConfig",
                        "Tags",
                        "ModelDeployConfig",
                        "DataSource",
                        "S3DataSource",
                        "Mode",
                        "AlgorithmsConfig",
                        "AutoMLAlgorithms",
                        "Key",
                        "x",
                    ]),
                    inner
                ),
                0..6
            )
            .prop_map(|v| {
                let members: Vec<String> =
                    v.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = check_text(&text);
    }

    #[test]
    fn random_json_never_panics(text in json_value()) {
        let outcome = check_text(&text);
        prop_assert!(outcome.request.is_some(), "generated JSON must parse: {}", text);
    }

    #[test]
    fn converting_random_json_never_panics(text in json_value()) {
        // Both directions, and the V2 marker added so the V2 reading is walked too.
        let node = json::parse(&text).unwrap();
        for to in [&CREATE_AUTO_ML_JOB, &CREATE_AUTO_ML_JOB_V2] {
            let _ = convert(&node, to).summary();
        }
        let marked = format!(r#"{{"AutoMLProblemTypeConfig":{{"TabularJobConfig":{text}}},"AutoMLJobInputDataConfig":{text},"x":{text}}}"#);
        let node = json::parse(&marked).unwrap();
        let c = convert(&node, &CREATE_AUTO_ML_JOB);
        let _ = convert(&c.request, &CREATE_AUTO_ML_JOB_V2).summary();
    }

    #[test]
    fn mutated_requests_never_panic(at in 0..VALID.len(), cut in 0..8usize, insert in ".{0,4}") {
        let mut text = VALID.to_string();
        let mut at = at;
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + cut).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        text.replace_range(at..end, &insert);
        let _ = check_text(&text);
        if let Ok(node) = json::parse(&text) {
            let v2 = convert(&node, &CREATE_AUTO_ML_JOB_V2);
            let _ = convert(&v2.request, &CREATE_AUTO_ML_JOB);
        }
    }
}

#[test]
fn hostile_sizes_are_refused_or_handled() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(check_text(&deep).diagnostics[0].code, "too-deep");
    let long_name = format!(r#"{{"AutoMLJobName": "{}"}}"#, "a-".repeat(500_000));
    let outcome = check_text(&long_name);
    assert!(outcome.diagnostics.iter().any(|d| d.code == "length"));
    let many_tags: Vec<String> = (0..5000)
        .map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#))
        .collect();
    let outcome = check_text(&format!(r#"{{"Tags":[{}]}}"#, many_tags.join(",")));
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.code == "count" && d.path == "/Tags"));
}
