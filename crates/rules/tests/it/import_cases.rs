//! Import as tables: texts that import to a request, and texts that do not, with the message
//! and the line and column it points at.

use crate::located;

use automl_rules::import::import;
use automl_rules::json;

const CMD: &str = "aws sagemaker create-auto-ml-job";

/// (what the case guards, text, the request it imports to as compact JSON)
const IMPORTS: &[(&str, &str, &str)] = &[
    (
        "a JSON body is returned as written, order included",
        "\n  {\"RoleArn\": \"r\", \"AutoMLJobName\": \"é\"}\n",
        r#"{"RoleArn":"r","AutoMLJobName":"é"}"#,
    ),
    (
        "scalar options, in the model's order",
        "aws sagemaker create-auto-ml-job --role-arn 'r' --auto-ml-job-name j",
        r#"{"AutoMLJobName":"j","RoleArn":"r"}"#,
    ),
    (
        "backslash continuations, CRLF too, and = values",
        "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name=-x \\\r\n  --problem-type Regression\n",
        r#"{"AutoMLJobName":"-x","ProblemType":"Regression"}"#,
    ),
    (
        "double quotes with their four escapes; other backslashes stay",
        r#"aws sagemaker create-auto-ml-job --auto-ml-job-name "a\"b\\c\$d\`e\x""#,
        r#"{"AutoMLJobName":"a\"b\\c$d`e\\x"}"#,
    ),
    (
        "a quote spliced into single quotes",
        r#"aws sagemaker create-auto-ml-job --auto-ml-job-name 'it'\''s'"#,
        r#"{"AutoMLJobName":"it's"}"#,
    ),
    (
        "ANSI-C quotes",
        r#"aws sagemaker create-auto-ml-job --auto-ml-job-name $'a\nb\x41\u00e9\U0001F600\101\'\\'"#,
        "{\"AutoMLJobName\":\"a\\nbAé😀A'\\\\\"}",
    ),
    (
        "structures and lists as JSON",
        r#"aws sagemaker create-auto-ml-job --output-data-config '{"S3OutputPath":"s3://my-bucket/o"}' --tags '[{"Key":"k","Value":"v"}]'"#,
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/o"},"Tags":[{"Key":"k","Value":"v"}]}"#,
    ),
    (
        "a list given as one word per item",
        r#"aws sagemaker create-auto-ml-job --tags '{"Key":"a","Value":"1"}' '{"Key":"b","Value":"2"}' --role-arn r"#,
        r#"{"RoleArn":"r","Tags":[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]}"#,
    ),
    (
        "the boolean flag pair",
        "aws sagemaker create-auto-ml-job --generate-candidate-definitions-only",
        r#"{"GenerateCandidateDefinitionsOnly":true}"#,
    ),
    (
        "the negated flag",
        "aws sagemaker create-auto-ml-job --no-generate-candidate-definitions-only",
        r#"{"GenerateCandidateDefinitionsOnly":false}"#,
    ),
    (
        "--cli-input-json, overridden by options as the AWS CLI does",
        r#"aws sagemaker create-auto-ml-job --cli-input-json '{"RoleArn":"r","AutoMLJobName":"a","Nope":1}' --auto-ml-job-name b"#,
        r#"{"AutoMLJobName":"b","RoleArn":"r","Nope":1}"#,
    ),
    (
        "global options anywhere, comments and blank lines around",
        "# create the job\n\naws --region us-east-1 --debug sagemaker create-auto-ml-job --output json \\\n  --auto-ml-job-name j  # the name\n\n# done\n",
        r#"{"AutoMLJobName":"j"}"#,
    ),
    (
        "unquoted braces the shell leaves as they are (no comma of their own)",
        "aws sagemaker create-auto-ml-job --auto-ml-job-config CompletionCriteria={MaxAutoMLJobRuntimeInSeconds=14400},Mode=AUTO --auto-ml-job-name a}b",
        r#"{"AutoMLJobName":"a}b","AutoMLJobConfig":{"CompletionCriteria":{"MaxAutoMLJobRuntimeInSeconds":14400},"Mode":"AUTO"}}"#,
    ),
    (
        "an empty string and a string of spaces",
        "aws sagemaker create-auto-ml-job --auto-ml-job-name '' --role-arn ' '",
        r#"{"AutoMLJobName":"","RoleArn":" "}"#,
    ),
    (
        "a path to the aws program",
        "/usr/local/bin/aws sagemaker create-auto-ml-job --auto-ml-job-name j",
        r#"{"AutoMLJobName":"j"}"#,
    ),
    (
        "nested strings may look like URLs: only whole arguments are read as files",
        r#"aws sagemaker create-auto-ml-job --output-data-config '{"S3OutputPath":"file:///x"}'"#,
        r#"{"OutputDataConfig":{"S3OutputPath":"file:///x"}}"#,
    ),
];

#[test]
fn imports() {
    for (guard, text, expected) in IMPORTS {
        let node = import(text).unwrap_or_else(|e| panic!("{guard}: {e}"));
        assert_eq!(json::to_compact(&node), *expected, "{guard}");
    }
}

/// (what the case guards, text, part of the message, line, column)
const ERRORS: &[(&str, &str, &str, usize, usize)] = &[
    ("empty input", "  \n", "nothing to import: paste a JSON body, an aws sagemaker create-auto-ml-job command or a boto3 program", 2, 1),
    ("another program", "ls -l", "expected a JSON body, an aws", 1, 1),
    ("another service", "aws s3 ls", "expected 'sagemaker' here", 1, 5),
    ("another operation", "aws sagemaker create-training-job", "expected 'create-auto-ml-job' here", 1, 15),
    ("no operation", "aws sagemaker", "expected 'aws sagemaker create-auto-ml-job'", 1, 14),
    ("an unknown option", "aws sagemaker create-auto-ml-job --auto-ml-job-name j \\\n  --bogus x", "unknown option '--bogus'", 2, 3),
    ("a negated non-boolean", "aws sagemaker create-auto-ml-job --no-tags", "unknown option '--no-tags'", 1, 34),
    ("a member option before the operation", "aws sagemaker --tags '[]' create-auto-ml-job", "before --tags", 1, 15),
    ("a missing value", "aws sagemaker create-auto-ml-job --auto-ml-job-name --role-arn r", "--auto-ml-job-name needs a value", 1, 34),
    ("a missing value at the end", "aws sagemaker create-auto-ml-job --tags", "--tags needs a value", 1, 34),
    ("a repeated member", "aws sagemaker create-auto-ml-job --auto-ml-job-name a --auto-ml-job-name b", "given twice", 1, 55),
    ("both flags", "aws sagemaker create-auto-ml-job --generate-candidate-definitions-only --no-generate-candidate-definitions-only", "given twice", 1, 72),
    ("a flag with a value", "aws sagemaker create-auto-ml-job --generate-candidate-definitions-only=true", "takes no value", 1, 34),
    ("a stray argument", "aws sagemaker create-auto-ml-job j", "unexpected argument 'j'", 1, 34),
    ("a lone dollar sign is to be quoted", "aws sagemaker create-auto-ml-job --auto-ml-job-name \"a$\"", "the shell would expand '$' inside double quotes: put the value in single quotes", 1, 55),
    ("a second command", "aws sagemaker create-auto-ml-job --auto-ml-job-name j; rm x", "more than one aws command", 1, 54),
    ("a pipe", "aws sagemaker create-auto-ml-job | cat", "more than one aws command", 1, 34),
    ("a command on the next line", "aws sagemaker create-auto-ml-job --auto-ml-job-name j\necho hi\n", "unexpected text after the command", 2, 1),
    ("a special parameter is to be quoted", "aws sagemaker create-auto-ml-job --auto-ml-job-name a$$", "the shell would expand '$' here: put the value in single quotes", 1, 54),
    ("an unquoted glob", "aws sagemaker create-auto-ml-job --auto-ml-job-name j*", "unquoted '*'", 1, 54),
    ("braces the shell expands into two words", "aws sagemaker create-auto-ml-job --auto-ml-job-config CompletionCriteria={MaxCandidates=1,Mode=x}", "would expand this {…,…} into several words", 1, 74),
    ("braces the shell expands, within braces it leaves", "aws sagemaker create-auto-ml-job --auto-ml-job-config X={Y={a..c}}", "would expand this", 1, 60),
    ("unquoted JSON", "aws sagemaker create-auto-ml-job --tags []", "unquoted '['", 1, 41),
    ("an unclosed single quote", "aws sagemaker create-auto-ml-job --auto-ml-job-name 'j", "never closed", 1, 53),
    ("an unclosed double quote", "aws sagemaker create-auto-ml-job --auto-ml-job-name \"j", "never closed", 1, 53),
    ("a lone backslash at the end", "aws sagemaker create-auto-ml-job \\", "lone backslash", 1, 34),
    ("bytes that are not UTF-8", "aws sagemaker create-auto-ml-job --auto-ml-job-name $'\\xff'", "not valid UTF-8", 1, 53),
    ("shorthand with a key given twice", "aws sagemaker create-auto-ml-job --tags Key=a,Value=b,Key=c", "given twice in one value", 1, 55),
    ("a paramfile option", "aws sagemaker create-auto-ml-job --auto-ml-job-name file:///etc/passwd", "files and URLs are not read here", 1, 53),
    ("a URL option", "aws sagemaker create-auto-ml-job --input-data-config https://x/y", "files and URLs are not read here", 1, 54),
    ("--cli-input-json from a file", "aws sagemaker create-auto-ml-job --cli-input-json file://req.json", "files and URLs are not read here", 1, 51),
    ("--cli-input-json not an object", "aws sagemaker create-auto-ml-job --cli-input-json '[1]'", "must be a JSON object", 1, 52),
    ("--cli-input-json twice", "aws sagemaker create-auto-ml-job --cli-input-json '{}' --cli-input-json '{}'", "given twice", 1, 56),
    ("bad JSON in an option points into the quotes", "aws sagemaker create-auto-ml-job \\\n  --tags '[{\"Key\":\"k\",}]'", "--tags: trailing comma", 2, 23),
    ("bad JSON after a spliced quote", "aws sagemaker create-auto-ml-job --tags '[\"'\\''\" x]'", "expected ','", 1, 50),
    ("bad JSON body", "{\n  \"a\": }\n", "expected a JSON value", 2, 8),
    ("a cmd.exe command with ^ continuations", "aws sagemaker create-auto-ml-job ^\r\n  --auto-ml-job-name j ^\r\n  --role-arn r\r\n", "this looks like a cmd.exe command (a ^ ends its line)", 1, 34),
    ("a boto3 program without the call", "\"\"\"doc\"\"\"\nimport boto3\n", "this Python has no create_auto_ml_job(…) call", 2, 8),
];

#[test]
fn errors_are_located() {
    located::assert_refusals(ERRORS);
}

#[test]
fn spans_of_an_imported_command_point_into_the_command() {
    let text = format!(
        "{CMD} \\\n  --auto-ml-job-name 'j' \\\n  --tags '[{{\"Key\":\"it'\\''s\",\"Value\":\"v\"}}]' \\\n  --generate-candidate-definitions-only\n"
    );
    let node = import(&text).unwrap();
    let slice = |pointer: &str| {
        let span = node.pointer(pointer).unwrap().span;
        &text[span.start..span.end]
    };
    assert_eq!(slice("/AutoMLJobName"), "j");
    assert_eq!(slice("/Tags/0/Value"), "\"v\"");
    assert_eq!(slice("/Tags/0/Key"), "\"it'\\''s\"");
    assert_eq!(
        slice("/GenerateCandidateDefinitionsOnly"),
        "--generate-candidate-definitions-only"
    );
    let tags = node.as_object().unwrap().iter().find(|m| m.key == "Tags");
    let key_span = tags.unwrap().key_span;
    assert_eq!(&text[key_span.start..key_span.end], "--tags");
}

#[test]
fn spans_of_a_json_body_are_offsets_in_the_text() {
    let text = "\n\n{\"AutoMLJobName\": \"j\"}";
    let node = import(text).unwrap();
    let span = node.get("AutoMLJobName").unwrap().span;
    assert_eq!(&text[span.start..span.end], "\"j\"");
}

/// The AWS CLI's own options are left out of the request, and said to be, as written.
#[test]
fn global_options_are_left_out_and_named() {
    let text = "aws --region us-east-1 --debug sagemaker create-auto-ml-job --output=json \\\n  --auto-ml-job-name j --profile 'ml team'";
    let (request, left_out) = automl_rules::import::import_noting(text).unwrap();
    assert_eq!(json::to_compact(&request), r#"{"AutoMLJobName":"j"}"#);
    assert_eq!(
        left_out,
        [
            "--region us-east-1",
            "--debug",
            "--output json",
            "--profile ml team"
        ]
    );
    let body = automl_rules::import::import_noting(r#"{"AutoMLJobName": "j"}"#).unwrap();
    assert!(body.1.is_empty());
}
