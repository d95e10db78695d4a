//! `automl-job check` and the two operations: the built binary tells CreateAutoMLJobV2 from
//! CreateAutoMLJob by the body's members, says which it assumed, obeys `--api`, and warns about
//! a body that mixes the two.

mod common;

use automl_rules::json::{self, Node};
use common::{fixture, run as run_all};

/// (exit code, stdout): the checks here read only standard output.
fn run(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let (code, stdout, _) = run_all(args, stdin);
    (code, stdout)
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

/// `export` of a V2 body sends CreateAutoMLJobV2 in every form, told from the body or
/// chosen by `--api`; imported back, the note names the operation.
#[test]
fn export_and_import_of_every_v2_problem_type() {
    for name in [
        "v2-valid-tabular.json",
        "v2-valid-image-classification.json",
        "v2-valid-text-classification.json",
        "v2-valid-time-series.json",
        "v2-valid-text-generation.json",
    ] {
        let original = json::parse(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap();
        // The body comes back in V2's model order.
        let original = automl_rules::export::in_model_order_for(
            &automl_rules::CREATE_AUTO_ML_JOB_V2,
            &original,
        );
        for (target, says) in [
            ("json", "{\n  \"AutoMLJobName\": "),
            ("cli", "aws sagemaker create-auto-ml-job-v2 \\\n"),
            ("cli-input-json", "aws sagemaker create-auto-ml-job-v2 \\\n"),
            (
                "powershell",
                "aws sagemaker create-auto-ml-job-v2 --cli-input-json",
            ),
            (
                "cmd",
                "call aws sagemaker create-auto-ml-job-v2 --cli-input-json",
            ),
            ("boto3", "response = client.create_auto_ml_job_v2(\n"),
        ] {
            let (code, exported, stderr) = run_all(&["export", "--to", target, &fixture(name)], "");
            assert_eq!(code, Some(0), "{name} {target}: {stderr}");
            assert!(exported.contains(says), "{name} {target}: {exported}");
            let (code, body, stderr) = run_all(&["import", "-"], &exported);
            assert_eq!(code, Some(0), "{name} {target}: {stderr}");
            assert!(
                stderr.starts_with("note: read as a CreateAutoMLJobV2 request (told from the text; --api v1|v2 chooses)\n"),
                "{name} {target}: {stderr}"
            );
            assert!(
                json::parse(&body).unwrap().same_as(&original),
                "{name} {target}: {body}"
            );
            let (_, line, _) = run_all(&["import", "--format", "json", "-"], &exported);
            assert_eq!(
                json::parse(&line)
                    .unwrap()
                    .get("api")
                    .and_then(Node::as_str),
                Some("CreateAutoMLJobV2"),
                "{line}"
            );
        }
    }
}

#[test]
fn export_api_chooses_the_command() {
    let bare = r#"{"AutoMLJobName":"j","RoleArn":"arn:aws:iam::111122223333:role/r"}"#;
    let (_, out, _) = run_all(
        &["export", "--to", "cli", "--allow-invalid", "--api", "v2"],
        bare,
    );
    assert!(
        out.starts_with("aws sagemaker create-auto-ml-job-v2 \\\n"),
        "{out}"
    );
    let (_, out, _) = run_all(&["export", "--to", "boto3", "--allow-invalid"], bare);
    assert!(out.contains("client.create_auto_ml_job(\n"), "{out}");
    // A V2 body forced to V1: its V2 members are unknown there, so it is refused.
    let (code, out, stderr) = run_all(
        &[
            "export",
            "--to",
            "cli",
            "--api",
            "v1",
            &fixture("v2-valid-tabular.json"),
        ],
        "",
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(stderr.contains("error[unknown]"), "{stderr}");
    assert!(
        stderr.contains("note: checked as CreateAutoMLJob (chosen by --api)"),
        "{stderr}"
    );
}

/// A boto3 program or command is exported as the operation it calls.
#[test]
fn export_of_a_v2_program_sends_v2() {
    let program = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job_v2(AutoMLJobName='img', RoleArn='arn:aws:iam::111122223333:role/r', OutputDataConfig={'S3OutputPath': 's3://b/o/'}, AutoMLJobInputDataConfig=[{'ChannelType': 'training', 'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://b/t/'}}}], AutoMLProblemTypeConfig={'ImageClassificationJobConfig': {}})\n";
    let (code, out, stderr) = run_all(&["export", "--to", "cli-input-json"], program);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(out.starts_with("aws sagemaker create-auto-ml-job-v2 \\\n  --cli-input-json '{\"AutoMLJobName\":\"img\","), "{out}");
    let (code, _, stderr) = run_all(&["check", "-"], program);
    assert_eq!(code, Some(2));
    let _ = stderr;
    let (_, stdout) = run(&["check", "-"], program);
    assert!(
        stdout.contains("help: this is a boto3 program, not a JSON body"),
        "{stdout}"
    );
}

#[test]
fn import_says_which_api_and_names_the_other_call() {
    let both = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job_v2(AutoMLJobName='new')\nsm.create_auto_ml_job(AutoMLJobName='old')\n";
    let (code, out, stderr) = run_all(&["import", "-"], both);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(out, "{\n  \"AutoMLJobName\": \"new\"\n}\n");
    assert!(
        stderr.starts_with("note: read as a CreateAutoMLJobV2 request"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning[other-api-call]: this program also calls create_auto_ml_job(…), the CreateAutoMLJob API, on line 4: the request is the first call's, create_auto_ml_job_v2(…) (CreateAutoMLJobV2) on line 3; import the other on its own\n  --> <stdin>:4:4\n"),
        "{stderr}"
    );
    // Only the note names the operation: the report adds no "checked as" line.
    assert!(!stderr.contains("note: checked as"), "{stderr}");
    // Forced to V1, a V2 command is named as such.
    let (code, _, stderr) = run_all(
        &["import", "--api", "v1", "-"],
        "aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name x\n",
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: cannot import <stdin>: this is create-auto-ml-job-v2, the V2 API (CreateAutoMLJobV2): this import reads aws sagemaker create-auto-ml-job requests (CreateAutoMLJob)\n  --> <stdin>:1:15\n"),
        "{stderr}"
    );
    let (code, _, stderr) = run_all(
        &["import", "--api", "v2", "-"],
        "aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name x\n",
    );
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("note: read as a CreateAutoMLJobV2 request (chosen by --api)\n"),
        "{stderr}"
    );
    // describe-auto-ml-job-v2 output: left out as V2's describe.
    let described = r#"{"AutoMLJobName":"old","AutoMLJobArn":"arn","AutoMLProblemTypeConfigName":"Tabular","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y"}}}"#;
    let (_, _, stderr) = run_all(&["import", "-"], described);
    assert!(
        stderr.contains("note: left out AutoMLJobArn, AutoMLProblemTypeConfigName: they are what describe-auto-ml-job-v2 reports about the job, not part of the request\n"),
        "{stderr}"
    );
}
