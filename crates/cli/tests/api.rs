//! `automl-job check` and the two operations: the built binary tells CreateAutoMLJobV2 from
//! CreateAutoMLJob by the body's members, says which it assumed, obeys `--api`, and warns about
//! a body that mixes the two.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use automl_rules::json::{self, Node};

fn fixture(name: &str) -> String {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/tests/fixtures"
    ))
    .join(name)
    .to_string_lossy()
    .into_owned()
}

fn run(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_automl-job"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run automl-job");
    let input = stdin.to_string();
    let mut pipe = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out: Output = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn json_lines(stdout: &str) -> Vec<Node> {
    stdout.lines().map(|l| json::parse(l).unwrap()).collect()
}

fn codes(line: &Node) -> Vec<String> {
    line.get("diagnostics")
        .and_then(Node::as_array)
        .unwrap()
        .iter()
        .filter_map(|d| d.get("code").and_then(Node::as_str).map(str::to_string))
        .collect()
}

#[test]
fn every_v2_problem_type_is_told_and_valid() {
    for name in [
        "v2-valid-tabular.json",
        "v2-valid-image-classification.json",
        "v2-valid-text-classification.json",
        "v2-valid-time-series.json",
        "v2-valid-text-generation.json",
    ] {
        let (code, stdout) = run(&["check", &fixture(name)], "");
        assert_eq!(code, Some(0), "{name}: {stdout}");
        assert!(
            stdout.contains(
                "note: checked as CreateAutoMLJobV2 (told from its members; --api v1|v2 chooses)"
            ),
            "{stdout}"
        );
        assert!(
            stdout.contains("is valid (0 errors, 0 warnings)"),
            "{stdout}"
        );
    }
}

#[test]
fn the_json_output_names_the_api() {
    let v1 = fixture("valid-minimal.json");
    let v2 = fixture("v2-union-two-members.json");
    let (code, stdout) = run(&["check", "--format=json", &v1, &v2, "-"], "not json");
    assert_eq!(code, Some(2), "{stdout}");
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 3, "{stdout}");
    let api = |l: &Node| l.get("api").and_then(Node::as_str).map(str::to_string);
    assert_eq!(api(&lines[0]).as_deref(), Some("CreateAutoMLJob"));
    assert_eq!(api(&lines[1]).as_deref(), Some("CreateAutoMLJobV2"));
    assert_eq!(codes(&lines[1]), ["union-two-members"]);
    // Not JSON: no operation was checked.
    assert!(matches!(
        lines[2].get("api").map(|n| &n.value),
        Some(json::Value::Null)
    ));
}

#[test]
fn api_forces_the_operation() {
    let v2 = fixture("v2-valid-tabular.json");
    let (code, stdout) = run(&["check", "--api", "v1", &v2], "");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("note: checked as CreateAutoMLJob (chosen by --api)"),
        "{stdout}"
    );
    assert!(stdout.contains("error[unknown]"), "{stdout}");
    let (code, stdout) = run(&["check", "--api=v2", "--format=json", "-"], "{}");
    assert_eq!(code, Some(1), "{stdout}");
    let lines = json_lines(&stdout);
    assert_eq!(
        lines[0].get("api").and_then(Node::as_str),
        Some("CreateAutoMLJobV2")
    );
    // Every required member of V2's request is missing.
    assert_eq!(codes(&lines[0]), ["required"; 5]);
    let (code, _) = run(&["check", "--api", "v3", &v2], "");
    assert_eq!(code, Some(2));
}

#[test]
fn a_mixed_body_is_told() {
    let body = r#"{"AutoMLJobName":"a","InputDataConfig":[],"AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y"}}}"#;
    let (code, stdout) = run(&["check", "--format=json"], body);
    assert_eq!(code, Some(1), "{stdout}");
    let line = &json_lines(&stdout)[0];
    assert_eq!(
        line.get("api").and_then(Node::as_str),
        Some("CreateAutoMLJobV2")
    );
    let found = codes(line);
    assert!(found.iter().any(|c| c == "mixed-api"), "{found:?}");
    let (_, stdout) = run(&["check"], body);
    assert!(
        stdout.contains("warning[mixed-api]: this body mixes members of CreateAutoMLJob (InputDataConfig) with members of CreateAutoMLJobV2 (AutoMLProblemTypeConfig); it is checked as CreateAutoMLJobV2"),
        "{stdout}"
    );
}
