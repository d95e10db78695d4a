//! A shell command as the shell runs it: what only the running shell knows (`$(…)`,
//! backticks, a variable the text never sets) is a hole at the member it feeds, the rest read
//! as written; a line that should end in `\` and does not is named, with where; an
//! environment prefix (`AWS_PROFILE=ml aws …`) is left out and named. Tables of located
//! answers.

use crate::located;

use automl_rules::check::check_text;
use automl_rules::import::{import_full, left_out_kind, Imported, RUNTIME_VALUE};
use automl_rules::json;
use automl_rules::CREATE_AUTO_ML_JOB;

fn imported(text: &str) -> Imported {
    import_full(&CREATE_AUTO_ML_JOB, text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// (what the case guards, text, the request as compact JSON, each hole: its path, part of its
/// message, and the line and column of the place it names)
type HoleCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, usize, usize)],
);

const HOLES: &[HoleCase] = &[
    (
        "command substitution as a whole value",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name $(id -un) --role-arn r",
        r#"{"AutoMLJobName":"{$(id -un)}","RoleArn":"r"}"#,
        &[("/AutoMLJobName", "$(id -un) (line 1, column 53) is the output of a command, known only when the shell runs it: fill in its value", 1, 53)],
    ),
    (
        "backticks, with written parts kept",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name job-`date +%s`-a",
        r#"{"AutoMLJobName":"job-{`date +%s`}-a"}"#,
        &[("/AutoMLJobName", "`date +%s` (line 1, column 57) is the output of a command", 1, 57)],
    ),
    (
        "a command substitution with quotes and parentheses inside",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name \"$(printf '%s)' \"$(echo a)\")\"",
        r#"{"AutoMLJobName":"{$(printf '%s)' \"$(echo a)\")}"}"#,
        &[("/AutoMLJobName", "$(printf '%s)' \"$(echo a)\") (line 1, column 54)", 1, 54)],
    ),
    (
        "a variable never set, inside JSON in double quotes",
        "aws sagemaker create-auto-ml-job --output-data-config \"{\\\"S3OutputPath\\\":\\\"s3://$BUCKET/out/\\\"}\"",
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://{$BUCKET}/out/"}}"#,
        &[("/OutputDataConfig/S3OutputPath", "$BUCKET (line 1, column 81) is a shell variable the pasted text never sets, known only when the shell runs the command: fill in its value", 1, 81)],
    ),
    (
        "a braced variable and one with a default",
        "aws sagemaker create-auto-ml-job --role-arn ${ROLE_ARN} --auto-ml-job-name \"${NAME:-churn}\"",
        r#"{"AutoMLJobName":"{${NAME:-churn}}","RoleArn":"{${ROLE_ARN}}"}"#,
        &[
            ("/RoleArn", "${ROLE_ARN} (line 1, column 45)", 1, 45),
            ("/AutoMLJobName", "${NAME:-churn} (line 1, column 77)", 1, 77),
        ],
    ),
    (
        "a positional parameter",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name \"$1\"",
        r#"{"AutoMLJobName":"{$1}"}"#,
        &[("/AutoMLJobName", "$1 (line 1, column 54)", 1, 54)],
    ),
    (
        "a hole in shorthand, and a whole number that is a hole (left out, to fill in)",
        "aws sagemaker create-auto-ml-job --tags Key=by,Value=$USER --auto-ml-job-config CompletionCriteria={MaxCandidates=$N}",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{}},"Tags":[{"Key":"by","Value":"{$USER}"}]}"#,
        &[
            ("/Tags/0/Value", "$USER (line 1, column 54)", 1, 54),
            ("/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "$N (line 1, column 115)", 1, 115),
        ],
    ),
    (
        "a hole where JSON has a number",
        "aws sagemaker create-auto-ml-job --auto-ml-job-config \"{\\\"CompletionCriteria\\\": {\\\"MaxCandidates\\\": $N}}\"",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{}}}"#,
        &[("/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "$N (line 1, column 101)", 1, 101)],
    ),
    (
        "a structure that is a hole is left empty, a list that is one left out",
        "aws sagemaker create-auto-ml-job --output-data-config \"$OUT\" --tags $(cat tags.json) --role-arn r",
        r#"{"OutputDataConfig":{},"RoleArn":"r"}"#,
        &[
            ("/OutputDataConfig", "$OUT (line 1, column 56)", 1, 56),
            ("/Tags", "$(cat tags.json) (line 1, column 69)", 1, 69),
        ],
    ),
    (
        "--cli-input-json that is a hole: a hole at the request, the options read",
        "aws sagemaker create-auto-ml-job --cli-input-json \"$(cat request.json)\" --auto-ml-job-name j",
        r#"{"AutoMLJobName":"j"}"#,
        &[("", "$(cat request.json) (line 1, column 52) is the output of a command, known only when the shell runs it; it is the whole --cli-input-json, whose members are not known: fill them in", 1, 52)],
    ),
    (
        "a hole in a member's name: the member is named with the marker",
        "aws sagemaker create-auto-ml-job --auto-ml-job-config \"{\\\"${KEY}\\\": {}}\"",
        r#"{"AutoMLJobConfig":{"{${KEY}}":{}}}"#,
        &[("/AutoMLJobConfig/{${KEY}}", "${KEY} (line 1, column 59)", 1, 59)],
    ),
    (
        "a variable set from a command's output: where it is set and where it is used",
        "JOB=churn-$(date +%s)\naws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name \"$JOB\"\n",
        r#"{"AutoMLJobName":"churn-{$(date +%s)}"}"#,
        &[("/AutoMLJobName", "$(date +%s) (line 1, column 11) is the output of a command, known only when the shell runs it; it is in the value of JOB (set at line 1, column 1), and $JOB is used at line 3, column 23: fill in its value", 3, 23)],
    ),
    (
        "a hole through two variables, and each use of it",
        "export PREFIX=\"s3://$BUCKET/churn\"\nOUT=$PREFIX/out\naws sagemaker create-auto-ml-job --output-data-config S3OutputPath=$OUT \\\n  --input-data-config \"[{\\\"DataSource\\\":{\\\"S3DataSource\\\":{\\\"S3DataType\\\":\\\"S3Prefix\\\",\\\"S3Uri\\\":\\\"$PREFIX/train\\\"}}}]\"",
        r#"{"InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{$BUCKET}/churn/train"}}}],"OutputDataConfig":{"S3OutputPath":"s3://{$BUCKET}/churn/out"}}"#,
        &[
            ("/OutputDataConfig/S3OutputPath", "$BUCKET (line 1, column 21) is a shell variable the pasted text never sets, known only when the shell runs the command; it is in the value of PREFIX (set at line 1, column 1), in that of OUT (set at line 2, column 1), and $OUT is used at line 3, column 68", 3, 68),
            ("/InputDataConfig/0/DataSource/S3DataSource/S3Uri", "it is in the value of PREFIX (set at line 1, column 1), and $PREFIX is used at line 4, column 100", 4, 100),
        ],
    ),
    (
        "an environment prefix sets the variable for aws only: the shell expands the earlier value",
        "BUCKET=my-bucket aws sagemaker create-auto-ml-job --output-data-config S3OutputPath=s3://$BUCKET/o",
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://{$BUCKET}/o"}}"#,
        &[("/OutputDataConfig/S3OutputPath", "$BUCKET (line 1, column 90) is expanded by the shell before BUCKET=… (line 1, column 1) takes effect, which sets it only in the aws command's environment; the pasted text sets no value before: fill in its value", 1, 90)],
    ),
];

#[test]
fn holes_are_named_at_the_member_they_feed() {
    for &(guard, text, request, holes) in HOLES {
        let got = imported(text);
        assert_eq!(json::to_compact(&got.request), request, "{guard}");
        let found: Vec<_> = got.holes().collect();
        assert_eq!(found.len(), holes.len(), "{guard}: {found:#?}");
        for (d, &(path, message, line, column)) in found.iter().zip(holes) {
            assert_eq!(d.path, path, "{guard}");
            assert!(
                d.message.contains(message),
                "{guard}: {:?} lacks {message:?}",
                d.message
            );
            let at = d.span.expect("a hole has a place").start;
            assert_eq!(json::line_col(text, at), (line, column), "{guard}");
            assert_eq!(d.code, RUNTIME_VALUE);
        }
    }
}

/// With holes the import still reads every written value (`import` alone refuses, naming
/// every hole, one a line).
#[test]
fn import_alone_refuses_naming_every_hole() {
    let text =
        "aws sagemaker create-auto-ml-job --auto-ml-job-name $(date +%s) --role-arn \"$ROLE\"";
    let err = automl_rules::import::import(text).unwrap_err();
    let lines: Vec<&str> = err.message.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("$(date +%s) (line 1, column 53)"),
        "{err}"
    );
    assert!(lines[1].starts_with("$ROLE (line 1, column 77)"), "{err}");
    assert_eq!((err.line, err.column), (1, 53));
}

/// The AWS CLI's environment set by a prefix is left out and named, as its options are.
#[test]
fn an_environment_prefix_is_left_out_and_named() {
    let text = "AWS_PROFILE=ml AWS_REGION='eu-west-1' aws --region us-east-1 sagemaker create-auto-ml-job --auto-ml-job-name j";
    let got = imported(text);
    assert_eq!(json::to_compact(&got.request), r#"{"AutoMLJobName":"j"}"#);
    assert_eq!(
        got.left_out,
        [
            "AWS_PROFILE=ml",
            "AWS_REGION=eu-west-1",
            "--region us-east-1"
        ]
    );
    assert_eq!(
        left_out_kind(&got.left_out[0]),
        "the environment the shell gives the aws command, and its own options"
    );
    assert!(got.diagnostics.is_empty(), "{:?}", got.diagnostics);
    // Behind a prompt, and with a value that mentions boto3 (not a Python program).
    let got = imported("$ BUCKET=boto3-data aws sagemaker create-auto-ml-job --auto-ml-job-name j");
    assert_eq!(got.left_out, ["BUCKET=boto3-data"]);
    // A quoted `=` is no assignment: the shell runs a program of that name.
    let err = import_full(
        &CREATE_AUTO_ML_JOB,
        "'A=b' aws sagemaker create-auto-ml-job",
    )
    .unwrap_err();
    assert!(err.message.starts_with("expected a JSON body"), "{err}");
}

/// (what the case guards, text, part of the message, line, column)
const CONTINUATIONS: &[(&str, &str, &str, usize, usize)] = &[
    (
        "a line without its backslash: where it ends",
        "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name j\n  --role-arn r \\\n  --problem-type Regression\n",
        "line 2 does not end in \\: the shell ends the aws command there and runs line 3 (--role-arn …) as a separate command; end line 2 with \\ to go on",
        2,
        23,
    ),
    (
        "the first line without its backslash",
        "aws sagemaker create-auto-ml-job\n--auto-ml-job-name j",
        "line 1 does not end in \\: the shell ends the aws command there and runs line 2 (--auto-ml-job-name …)",
        1,
        33,
    ),
    (
        "a comment between",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name j\n# the role\n  --role-arn r",
        "line 1 does not end in \\: the shell ends the aws command there and runs line 3 (--role-arn …)",
        1,
        54,
    ),
    (
        "white space after the backslash",
        "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name j \\  \n  --role-arn r\n",
        "line 2 has white space after its \\, which escapes that space instead of the line break: the shell ends the aws command there and runs line 3 (--role-arn …) as a separate command",
        2,
        25,
    ),
    (
        "a blank line after a backslash",
        "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name j \\\n\n  --role-arn r\n",
        "line 3 is blank: the shell ends the aws command there and runs line 4 (--role-arn …) as a separate command; remove the blank line",
        3,
        1,
    ),
    (
        "another command after it is still one command at a time",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name j\naws sagemaker describe-auto-ml-job --auto-ml-job-name j\n",
        "unexpected text after the command: import one command at a time",
        2,
        1,
    ),
];

#[test]
fn a_line_missing_its_backslash_is_named() {
    located::assert_refusals(CONTINUATIONS);
}

/// A lone surrogate is kept as check keeps it (U+FFFD) and warned about as check warns, in a
/// JSON body, in the JSON of a command's option and in a cmd.exe script's body.
#[test]
fn a_lone_surrogate_is_warned_about_as_check_does() {
    let body = "{\"AutoMLJobName\": \"a\\ud800\", \"Tags\": [{\"Key\": \"\\udc00\\udc00\", \"Value\": \"\\ud83d\\ude00\"}]}";
    let got = imported(body);
    let checked = check_text(body);
    assert!(got.request.same_as(checked.request.as_ref().unwrap()));
    let warnings = |ds: &[automl_rules::Diagnostic]| -> Vec<(String, String, Option<json::Span>)> {
        ds.iter()
            .filter(|d| d.code == "lone-surrogate")
            .map(|d| (d.path.clone(), d.message.clone(), d.span))
            .collect()
    };
    assert_eq!(warnings(&got.diagnostics), warnings(&checked.diagnostics));
    assert_eq!(warnings(&got.diagnostics).len(), 2);
    assert_eq!(
        got.request
            .pointer("/AutoMLJobName")
            .and_then(json::Node::as_str),
        Some("a\u{fffd}")
    );
    // In a command: at its place in the command.
    let text = "aws sagemaker create-auto-ml-job --tags '[{\"Key\":\"\\ud800\",\"Value\":\"v\"}]'";
    let got = imported(text);
    let w = warnings(&got.diagnostics);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].0, "/Tags/0/Key");
    let span = w[0].2.unwrap();
    assert_eq!(&text[span.start..span.end], "\\ud800");
    // In the cmd.exe script the export writes.
    let script = automl_rules::export::render(
        &json::parse(r#"{"AutoMLJobName":"j","RoleArn":"r"}"#).unwrap(),
        automl_rules::export::Target::Cmd,
    )
    .replace("\"RoleArn\": \"r\"", "\"RoleArn\": \"r\\udfff\"");
    let got = imported(&script);
    let w = warnings(&got.diagnostics);
    assert_eq!(w.len(), 1, "{script}\n{w:?}");
    assert_eq!(w[0].0, "/RoleArn");
}

/// What a slot of [`TEMPLATE`] holds: a written value, a variable set before the command, or a
/// run-time value (a hole), each as the shell would read it and as the same command with the
/// value written in its place.
const SLOTS: &[(&str, Option<&str>)] = &[
    ("abc", None),
    ("$SET", None),
    ("${SET}", None),
    ("$UNSET", Some("{$UNSET}")),
    ("${OTHER}", Some("{${OTHER}}")),
    ("${OTHER:-x}", Some("{${OTHER:-x}}")),
    ("$(date +%s)", Some("{$(date +%s)}")),
    ("`id -u`", Some("{`id -u`}")),
    ("$(echo \"a b\")", Some("{$(echo \"a b\")}")),
    ("$JOB", Some("{$(hostname)}")),
];

/// A command with a slot in each way a value is written: unquoted, in double quotes, inside
/// JSON in double quotes, in shorthand, in a list's words; the variables set before it.
const TEMPLATE: &str = "SET=setv\nJOB=$(hostname)\naws sagemaker create-auto-ml-job --auto-ml-job-name job-@0 \\\n  --role-arn \"arn:aws:iam::123456789012:role/@1\" \\\n  --output-data-config \"{\\\"S3OutputPath\\\": \\\"s3://@2/out\\\"}\" \\\n  --tags Key=a,Value=@3 \"Key=b,Value=@4\" \\\n  --auto-ml-job-objective MetricName=@5\n";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Filled with the values a person would write, the import of a command with holes is the
    /// import of the command with those values written in: the written parts are kept in place,
    /// and each hole is named at the member it feeds.
    #[test]
    fn holes_filled_in_are_the_command_with_the_values_written(
        picks in proptest::collection::vec(0..SLOTS.len(), 6)
    ) {
        let mut text = TEMPLATE.to_string();
        let mut written = TEMPLATE.to_string();
        let mut fills: Vec<(String, String)> = Vec::new();
        let mut holes = 0;
        for (slot, &pick) in picks.iter().enumerate() {
            let (shell, marker) = SLOTS[pick];
            text = text.replace(&format!("@{slot}"), shell);
            let value = match marker {
                Some(marker) => {
                    holes += 1;
                    let value = format!("v{pick}");
                    fills.push((marker.to_string(), value.clone()));
                    value
                }
                None => shell.replace("${SET}", "setv").replace("$SET", "setv"),
            };
            written = written.replace(&format!("@{slot}"), &value);
        }
        let got = imported(&text);
        let want = imported(&written);
        proptest::prop_assert!(want.holes().next().is_none());
        proptest::prop_assert_eq!(got.holes().count(), holes, "{}", text);
        let mut body = json::to_compact(&got.request);
        for (marker, value) in &fills {
            // The marker as the compact JSON writes it.
            let marker = json::to_compact(&json::Node::new(json::Value::String(marker.clone())));
            body = body.replace(&marker[1..marker.len() - 1], value);
        }
        proptest::prop_assert_eq!(body, json::to_compact(&want.request), "{}", text);
        for d in got.holes() {
            let at = got.request.pointer(&d.path).and_then(json::Node::as_str);
            proptest::prop_assert!(at.is_some_and(|s| s.contains('{')), "{} at {}", text, d.path);
        }
    }
}

/// Variables that double one another line after line (`B=$A$A`) stay within bounds: the
/// import ends with a located answer.
#[test]
fn variables_that_double_stay_bounded() {
    let mut text = String::from("A=aaaaaaaaaaaaaaaa\n");
    let mut last = "A".to_string();
    for i in 0..40 {
        let name = format!("V{i}");
        text.push_str(&format!("{name}=${last}${last}\n"));
        last = name;
    }
    text.push_str(&format!(
        "aws sagemaker create-auto-ml-job --auto-ml-job-name \"${last}\" --role-arn \"${last}\"\n"
    ));
    // Unbounded, the last value would be 16 TiB: the import would never answer. No clock is
    // read (the machines are shared); the answer itself is the test.
    let err = import_full(&CREATE_AUTO_ML_JOB, &text).unwrap_err();
    assert_eq!(json::line_col(&text, err.offset), (err.line, err.column));
    // Within the bound, a doubled value is read in full.
    let text = "A=ab\nB=$A$A\nC=\"$B-$B\"\naws sagemaker create-auto-ml-job --auto-ml-job-name $C";
    assert_eq!(
        json::to_compact(&imported(text).request),
        r#"{"AutoMLJobName":"abab-abab"}"#
    );
}
