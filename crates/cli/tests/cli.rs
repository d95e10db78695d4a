//! The command as a user runs it: the built `automl-job` binary, its exit codes and both
//! output formats.

mod common;

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_automl-job"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../rules/tests/fixtures"
    ))
    .join(name)
}

fn run<S: AsRef<OsStr>>(args: &[S], stdin: Option<&str>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run automl-job");
    let input = stdin.unwrap_or("").to_string();
    let mut pipe = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_valid_request_exits_0() {
    let out = run(
        &[
            "check",
            fixture("valid-every-member.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("is valid (0 errors, 0 warnings)"));
}

#[test]
fn errors_exit_1_with_compiler_style_locations() {
    let path = fixture("name-underscore.json");
    let out = run(&["check", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("error[pattern]: AutoMLJobName may contain only"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("  --> {}:2:20", path.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 |   \"AutoMLJobName\": \"my_job\","),
        "{stdout}"
    );
    assert!(
        stdout.contains("  |                    ^^^^^^^^"),
        "{stdout}"
    );
    assert!(stdout.contains("= path: /AutoMLJobName"));
    assert!(stdout.contains("= service: 1 validation error detected: Value 'my_job' at 'autoMLJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}"));
    assert!(stdout.contains("would be rejected (1 error, 0 warnings)"));
}

#[test]
fn documented_rules_are_located_by_their_path() {
    let path = fixture("deploy-both.json");
    let out = run(&["check", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error[endpoint-name]"), "{stdout}");
    let line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("\"EndpointName\""))
        .unwrap()
        + 1;
    assert!(
        stdout.contains(&format!("{}:{line}:", path.display())),
        "{stdout}"
    );
}

#[test]
fn warnings_alone_exit_0() {
    let out = run(
        &[
            "check",
            fixture("validation-fraction-large.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("warning[validation-fraction-large]"));
}

#[test]
fn json_format_prints_one_object_per_input() {
    let a = fixture("valid-minimal.json");
    let b = fixture("missing-required.json");
    let out = run(
        &[
            "check",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let first = automl_rules::json::parse(lines[0]).unwrap();
    assert_eq!(first.get("file").and_then(|n| n.as_str()), a.to_str());
    assert_eq!(first.get("valid").and_then(|n| n.as_bool()), Some(true));
    assert_eq!(
        first
            .get("diagnostics")
            .and_then(|n| n.as_array())
            .map(<[_]>::len),
        Some(0)
    );
    let second = automl_rules::json::parse(lines[1]).unwrap();
    assert_eq!(second.get("valid").and_then(|n| n.as_bool()), Some(false));
    let diags = second
        .get("diagnostics")
        .and_then(|n| n.as_array())
        .unwrap();
    let d = diags
        .iter()
        .find(|d| d.get("path").and_then(|p| p.as_str()) == Some("/RoleArn"))
        .unwrap();
    assert_eq!(d.get("severity").and_then(|n| n.as_str()), Some("error"));
    assert_eq!(d.get("code").and_then(|n| n.as_str()), Some("required"));
    assert!(d
        .get("message")
        .and_then(|n| n.as_str())
        .unwrap()
        .starts_with("RoleArn is required"));
    assert_eq!(
        d.get("service_message").and_then(|n| n.as_str()),
        Some("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
    );
    assert!(second
        .get("service_response")
        .and_then(|n| n.as_str())
        .unwrap()
        .starts_with("3 validation errors detected: "));
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let out = run(
        &["check", "--format=json"],
        Some(r#"{"AutoMLJobName": "x"}"#),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("{\"file\":\"<stdin>\",\"valid\":false"));
    let dash = run(&["check", "-"], Some("{}"));
    assert_eq!(dash.status.code(), Some(1));
}

#[test]
fn not_json_exits_2_and_still_gets_its_line() {
    let bad = fixture("not-json.json");
    let good = fixture("valid-minimal.json");
    let out = run(
        &[
            "check",
            "--format",
            "json",
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let first = automl_rules::json::parse(stdout.lines().next().unwrap()).unwrap();
    let d = &first.get("diagnostics").and_then(|n| n.as_array()).unwrap()[0];
    assert_eq!(d.get("code").and_then(|n| n.as_str()), Some("syntax"));
    assert_eq!(d.get("line").and_then(|n| n.as_f64()), Some(3.0));
    assert_eq!(d.get("column").and_then(|n| n.as_f64()), Some(14.0));
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn unreadable_inputs_exit_2_with_a_clear_message() {
    let out = run(&["check", "/nonexistent/request.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("cannot read /nonexistent/request.json: no such file"));
    let dir = std::env::temp_dir().join(format!("automl-job-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"AutoMLJobName\": \"caf\xe9\"}").unwrap();
    let out = run(
        &["check", "--format", "json", latin1.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("is not UTF-8 text: invalid byte at line 1, column 23"),
        "{}",
        text(&out.stdout)
    );
    let bom = dir.join("bom.json");
    let mut body = "\u{feff}".to_string();
    body.push_str(&std::fs::read_to_string(fixture("valid-minimal.json")).unwrap());
    std::fs::write(&bom, body).unwrap();
    let out = run(&["check", bom.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error[byte-order-mark]"), "{stdout}");
    assert!(
        stdout.contains("would be rejected (1 error, 0 warnings)"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["check", "--format", "yaml"],
        vec!["check", "--nope"],
        vec!["export", "--to", "fortran"],
        vec!["export"],
    ] {
        let out = run(&args, Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("error: "), "{args:?}");
    }
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("automl-job check [FILE...|-] [--format human|json]"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = bin()
        .args(["check", fixture("tags-51.json").to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

#[test]
fn export_refuses_an_invalid_request_unless_allowed() {
    let bad = fixture("name-underscore.json");
    let out = run(&["export", "--to", "json", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("error[pattern]"));
    let out = run(
        &[
            "export",
            "--to",
            "json",
            "--allow-invalid",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert!(text(&out.stdout).contains("\"my_job\""));
}

#[test]
fn export_then_import_gives_back_the_request() {
    let path = fixture("valid-every-member.json");
    let original = automl_rules::json::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for target in [
        "json",
        "cli",
        "cli-input-json",
        "powershell",
        "cmd",
        "boto3",
    ] {
        let out = run(&["export", "--to", target, path.to_str().unwrap()], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{target}: {}",
            text(&out.stderr)
        );
        let back = run(&["import", "-"], Some(&text(&out.stdout)));
        assert_eq!(
            back.status.code(),
            Some(0),
            "{target}: {}",
            text(&back.stderr)
        );
        let imported = automl_rules::json::parse(&text(&back.stdout)).unwrap();
        assert!(
            imported.same_as(&original),
            "{target}:\n{}",
            text(&back.stdout)
        );
    }
}

/// Global options of the AWS CLI are left out of the imported body, with a note on stderr.
#[test]
fn import_names_the_aws_cli_options_it_leaves_out() {
    let out = run(
        &["import", "-"],
        Some("aws --region eu-west-1 sagemaker create-auto-ml-job --auto-ml-job-name j --profile ml\n"),
    );
    assert_eq!(text(&out.stdout).trim(), "{\n  \"AutoMLJobName\": \"j\"\n}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("note: left out --region eu-west-1, --profile ml: they are the AWS CLI's own options, not part of the request"),
        "{stderr}"
    );
}

/// A shell command's run-time values are holes: the body keeps every written value with each
/// hole's marker, stderr names each hole where it is used, and the exit status is 1.
#[test]
fn import_names_each_hole_and_exits_1() {
    let out = run(
        &["import", "-"],
        Some("JOB=churn-$(date +%s)\naws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name \"$JOB\" \\\n  --role-arn \"$ROLE\"\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout).trim(),
        "{\n  \"AutoMLJobName\": \"churn-{$(date +%s)}\",\n  \"RoleArn\": \"{$ROLE}\"\n}"
    );
    let stderr = text(&out.stderr);
    for want in [
        "error[runtime-value]: $(date +%s) (line 1, column 11) is the output of a command",
        "  --> <stdin>:3:23",
        "error[runtime-value]: $ROLE (line 4, column 15) is a shell variable the pasted text never sets",
        "  --> <stdin>:4:15",
    ] {
        assert!(stderr.contains(want), "{want:?} in {stderr}");
    }
    // The checker's findings about a hole's stand-in are the hole's: none is about a pattern.
    assert!(!stderr.contains("error[pattern]"), "{stderr}");
}

/// The imported request is checked as read, with its findings at their place in the input:
/// the indented body, longer than the input, is never held to the input's size limit.
#[test]
fn import_checks_the_request_as_read() {
    let tags: Vec<String> = (0..120_000)
        .map(|i| format!("{{\"Key\":\"k{i}\",\"Value\":\"v\"}}"))
        .collect();
    let body = format!(
        "{{\"AutoMLJobName\":\"j_1\",\"Tags\":[{}]}}",
        tags.join(",")
    );
    assert!(body.len() < automl_rules::json::MAX_INPUT_BYTES);
    let out = run(&["import", "-"], Some(&body));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.len() > automl_rules::json::MAX_INPUT_BYTES);
    assert!(
        !stderr.contains("too large"),
        "{}",
        &stderr[..stderr.len().min(2000)]
    );
    // The name's finding points into the input, not into the indented body.
    assert!(
        stderr.contains("error[pattern]: AutoMLJobName"),
        "{}",
        &stderr[..2000]
    );
    assert!(
        stderr.contains("  --> <stdin>:1:18\n"),
        "{}",
        &stderr[..2000]
    );
    // An input over the limit is refused with its own size.
    let big = format!("{body}{}", " ".repeat(automl_rules::json::MAX_INPUT_BYTES));
    let out = run(&["import", "-"], Some(&big));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(&format!("<stdin> is too large: {} bytes", big.len())),
        "{}",
        text(&out.stderr)
    );
}

/// A boto3 program's client settings are left out too, named as such; credentials by name only.
#[test]
fn import_names_the_boto3_settings_it_leaves_out() {
    let out = run(
        &["import", "-"],
        Some("import boto3\nsm = boto3.client('sagemaker', region_name='eu-west-1', aws_secret_access_key='s3cr3t')\nsm.create_auto_ml_job(AutoMLJobName='j')\n"),
    );
    assert_eq!(text(&out.stdout).trim(), "{\n  \"AutoMLJobName\": \"j\"\n}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("note: left out region_name='eu-west-1', aws_secret_access_key: they are settings of the boto3 client or session, not part of the request"),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cr3t"), "{stderr}");
}

/// `describe-auto-ml-job` output imports as the request it holds: what describe reports about
/// the job is left out and named, and the name is said to be the old job's.
#[test]
fn import_of_describe_output_keeps_the_request() {
    let output = r#"{"AutoMLJobName": "old", "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:123456789012:automl-job/old", "RoleArn": "r", "AutoMLJobStatus": "Completed", "CreationTime": "2024-05-02T10:11:12+00:00", "BestCandidate": {"CandidateName": "c"}}"#;
    let out = run(&["import", "-"], Some(output));
    assert_eq!(
        text(&out.stdout).trim(),
        "{\n  \"AutoMLJobName\": \"old\",\n  \"RoleArn\": \"r\"\n}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("note: left out AutoMLJobArn, AutoMLJobStatus, CreationTime, BestCandidate: they are what describe-auto-ml-job reports about the job, not part of the request\nnote: AutoMLJobName is still the described job's: give the new job a name of its own"),
        "{stderr}"
    );
}

/// `check` given what `import` reads (a command, a boto3 program, describe output) says so.
#[test]
fn check_points_to_import_for_what_import_reads() {
    let program = "import boto3\nboto3.client('sagemaker').create_auto_ml_job(AutoMLJobName='j')\n";
    let out = run(&["check", "-"], Some(program));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).ends_with("help: this is a boto3 program, not a JSON body: `automl-job import -` reads the request in it\n"),
        "{}",
        text(&out.stdout)
    );
    let out = run(
        &["check", "-"],
        Some("aws sagemaker create-auto-ml-job --auto-ml-job-name j\n"),
    );
    assert!(text(&out.stdout).contains("help: this is an AWS CLI command"));
    let described =
        r#"{"AutoMLJobName": "old", "AutoMLJobArn": "arn", "AutoMLJobStatus": "Completed"}"#;
    let out = run(&["check", "-"], Some(described));
    assert!(text(&out.stdout).contains("help: this is describe-auto-ml-job output, not a request"));
    // A request, valid or not, gets no such line.
    let out = run(&["check", "-"], Some(r#"{"AutoMLJobName": "j"}"#));
    assert!(
        !text(&out.stdout).contains("help:"),
        "{}",
        text(&out.stdout)
    );
}

/// A documented rule's finding about two members names the other one in the JSON line;
/// other findings carry no `related`.
#[test]
fn json_lines_name_the_related_members() {
    let request = r#"{"AutoMLJobName": "j", "ProblemType": "Regression", "AutoMLJobObjective": {"MetricName": "F1"}}"#;
    let out = run(&["check", "--format", "json", "-"], Some(request));
    let line = text(&out.stdout);
    assert!(
        line.contains(r#""code":"metric-problem-type","path":"/AutoMLJobObjective/MetricName""#),
        "{line}"
    );
    assert!(line.contains(r#","related":["/ProblemType"]"#), "{line}");
    assert_eq!(line.matches("\"related\"").count(), 1, "{line}");
}

/// A duration written with units where seconds are wanted: the plain message says what it is
/// in seconds, and the AWS CLI's line stays its own.
#[test]
fn a_duration_in_a_seconds_member_says_what_to_write() {
    let path = fixture("runtime-as-duration.json");
    let out = run(&["check", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "error[type]: MaxAutoMLJobRuntimeInSeconds is in seconds: 4h is 14400 — write 14400\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[type]: MaxRuntimePerTrainingJobInSeconds is in seconds: 1h 30m is 5400 — write 5400\n"),
        "{stdout}"
    );
    assert!(stdout.contains("= aws cli: Invalid type for parameter AutoMLJobConfig.CompletionCriteria.MaxAutoMLJobRuntimeInSeconds, value: 4h, type: <class 'str'>, valid types: <class 'int'>"), "{stdout}");
    assert!(
        stdout.contains("would be rejected (2 errors, 0 warnings)"),
        "{stdout}"
    );
}

/// `automl-job import --help` answered "unknown option '--help'": every command has its own
/// help, on standard output with exit 0, naming the command's options and values.
#[test]
fn every_command_has_its_own_help() {
    for (command, names) in [
        (
            "check",
            &[
                "Usage: automl-job check",
                "--format <FORMAT>",
                "human",
                "json",
            ][..],
        ),
        (
            "export",
            &[
                "Usage: automl-job export",
                "--to <TARGET>",
                "--allow-invalid",
                "cli-input-json",
                "powershell",
                "boto3",
            ][..],
        ),
        (
            "import",
            &[
                "Usage: automl-job import [OPTIONS] [FILE]",
                "standard input",
                "--format",
            ][..],
        ),
    ] {
        for help in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
        ] {
            let out = run(&help, None);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{help:?}: {}",
                text(&out.stderr)
            );
            assert!(out.stderr.is_empty(), "{help:?}: {}", text(&out.stderr));
            let stdout = text(&out.stdout);
            for name in names {
                assert!(stdout.contains(name), "{help:?} lacks {name}:\n{stdout}");
            }
        }
    }
    let out = run(&["--help"], None);
    let stdout = text(&out.stdout);
    for line in [
        "automl-job export --to TARGET [FILE|-] [--allow-invalid]",
        "automl-job import [FILE|-] [--format human|json]",
        "Exit status: 0 every input is valid",
    ] {
        assert!(stdout.contains(line), "{stdout}");
    }
    let out = run(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("automl-job {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// No command, an unknown option, a wrong value or an extra input is wrong usage: exit 2, a
/// message naming what is wrong and where to find help, on stderr only.
#[test]
fn wrong_usage_names_what_is_wrong() {
    let out = run::<&str>(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        stderr.contains("Usage: automl-job check [FILE...|-] [--format human|json]"),
        "{stderr}"
    );
    for (args, says) in [
        (vec!["check", "--nope"], "'--nope'"),
        (vec!["import", "--nope", "-"], "'--nope'"),
        (vec!["export", "--to", "json", "-x"], "'-x'"),
        (vec!["import", "--format", "yaml"], "'yaml'"),
        (vec!["export", "--to", "fortran"], "'fortran'"),
        (vec!["export", "-"], "--to <TARGET>"),
        (vec!["import", "a.json", "b.json"], "'b.json'"),
        (
            vec!["export", "--to", "cli", "a.json", "b.json"],
            "'b.json'",
        ),
        (vec!["check", "--format"], "--format <FORMAT>"),
        (
            vec!["export", "--allow-invalid=yes", "--to", "json"],
            "--allow-invalid",
        ),
    ] {
        let out = run(&args, Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(
            stderr.ends_with("For more information, try '--help'.\n"),
            "{args:?}: {stderr}"
        );
    }
}

/// The spellings the hand-written parser took still work: `--opt=value`, options between
/// files, a repeated option's last value, `--` before a file name that starts with `-`.
#[test]
fn options_are_read_in_every_documented_spelling() {
    let good = fixture("valid-minimal.json");
    let good = good.to_str().unwrap();
    let out = run(
        &["check", good, "--format", "human", "-", "--format=json"],
        Some("{}"),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].contains("\"valid\":true"), "{stdout}");
    assert!(lines[1].starts_with("{\"file\":\"<stdin>\""), "{stdout}");
    let out = run(&["export", "--to=boto3", good], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("create_auto_ml_job("));
    let out = run(&["check", "--", "-not-an-option.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("cannot read -not-an-option.json: no such file"),
        "{}",
        text(&out.stdout)
    );
}

/// `automl-job check $'\xff.json'` aborted with exit 134 (a panic in `std::env::args`): a file
/// name that is not UTF-8 is read like any other, and named with U+FFFD in messages.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("automl-job-os-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = OsStr::from_bytes(b"\xff.json");
    let path = dir.join(name);
    std::fs::copy(fixture("valid-minimal.json"), &path).unwrap();
    let lossy = path.to_string_lossy().into_owned();
    assert!(lossy.contains("\u{fffd}.json"));

    let out = run(&[OsStr::new("check"), path.as_os_str()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!("{lossy}: is valid")),
        "{}",
        text(&out.stdout)
    );
    let out = run(
        &[
            OsStr::new("export"),
            OsStr::new("--to"),
            OsStr::new("json"),
            path.as_os_str(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = run(&[OsStr::new("import"), path.as_os_str()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"AutoMLJobName\""));

    let missing = dir.join(OsStr::from_bytes(b"missing-\xfe.json"));
    for command in ["check", "import"] {
        let out = run(&[OsStr::new(command), missing.as_os_str()], None);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let both = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            both.contains(&format!(
                "cannot read {}: no such file",
                missing.to_string_lossy()
            )),
            "{command}: {both}"
        );
        assert!(!both.contains("panicked"), "{command}: {both}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `automl-job preflight REQUEST.json DATA...`: the data files checked against the request.
mod preflight {
    use std::io::Write;
    use std::path::PathBuf;

    use super::{run, text};
    use crate::common::write;

    /// A directory of its own for each test's files.
    fn dir(test: &str) -> PathBuf {
        crate::common::scratch("preflight", test)
    }

    /// `rows` data rows of a churn table, one note per 7 rows quoted over two lines.
    fn churn(rows: usize) -> Vec<u8> {
        let mut s = "customer_id,plan,notes,churn\n".to_string();
        for i in 0..rows {
            let notes = if i % 7 == 0 {
                "\"called, then\nwrote\""
            } else {
                "none"
            };
            let churn = if i % 4 == 0 { "yes" } else { "no" };
            s.push_str(&format!("{i},basic,{notes},{churn}\n"));
        }
        s.into_bytes()
    }

    fn request(extra: &str) -> String {
        format!(
            r#"{{"AutoMLJobName": "churn", "ProblemType": "BinaryClassification",
  "InputDataConfig": [{{"DataSource": {{"S3DataSource": {{"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}}}},
                        "TargetAttributeName": "churn"{extra}}}],
  "OutputDataConfig": {{"S3OutputPath": "s3://b/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"}}"#
        )
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn a_file_the_job_can_use_exits_0_with_its_summary() {
        let d = dir("valid");
        let req = write(&d, "request.json", request("").as_bytes());
        let data = write(&d, "train.csv", &churn(500));
        let out = run(&["preflight", &req, &data], None);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
        assert!(
            stdout.contains(&format!(
                "{data} (training, CSV, {} bytes): 500 rows, 4 columns; target churn: no 375, yes 125",
                churn(500).len()
            )),
            "{stdout}"
        );
        assert!(
            stdout.ends_with("preflight: the job would start (0 errors, 0 warnings)\n"),
            "{stdout}"
        );
    }

    #[test]
    fn too_few_rows_exit_1_located_in_the_request() {
        let d = dir("few");
        let req = write(&d, "request.json", request("").as_bytes());
        let data = write(&d, "train.csv", &churn(499));
        let out = run(&["preflight", &req, &data], None);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(stdout.starts_with(&format!(
            "error[too-few-rows]: {data} has 499 data rows: Autopilot needs at least 500 training rows\n   = path: /InputDataConfig/0/DataSource/S3DataSource/S3Uri\n"
        )), "{stdout}");
        assert!(
            stdout.ends_with("preflight: the job would fail (1 error, 0 warnings)\n"),
            "{stdout}"
        );
    }

    #[test]
    fn json_format_prints_one_object_with_the_channels() {
        let d = dir("json");
        let req = write(
            &d,
            "request.json",
            request(r#", "CompressionType": "Gzip""#).as_bytes(),
        );
        let mut lines = churn(500);
        lines.extend(b"1,basic,\"short\"\n");
        let data = write(&d, "train.csv.gz", &gzip(&lines));
        let out = run(&["preflight", "--format", "json", &req, &data], None);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert_eq!(stdout.lines().count(), 1);
        let json = automl_rules::json::parse(stdout.trim()).expect("one JSON object");
        let get = |p: &str| json.pointer(p).cloned();
        assert_eq!(get("/valid").and_then(|n| n.as_bool()), Some(true));
        assert_eq!(
            get("/channels/0/rows").and_then(|n| n.as_f64()),
            Some(501.0)
        );
        assert_eq!(
            get("/channels/0/compression")
                .and_then(|n| n.as_str().map(String::from))
                .as_deref(),
            Some("Gzip")
        );
        assert_eq!(
            get("/channels/0/target/classes/no").and_then(|n| n.as_f64()),
            Some(375.0)
        );
        assert_eq!(
            get("/channels/0/columns/2/name")
                .and_then(|n| n.as_str().map(String::from))
                .as_deref(),
            Some("notes")
        );
        assert_eq!(
            get("/diagnostics/0/code")
                .and_then(|n| n.as_str().map(String::from))
                .as_deref(),
            Some("field-count")
        );
        assert_eq!(
            get("/diagnostics/0/line").and_then(|n| n.as_f64()),
            Some(574.0)
        );
        assert_eq!(
            get("/diagnostics/1/code")
                .and_then(|n| n.as_str().map(String::from))
                .as_deref(),
            Some("target-values-missing")
        );
    }

    #[test]
    fn a_truncated_gzip_file_is_named_with_its_offset() {
        let d = dir("truncated");
        let req = write(
            &d,
            "request.json",
            request(r#", "CompressionType": "Gzip""#).as_bytes(),
        );
        let gz = gzip(&churn(600));
        let data = write(&d, "train.csv.gz", &gz[..gz.len() - 3]);
        let out = run(&["preflight", &req, &data], None);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(
            stdout.contains(&format!(
                "error[gzip-corrupt]: {data} ends before its gzip data does (after {} bytes",
                gz.len() - 3
            )),
            "{stdout}"
        );
        assert!(
            stdout.contains(&format!("  --> {data}, byte {}\n", gz.len() - 3)),
            "{stdout}"
        );
    }

    /// A Parquet file of `len` bytes whose footer (Thrift compact protocol, written out by
    /// hand: this crate has no Parquet writer) holds the schema `churn: INT64` and `rows`
    /// rows; the data pages are never read, so they are zeros here.
    fn parquet_of(len: usize, rows: u16) -> Vec<u8> {
        assert!((64..8192).contains(&rows), "a two-byte varint");
        let z = u32::from(rows) * 2; // zigzag
        let mut meta = vec![
            0x15, 0x02, // 1: version = 1 (i32)
            0x19, 0x2c, // 2: schema, a list of 2 structs
            0x48, 6, b's', b'c', b'h', b'e', b'm', b'a', // 4: name "schema"
            0x15, 0x02, 0x00, // 5: num_children = 1; end
            0x15, 0x04, // 1: type = INT64 (2)
            0x25, 0x00, // 3: repetition_type = REQUIRED (0)
            0x18, 5, b'c', b'h', b'u', b'r', b'n', 0x00, // 4: name "churn"; end
            0x16, // 3: num_rows (i64), a varint:
        ];
        meta.extend([(z & 0x7f) as u8 | 0x80, (z >> 7) as u8]);
        meta.extend([0x19, 0x0c, 0x00]); // 4: row_groups, an empty list; end
        let mut file = b"PAR1".to_vec();
        file.resize(len - meta.len() - 8, 0);
        file.extend(&meta);
        file.extend((meta.len() as u32).to_le_bytes());
        file.extend(b"PAR1");
        file
    }

    #[test]
    fn a_parquet_file_over_8_mib_is_read_by_its_footer_and_not_changed() {
        // The reader seeks to the footer (the last 8 MiB) after the first 1 MiB; a file
        // between 9 and 17 MiB was named as changed while it was read, its bytes miscounted.
        let d = dir("parquet");
        let req = write(
            &d,
            "request.json",
            request(r#", "ContentType": "x-application/vnd.amazon+parquet""#).as_bytes(),
        );
        for len in [4 << 20, 12 << 20, 20 << 20] {
            let data = write(&d, "train.parquet", &parquet_of(len, 600));
            let out = run(&["preflight", "--format", "json", &req, &data], None);
            let stdout = text(&out.stdout);
            assert_eq!(out.status.code(), Some(0), "{len}: {stdout}");
            let json = automl_rules::json::parse(stdout.trim()).expect("one JSON object");
            let get = |p: &str| json.pointer(p).and_then(|n| n.as_f64());
            assert_eq!(get("/channels/0/bytes"), Some(len as f64), "{stdout}");
            assert_eq!(get("/channels/0/rows"), Some(600.0), "{stdout}");
            assert!(!stdout.contains("data-changed"), "{stdout}");
        }
    }

    #[test]
    fn unreadable_files_and_wrong_arguments_exit_2() {
        let d = dir("unreadable");
        let req = write(&d, "request.json", request("").as_bytes());
        let data = write(&d, "train.csv", &churn(500));
        let missing = d.join("missing.csv");
        let out = run(&["preflight", &req, missing.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stdout).starts_with(&format!(
                "error[unreadable]: cannot read {}: no such file",
                missing.display()
            )),
            "{}",
            text(&out.stdout)
        );
        let out = run(&["preflight", &req, &data, &data], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr)
            .contains("2 data files for 1 channel in the request's InputDataConfig"));
        // No DATA: the channel is read from its S3Uri (s3://b/train/), here through an
        // endpoint on a loopback port nothing listens on: a located network error, exit 2.
        let out = super::bin()
            .args(["preflight", &req])
            .env("AWS_ENDPOINT_URL", "http://127.0.0.1:1")
            .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
            .env("AWS_SECRET_ACCESS_KEY", "secret")
            .env("AWS_REGION", "us-east-1")
            .env("AUTOML_JOB_S3_TIMEOUT", "2")
            .env("HOME", &d)
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_ENDPOINT_URL_S3")
            .env_remove("AWS_SESSION_TOKEN")
            .env_remove("AWS_SHARED_CREDENTIALS_FILE")
            .env_remove("AWS_CONFIG_FILE")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stdout).starts_with(
                "error[unreadable]: cannot reach the endpoint http://127.0.0.1:1 for s3://b/train/: connection refused"
            ),
            "{}",
            text(&out.stdout)
        );
        let out = run(&["preflight", &data, &data], None);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains("is not a JSON request"),
            "{}",
            text(&out.stderr)
        );
        let out = run(&["preflight", "--help"], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            text(&out.stdout)
                .contains("Usage: automl-job preflight [OPTIONS] <REQUEST.json> [DATA]..."),
            "{}",
            text(&out.stdout)
        );
    }

    /// Issue 13's bad input: each is named, located and given its exit status (1 the data
    /// would fail the job, 2 it cannot be read); none panics, none hangs.
    mod bad_input {
        use std::io::Write;
        use std::process::{Command, Stdio};
        use std::time::{Duration, Instant};

        use super::super::{bin, run, text};
        use super::{churn, dir, request, write};

        fn preflight(req: &str, data: &str) -> (i32, String) {
            let out = run(&["preflight", req, data], None);
            let stdout = text(&out.stdout);
            let stderr = text(&out.stderr);
            assert!(!stderr.contains("panicked"), "{stderr}");
            (out.status.code().unwrap_or(-1), stdout)
        }

        #[test]
        fn empty_header_only_and_binary_files_are_named_exit_1() {
            let d = dir("bad-small");
            let req = write(&d, "request.json", request("").as_bytes());
            let empty = write(&d, "empty.csv", b"");
            let (code, out) = preflight(&req, &empty);
            assert_eq!(code, 1, "{out}");
            assert!(out.starts_with(&format!("error[data-empty]: {empty} is empty: the training channel needs a header row and data rows\n")), "{out}");
            let header = write(&d, "header.csv", b"customer_id,plan,notes,churn\n");
            let (code, out) = preflight(&req, &header);
            assert_eq!(code, 1, "{out}");
            assert!(out.starts_with(&format!("error[too-few-rows]: {header} has 0 data rows (a header only): Autopilot needs at least 500 training rows\n")), "{out}");
            assert!(out.contains("; target churn: no values\n"), "{out}");
            // Binary garbage (bytes of a fixed pseudo-random sequence, a NUL at byte 700).
            let mut x = 0x2545_f491_u32;
            let mut garbage: Vec<u8> = (0..4000)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    (x >> 24) as u8 | 1
                })
                .collect();
            garbage[700] = 0;
            let bin_file = write(&d, "garbage.csv", &garbage);
            let (code, out) = preflight(&req, &bin_file);
            assert_eq!(code, 1, "{out}");
            assert!(out.contains(&format!("error[content-not-tabular]: {bin_file} is not text (a NUL byte at byte 700 of the data), and not Parquet\n  --> {bin_file}, byte 700\n")), "{out}");
        }

        /// A 10 GB sparse file (no disk used): its first bytes are zeros, so it is named
        /// binary at once and the rest is counted, not read (reading 10 GB of zeros took 40 s
        /// here); its size is still checked against the 2 GB validation limit.
        #[test]
        fn a_10_gb_file_of_zeros_is_named_at_once() {
            let d = dir("bad-sparse");
            let req = write(&d, "request.json", request("").as_bytes());
            let path = d.join("huge.csv");
            let file = std::fs::File::create(&path).unwrap();
            file.set_len(10 << 30).unwrap();
            drop(file);
            let data = path.to_str().unwrap().to_string();
            let started = Instant::now();
            let out = run(&["preflight", "--format", "json", &req, &data], None);
            let stdout = text(&out.stdout);
            std::fs::remove_file(&path).unwrap();
            assert_eq!(out.status.code(), Some(1), "{stdout}");
            assert!(
                stdout.contains(r#""code":"content-not-tabular""#),
                "{stdout}"
            );
            assert!(
                stdout.contains(&format!(r#""bytes":{}"#, 10u64 << 30)),
                "{stdout}"
            );
            // Not a timing test: a pass that read the 10 GB would take minutes, not 60 s.
            assert!(started.elapsed() < Duration::from_secs(60));
        }

        #[test]
        fn a_directory_is_unreadable_exit_2() {
            let d = dir("bad-dir");
            let req = write(&d, "request.json", request("").as_bytes());
            let (code, out) = preflight(&req, d.to_str().unwrap());
            assert_eq!(code, 2, "{out}");
            assert!(out.starts_with(&format!("error[unreadable]: cannot read {}: it is a directory: give the data files themselves (with no DATA, each channel's S3Uri is read, a prefix as a folder)\n", d.display())), "{out}");
            assert!(
                out.ends_with("preflight: a file cannot be read (1 error, 0 warnings)\n"),
                "{out}"
            );
        }

        /// A named pipe is read as it is written (as `<(zcat train.csv.gz)` is); one that no
        /// program opens for writing is unreadable after 5 s instead of a wait without end.
        #[cfg(unix)]
        #[test]
        fn a_named_pipe_is_read_and_one_without_writer_exits_2() {
            let d = dir("bad-fifo");
            let req = write(&d, "request.json", request("").as_bytes());
            let fifo = d.join("train.csv");
            let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
            assert!(made.success());
            let data = fifo.to_str().unwrap().to_string();
            let (code, out) = preflight(&req, &data);
            assert_eq!(code, 2, "{out}");
            assert!(out.starts_with(&format!("error[unreadable]: cannot read {data}: it is a named pipe (FIFO) that no program opened for writing within 5 s\n")), "{out}");
            let writer = {
                let fifo = fifo.clone();
                std::thread::spawn(move || {
                    let mut pipe = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
                    pipe.write_all(&churn(500)).unwrap();
                })
            };
            let (code, out) = preflight(&req, &data);
            writer.join().unwrap();
            assert_eq!(code, 0, "{out}");
            assert!(
                out.contains(": 500 rows, 4 columns; target churn: no 375, yes 125\n"),
                "{out}"
            );
        }

        /// A file still being written (it grows all the while): read up to the size it had
        /// when opened, no further, then named as changed; the summary is of that snapshot.
        #[test]
        fn a_file_still_being_written_is_named_changed() {
            let d = dir("bad-growing");
            let req = write(&d, "request.json", request("").as_bytes());
            let first = churn(200_000);
            let data = write(&d, "train.csv", &first);
            let mut child = bin()
                .args(["preflight", "--format", "json", &req, &data])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // Append rows until the command is done (at most 64 MB more).
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .open(&data)
                .unwrap();
            let rows = churn(1_000);
            let rows = &rows[rows.iter().position(|&b| b == b'\n').unwrap() + 1..];
            let mut appended = 0;
            while child.try_wait().unwrap().is_none() && appended < 64 << 20 {
                file.write_all(rows).unwrap();
                appended += rows.len();
                std::thread::sleep(Duration::from_millis(1));
            }
            let out = child.wait_with_output().unwrap();
            let stdout = text(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{stdout}");
            let json = automl_rules::json::parse(stdout.trim()).expect("one JSON object");
            let num = |p: &str| json.pointer(p).and_then(|n| n.as_f64()).unwrap_or(-1.0) as usize;
            // The file may have grown before the command opened it: the snapshot is at least
            // the first file's bytes and rows.
            let bytes = num("/channels/0/bytes");
            assert!(
                bytes >= first.len() && bytes < first.len() + appended,
                "{stdout}"
            );
            assert!(num("/channels/0/rows") >= 200_000, "{stdout}");
            assert!(stdout.contains(&format!(
                r#""code":"data-changed","path":"/InputDataConfig/0/DataSource/S3DataSource/S3Uri","message":"{data} changed while it was read (it is still being written?): its first {bytes} bytes were checked, as they were when it was opened; check it again once it is complete""#
            )), "{stdout}");
        }
    }
}

/// A million bad tags (3 MB, under the 4 MiB limit): the first 20 of each finding and one
/// `more` line that counts the rest, in a bounded output and in bounded time.
#[test]
fn a_million_bad_items_give_a_bounded_report() {
    let items = vec!["{}"; 1_000_000].join(",");
    let body = format!(
        r#"{{"AutoMLJobName":"a","InputDataConfig":[{{"DataSource":{{"S3DataSource":{{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/t/"}}}},"TargetAttributeName":"y"}}],"OutputDataConfig":{{"S3OutputPath":"s3://my-bucket/o/"}},"RoleArn":"arn:aws:iam::123456789012:role/r","Tags":[{items}]}}"#
    );
    assert!(body.len() < 4 << 20);
    let out = run(&["check", "--format", "json"], Some(&body));
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.len() < 100_000, "{} bytes", stdout.len());
    let line = automl_rules::json::parse(stdout.trim_end()).unwrap();
    let diags = line.get("diagnostics").and_then(|n| n.as_array()).unwrap();
    for member in ["Key", "Value"] {
        let listed = diags
            .iter()
            .filter(|d| d.get("code").and_then(|c| c.as_str()) == Some("required"))
            .filter(|d| {
                let path = d.get("path").and_then(|p| p.as_str()).unwrap();
                path.starts_with("/Tags/") && path.ends_with(member)
            })
            .count();
        assert_eq!(listed, 20, "{member}");
        let pattern = format!("(required at /Tags/*/{member})");
        let more = diags
            .iter()
            .find(|d| {
                d.get("message")
                    .and_then(|m| m.as_str())
                    .is_some_and(|m| m.contains(&pattern))
            })
            .unwrap_or_else(|| panic!("no count of {member}"));
        assert_eq!(more.get("code").and_then(|c| c.as_str()), Some("more"));
        assert_eq!(more.get("severity").and_then(|c| c.as_str()), Some("error"));
        assert_eq!(more.get("path").and_then(|c| c.as_str()), Some("/Tags"));
        assert_eq!(
            more.get("omitted").and_then(|c| c.as_f64()),
            Some(999_980.0)
        );
        assert!(more
            .get("message")
            .and_then(|m| m.as_str())
            .unwrap()
            .starts_with("and 999,980 more with the same finding"));
    }
    // The count error, 40 listed, 2 × 999,980 counted: every one of them a clause.
    let response = line
        .get("service_response")
        .and_then(|n| n.as_str())
        .unwrap();
    assert!(
        response.starts_with("2000001 validation errors detected: "),
        "{}",
        &response[..200]
    );
    assert!(response.ends_with("; and 1999960 more"), "{response}");
    // The human report counts every finding, too.
    let out = run(&["check"], Some(&body));
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.len() < 100_000, "{} bytes", stdout.len());
    assert!(
        stdout.contains("would be rejected (2000001 errors, 0 warnings)"),
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
}

/// `import` of a program with run-time values: every hole an error at its member, placed at
/// its line and column in the program (not in the JSON body printed), exit 1; `--format
/// json` prints one object; `export` refuses while a hole is left.
#[test]
fn import_names_every_hole_at_its_place_in_the_source() {
    let program = "import sagemaker\nbucket = sagemaker.Session().default_bucket()\nsm.create_auto_ml_job(\n    AutoMLJobName='churn',\n    OutputDataConfig={'S3OutputPath': f's3://{bucket}/out'},\n    RoleArn=get_execution_role(),\n)\n";
    let out = run(&["import", "--format", "json", "-"], Some(program));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with(r#"{"request":{"AutoMLJobName":"churn","OutputDataConfig":{"S3OutputPath":"s3://{bucket}/out"},"RoleArn":"{get_execution_role()}"},"api":"CreateAutoMLJob","left_out":[],"diagnostics":[{"severity":"error","code":"runtime-value","path":"/OutputDataConfig/S3OutputPath","message":"{bucket}: fill in the value of bucket, which the program sets to sagemaker.Session().default_bucket() when it runs (set on line 2, used on line 5)""#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""line":2,"column":10}"#), "{stdout}");
    assert!(
        stdout.contains(r#""path":"/RoleArn","message":"{get_execution_role()}: fill in"#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""line":6,"column":13}"#), "{stdout}");
    // The checker's findings are placed in the program too.
    assert!(
        stdout.contains(r#""code":"required","path":"/InputDataConfig""#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""line":3,"column":4}"#), "{stdout}");

    let out = run(&["import", "-"], Some(program));
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error[runtime-value]: {bucket}: fill in the value of bucket"),
        "{stderr}"
    );
    assert!(stderr.contains("  --> <stdin>:2:10\n"), "{stderr}");
    assert!(stderr.contains("  --> <stdin>:6:13\n"), "{stderr}");
    assert!(text(&out.stdout).contains(r#""S3OutputPath": "s3://{bucket}/out""#));

    let out = run(&["export", "--to", "cli", "-"], Some(program));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("error[runtime-value]"));
}
