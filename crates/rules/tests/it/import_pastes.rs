//! Regression tests for common pastes that a new-user review found misattributed: a command
//! with its shell prompt, a body in Markdown fences, prose, a PowerShell command, a Python
//! dict and YAML. Each either imports, with spans into the text as pasted, or is told what it
//! looks like.

use automl_rules::import::import;
use automl_rules::json;

/// The text a span of the imported request covers.
fn slice<'t>(text: &'t str, node: &json::Node, pointer: &str) -> &'t str {
    let span = node.pointer(pointer).unwrap().span;
    &text[span.start..span.end]
}

#[test]
fn a_dollar_prompt_before_aws_is_left_out() {
    let text = "$ aws sagemaker create-auto-ml-job --auto-ml-job-name 'j'";
    let node = import(text).unwrap();
    assert_eq!(json::to_compact(&node), r#"{"AutoMLJobName":"j"}"#);
    assert_eq!(slice(text, &node, "/AutoMLJobName"), "j");
}

#[test]
fn a_prompt_with_continuation_prompts_is_left_out() {
    let text =
        "  % aws sagemaker create-auto-ml-job \\\n> --auto-ml-job-name j \\\n>   --role-arn 'r'\n";
    let node = import(text).unwrap();
    assert_eq!(
        json::to_compact(&node),
        r#"{"AutoMLJobName":"j","RoleArn":"r"}"#
    );
    assert_eq!(slice(text, &node, "/RoleArn"), "r");
    // Errors after a prompt point into the text as pasted.
    let err = import("$ aws sagemaker create-auto-ml-job --bogus x").unwrap_err();
    assert_eq!((err.line, err.column), (1, 36), "{err}");
}

#[test]
fn a_prompt_before_something_else_is_not_taken_away() {
    let err = import("$ ls -l").unwrap_err();
    assert!(
        err.message.contains("expected a JSON body, an aws"),
        "{err}"
    );
}

#[test]
fn a_body_in_markdown_fences_is_imported() {
    for text in [
        "```json\n{\"AutoMLJobName\": \"j\"}\n```\n",
        "  ```\n{\"AutoMLJobName\": \"j\"}\n```",
    ] {
        let node = import(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(json::to_compact(&node), r#"{"AutoMLJobName":"j"}"#);
        assert_eq!(slice(text, &node, "/AutoMLJobName"), "\"j\"");
    }
    let text = "```bash\n$ aws sagemaker create-auto-ml-job --auto-ml-job-name j\n```";
    let node = import(text).unwrap();
    assert_eq!(slice(text, &node, "/AutoMLJobName"), "j");
    let err = import("```json\n{\n  \"a\": }\n```").unwrap_err();
    assert!(err.message.contains("expected a JSON value"), "{err}");
    assert_eq!((err.line, err.column), (3, 8), "{err}");
}

#[test]
fn prose_is_not_told_about_shell_expansion() {
    let err = import("hello world {not json").unwrap_err();
    assert_eq!(
        err.message,
        "expected a JSON body, an aws sagemaker create-auto-ml-job command or a boto3 create_auto_ml_job(…) call"
    );
    assert_eq!((err.line, err.column), (1, 1));
}

#[test]
fn a_powershell_command_is_named() {
    let text = "aws sagemaker create-auto-ml-job `\n  --auto-ml-job-name j `\n  --role-arn r\n";
    let err = import(text).unwrap_err();
    assert!(
        err.message.contains(
            "this looks like a PowerShell command: paste a bash command or the JSON body"
        ),
        "{err}"
    );
    assert_eq!((err.line, err.column), (1, 34), "{err}");
    let err = import("PS C:\\Users\\me> aws sagemaker create-auto-ml-job --auto-ml-job-name j")
        .unwrap_err();
    assert!(err.message.contains("PowerShell"), "{err}");
}

#[test]
fn a_python_dict_imports_and_a_broken_body_keeps_the_json_message() {
    let node = import("{'AutoMLJobName': 'x'}").unwrap();
    assert_eq!(json::to_compact(&node), r#"{"AutoMLJobName":"x"}"#);
    // Where JSON reads further than Python, its message stands.
    let err = import("{\"AutoMLJobName\": \"x\" \"RoleArn\": 1}").unwrap_err();
    assert_eq!(err.message, "expected ',' or '}' in an object, found '\"'");
    // A single-quoted text that is not Python either gets the message that read further.
    let err = import("{'AutoMLJobName': x}").unwrap_err();
    assert!(
        err.message
            .starts_with("{x}: fill in the value of x, which this program does not set"),
        "{err}"
    );
}

#[test]
fn yaml_is_named() {
    for text in [
        "AutoMLJobName: x\nRoleArn: r\n",
        "# the job\n---\nAutoMLJobName: x\n",
    ] {
        let err = import(text).unwrap_err();
        assert!(
            err.message
                .contains("this looks like YAML; paste the JSON body"),
            "{text:?}: {err}"
        );
    }
}

#[test]
fn describe_output_imports_as_its_request() {
    let text = r#"{"AutoMLJobName": "old", "AutoMLJobArn": "arn", "AutoMLJobStatus": "Failed", "FailureReason": "x", "ResponseMetadata": {"HTTPStatusCode": 200}, "RoleArn": "r", "ModelDeployResult": {}}"#;
    let (node, left_out) = automl_rules::import::import_noting(text).unwrap();
    assert_eq!(
        json::to_compact(&node),
        r#"{"AutoMLJobName":"old","RoleArn":"r"}"#
    );
    assert_eq!(
        left_out,
        [
            "AutoMLJobArn",
            "AutoMLJobStatus",
            "FailureReason",
            "ResponseMetadata",
            "ModelDeployResult"
        ]
    );
    assert!(automl_rules::import::left_out_describe_output(&left_out));
    // Spans still point into the text as pasted.
    assert_eq!(slice(text, &node, "/RoleArn"), "\"r\"");
    // Any one member only describe reports is enough (a part of the output, boto3's
    // ResponseMetadata, V2's AutoMLProblemTypeConfigName).
    let text = r#"{"AutoMLJobName": "j", "CreationTime": "2024-05-02T10:11:12+00:00", "AutoMLProblemTypeConfigName": "Tabular"}"#;
    let (node, left_out) = automl_rules::import::import_noting(text).unwrap();
    assert_eq!(json::to_compact(&node), r#"{"AutoMLJobName":"j"}"#);
    assert_eq!(left_out, ["CreationTime", "AutoMLProblemTypeConfigName"]);
    // A request keeps every member, for the checker to judge.
    let text = r#"{"AutoMLJobName": "j", "JobArn": "arn"}"#;
    let (node, left_out) = automl_rules::import::import_noting(text).unwrap();
    assert_eq!(
        json::to_compact(&node),
        r#"{"AutoMLJobName":"j","JobArn":"arn"}"#
    );
    assert!(left_out.is_empty());
}

/// A script that sets shell variables before the command: `$NAME` and `${NAME}` read as
/// their values, in double quotes or unquoted; a value the shell would split must be quoted.
#[test]
fn shell_variables_set_before_the_command_are_read() {
    let text = "#!/bin/bash\nexport BUCKET=my-bucket\nROLE='arn:aws:iam::123456789012:role/AutoML'\nPREFIX=\"s3://$BUCKET/churn\"\n\naws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name churn-1 \\\n  --output-data-config \"{\\\"S3OutputPath\\\":\\\"${PREFIX}/out/\\\"}\" \\\n  --role-arn $ROLE\n";
    let node = import(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json::to_compact(&node),
        r#"{"AutoMLJobName":"churn-1","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/churn/out/"},"RoleArn":"arn:aws:iam::123456789012:role/AutoML"}"#
    );
    // The value's span is the reference in the command.
    assert_eq!(slice(text, &node, "/RoleArn"), "$ROLE");
    // A value with a space, unquoted, would be split by the shell.
    let err = import("NAME='a b'\naws sagemaker create-auto-ml-job --auto-ml-job-name $NAME")
        .unwrap_err();
    assert!(err.message.contains("split this variable's value"), "{err}");
    assert_eq!((err.line, err.column), (2, 53), "{err}");
    // A value that mentions boto3 does not make the script a Python program.
    let node = import("BUCKET=boto3-data\naws sagemaker create-auto-ml-job --output-data-config \"S3OutputPath=s3://$BUCKET/o\"").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json::to_compact(&node),
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://boto3-data/o"}}"#
    );
    // A variable never set is a hole, which `import` refuses, naming it (`import_full` reads
    // it: see `import_shell`).
    let err = import("BUCKET=b\naws sagemaker create-auto-ml-job --role-arn $ROLE").unwrap_err();
    assert!(
        err.message.starts_with(
            "$ROLE (line 2, column 45) is a shell variable the pasted text never sets"
        ),
        "{err}"
    );
}
