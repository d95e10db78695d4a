//! Import of the AWS CLI shorthand syntax (`--tags Key=a,Value=b`), as AWS CLI v1 reads it
//! (`awscli/shorthand.py`, `awscli/argprocess.py`): tables of command lines with the request
//! they import to or the located message they are refused with, the spans of shorthand values,
//! and properties over generated values. `tests/clients/shorthand.py` runs the same kinds of
//! command lines through the real AWS CLI.

use crate::located;

use automl_rules::import::import;
use automl_rules::json;
use proptest::prelude::*;

const CMD: &str = "aws sagemaker create-auto-ml-job";

fn imported(options: &str) -> Result<String, String> {
    import(&format!("{CMD} {options}"))
        .map(|node| json::to_compact(&node))
        .map_err(|e| e.to_string())
}

/// (what the case guards, options, the request as compact JSON)
const IMPORTS: &[(&str, &str, &str)] = &[
    (
        "a structure",
        "--output-data-config S3OutputPath=s3://my-bucket/o,KmsKeyId=k",
        r#"{"OutputDataConfig":{"KmsKeyId":"k","S3OutputPath":"s3://my-bucket/o"}}"#,
    ),
    (
        "a list of structures takes one word per item",
        "--tags Key=team,Value=ml Key=env,Value=prod",
        r#"{"Tags":[{"Key":"team","Value":"ml"},{"Key":"env","Value":"prod"}]}"#,
    ),
    (
        "the --name=value form",
        "--output-data-config=S3OutputPath=s3://my-bucket/o",
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/o"}}"#,
    ),
    (
        "nested structures",
        "--input-data-config 'TargetAttributeName=t,DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/i}}'",
        r#"{"InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://my-bucket/i"}},"TargetAttributeName":"t"}]}"#,
    ),
    (
        "spaces around = and , and trailing spaces of values are dropped",
        "--output-data-config 'S3OutputPath = s3://my-bucket/o , KmsKeyId = k '",
        r#"{"OutputDataConfig":{"KmsKeyId":"k","S3OutputPath":"s3://my-bucket/o"}}"#,
    ),
    (
        "a value may hold spaces and =",
        "--tags 'Key=a b,Value=x=y'",
        r#"{"Tags":[{"Key":"a b","Value":"x=y"}]}"#,
    ),
    (
        "quoted values, with their escapes",
        r#"--tags "Key='c,d',Value='it\\'s'" 'Key="a \"b\"",Value="x\\\\y"'"#,
        r#"{"Tags":[{"Key":"c,d","Value":"it's"},{"Key":"a \"b\"","Value":"x\\\\y"}]}"#,
    ),
    (
        "a backslash before a comma escapes it",
        r"--tags 'Key=a\,b,Value=c'",
        r#"{"Tags":[{"Key":"a,b","Value":"c"}]}"#,
    ),
    (
        "a quote that never closes ends at its last escaped quote",
        r#"--tags "Key='a\\',Value=b""#,
        r#"{"Tags":[{"Key":"a\\","Value":"b"}]}"#,
    ),
    (
        "an empty value",
        "--tags Key=k,Value=",
        r#"{"Tags":[{"Key":"k","Value":""}]}"#,
    ),
    (
        "@= without a file prefix is a plain value",
        "--tags Key@=k,Value=v",
        r#"{"Tags":[{"Key":"k","Value":"v"}]}"#,
    ),
    (
        "integers as Python's int() reads them",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=+0007,MaxRuntimePerTrainingJobInSeconds= 1_000 ,MaxAutoMLJobRuntimeInSeconds=-0}'",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":7,"MaxRuntimePerTrainingJobInSeconds":1000,"MaxAutoMLJobRuntimeInSeconds":0}}}"#,
    ),
    (
        "an integer in other decimal digits",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=\u{663}\u{665}}'",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":35}}}"#,
    ),
    (
        "booleans in any case; other words stay strings",
        "--model-deploy-config AutoGenerateEndpointName=TRUE --auto-ml-job-config 'SecurityConfig={EnableInterContainerTrafficEncryption=yes}'",
        r#"{"AutoMLJobConfig":{"SecurityConfig":{"EnableInterContainerTrafficEncryption":"yes"}},"ModelDeployConfig":{"AutoGenerateEndpointName":true}}"#,
    ),
    (
        "a scalar where the model has a list becomes a list",
        "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=subnet-1,SecurityGroupIds=[a, b]}}'",
        r#"{"AutoMLJobConfig":{"SecurityConfig":{"VpcConfig":{"SecurityGroupIds":["a","b"],"Subnets":["subnet-1"]}}}}"#,
    ),
    (
        "a wrapped list item is not converted further",
        "--auto-ml-job-config 'CandidateGenerationConfig={AlgorithmsConfig={AutoMLAlgorithms=xgboost}}'",
        r#"{"AutoMLJobConfig":{"CandidateGenerationConfig":{"AlgorithmsConfig":[{"AutoMLAlgorithms":"xgboost"}]}}}"#,
    ),
    (
        "a top-level comma list",
        "--auto-ml-job-config 'Mode=a,b,CompletionCriteria={MaxCandidates=2}'",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":2},"Mode":["a","b"]}}"#,
    ),
    (
        "a key given twice in braces keeps its first place and its last value",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1,MaxRuntimePerTrainingJobInSeconds=3,MaxCandidates=2}'",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":2,"MaxRuntimePerTrainingJobInSeconds":3}}}"#,
    ),
    (
        "unknown and differently cased keys are kept for the checker",
        r"--tags 'Key=a,Value=b,Foo=1,c\,d=e' --output-data-config s3outputpath=x,=y",
        r#"{"OutputDataConfig":{"s3outputpath":"x","":"y"},"Tags":[{"Key":"a","Value":"b","Foo":"1","d":"e"}]}"#,
    ),
    (
        "a string where a structure belongs is kept for the checker",
        "--input-data-config TargetAttributeName=t,DataSource=s3://my-bucket/i",
        r#"{"InputDataConfig":[{"DataSource":"s3://my-bucket/i","TargetAttributeName":"t"}]}"#,
    ),
    (
        "JSON and shorthand options together, and JSON after spaces",
        r#"--output-data-config ' {"S3OutputPath":"s3://my-bucket/o"}' --tags Key=a,Value=b --auto-ml-job-objective MetricName=F1"#,
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/o"},"AutoMLJobObjective":{"MetricName":"F1"},"Tags":[{"Key":"a","Value":"b"}]}"#,
    ),
    (
        "line breaks inside braces",
        "--auto-ml-job-config 'CompletionCriteria={\n  MaxCandidates = 5 ,\n  MaxAutoMLJobRuntimeInSeconds=7 }'",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":5,"MaxAutoMLJobRuntimeInSeconds":7}}}"#,
    ),
];

#[test]
fn shorthand_imports_as_the_aws_cli_reads_it() {
    let mut failures = Vec::new();
    for (guard, options, want) in IMPORTS {
        match imported(options) {
            Ok(got) if got == *want => {}
            Ok(got) => failures.push(format!("{guard}:\n  got  {got}\n  want {want}")),
            Err(e) => failures.push(format!("{guard}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Floats as Python's `float()` reads them and botocore writes them (`repr()`, or the strings
/// `NaN` and `Infinity`); each checked against Python 3.11, but for the one marked.
#[test]
fn floats_are_written_as_python_repr() {
    let cases = [
        (".25", "0.25"),
        ("1", "1.0"),
        ("1.", "1.0"),
        ("1E-5", "1e-05"),
        ("0.0001", "0.0001"),
        ("1e15", "1000000000000000.0"),
        ("1e16", "1e+16"),
        // More than 15 significant digits: the float's shortest digits, as repr().
        ("123456789012345678", "1.2345678901234568e+17"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.300000000000000001", "0.3"),
        ("123456789.123456789123", "123456789.12345679"),
        ("2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("4.9406564584124654e-324", "5e-324"),
        ("1.23e-310", "1.23e-310"),
        ("1.8e308", "\"Infinity\""),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("-1e-400", "-0.0"),
        ("2e-324", "0.0"),
        ("1.5e-7", "1.5e-07"),
        ("5e-324", "5e-324"),
        ("-0", "-0.0"),
        (" +1_0.5 ", "10.5"),
        ("0.1_5e0_1", "1.5"),
        ("\u{663}.\u{665}", "3.5"),
        ("nan", "\"NaN\""),
        ("-Infinity", "\"-Infinity\""),
        ("1e400", "\"Infinity\""),
    ];
    for (written, want) in cases {
        let got = imported(&format!(
            "--auto-ml-job-config 'DataSplitConfig={{ValidationFraction={written}}}'"
        ))
        .unwrap();
        assert_eq!(
            got,
            format!(
                r#"{{"AutoMLJobConfig":{{"DataSplitConfig":{{"ValidationFraction":{want}}}}}}}"#
            ),
            "{written}"
        );
    }
    for refused in ["1_.5", "1._5", ".", "1e", "0x10", "half", "1e_5", ""] {
        let options =
            format!("--auto-ml-job-config 'DataSplitConfig={{ValidationFraction={refused}}}'");
        assert!(imported(&options).is_err(), "{refused:?}");
    }
    for refused in ["1.5", "1__0", "_1", "1_", "+ 1", "abc", "1e3", ""] {
        let options =
            format!("--auto-ml-job-config 'CompletionCriteria={{MaxCandidates={refused}}}'");
        assert!(imported(&options).is_err(), "{refused:?}");
    }
}

/// (what the case guards, options, part of the message, line, column)
const ERRORS: &[(&str, &str, &str, usize, usize)] = &[
    (
        "a key given twice at the top",
        "--tags Key=a,Value=b,Key=c",
        "the key 'Key' is given twice",
        1,
        55,
    ),
    (
        "a trailing comma",
        "--tags 'Key=a,Value=b,'",
        "ends with ','",
        1,
        56,
    ),
    (
        "no = after a key",
        "--output-data-config S3OutputPath",
        "expected '=' after a member name, found the end",
        1,
        67,
    ),
    (
        "an empty value",
        "--output-data-config ''",
        "expected '='",
        1,
        55,
    ),
    (
        "a space before the first key",
        "--tags ' Key=a,Value=b'",
        "found 'K'",
        1,
        43,
    ),
    (
        "a quote that never closes",
        r#"--tags "Key='a,Value=b""#,
        "quote in the value is never closed",
        1,
        46,
    ),
    (
        "a brace that never closes",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1'",
        "expected ',', found the end",
        1,
        91,
    ),
    (
        "a comma list inside braces",
        "--auto-ml-job-config 'SecurityConfig={VpcConfig={Subnets=a,b}}'",
        "expected '=' after a member name, found '}'",
        1,
        94,
    ),
    (
        "an unquoted astral character",
        "--tags 'Key=a\u{1F600},Value=b'",
        "found '\u{1F600}'",
        1,
        47,
    ),
    (
        "a decimal where an integer belongs",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=1.5}'",
        "MaxCandidates takes a whole number",
        1,
        90,
    ),
    (
        "a list where an integer belongs",
        "--auto-ml-job-config 'CompletionCriteria={MaxCandidates=[1]}'",
        "not a list",
        1,
        90,
    ),
    (
        "a word where a float belongs",
        "--auto-ml-job-config 'DataSplitConfig={ValidationFraction=half}'",
        "ValidationFraction takes a number",
        1,
        92,
    ),
    (
        "a structure where a boolean belongs",
        "--model-deploy-config 'AutoGenerateEndpointName={a=b}'",
        "takes true or false, not a structure",
        1,
        82,
    ),
    (
        "a JSON word after a shorthand word",
        r#"--tags Key=a,Value=b '{"Key":"c"}'"#,
        "expected '=' after a member name, found '{'",
        1,
        56,
    ),
    (
        "a shorthand word after a JSON word",
        r#"--tags '{"Key":"c"}' Key=a"#,
        "--tags takes JSON here",
        1,
        55,
    ),
    (
        "@= names a file",
        "--tags Key@=file://k.txt,Value=v",
        "files are not read here",
        1,
        46,
    ),
    (
        "a whole shorthand option from a file",
        "--output-data-config file://o.txt",
        "files and URLs are not read here",
        1,
        55,
    ),
    (
        "--name=value takes one word, as argparse does",
        "--tags=Key=a,Value=b Key=c,Value=d",
        "unexpected argument 'Key=c,Value=d'",
        1,
        55,
    ),
    (
        "an error on a later line points there",
        "\\\n  --tags \\\n  'Key=a,Value=b,Key=c'",
        "given twice",
        3,
        18,
    ),
];

#[test]
fn refused_shorthand_is_located() {
    let failures: Vec<String> = ERRORS
        .iter()
        .filter_map(|&(guard, options, message, line, column)| {
            located::refusal_mismatch(guard, &format!("{CMD} {options}"), message, line, column)
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_of_shorthand_values_point_into_the_command() {
    let text = format!(
        "{CMD} \\\n  --tags 'Key=a b,Value=\"v w\"' Key=k,Value=a\\,b \\\n  --auto-ml-job-config 'CompletionCriteria={{MaxCandidates= 7 }},SecurityConfig={{VpcConfig={{Subnets=s1}}}}'\n"
    );
    let node = import(&text).unwrap();
    let slice = |pointer: &str| {
        let span = node.pointer(pointer).unwrap().span;
        &text[span.start..span.end]
    };
    assert_eq!(slice("/Tags/0/Key"), "a b");
    assert_eq!(slice("/Tags/0/Value"), "\"v w\"");
    assert_eq!(slice("/Tags/1/Value"), "a\\,b");
    assert_eq!(slice("/Tags/1"), "Key=k,Value=a\\,b");
    assert_eq!(
        slice("/AutoMLJobConfig/CompletionCriteria/MaxCandidates"),
        "7"
    );
    assert_eq!(
        slice("/AutoMLJobConfig/CompletionCriteria"),
        "{MaxCandidates= 7 }"
    );
    assert_eq!(
        slice("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets"),
        "s1"
    );
    assert_eq!(
        slice("/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/0"),
        "s1"
    );
    let tag = node.pointer("/Tags/1").unwrap().as_object().unwrap();
    let key = tag.iter().find(|m| m.key == "Value").unwrap().key_span;
    assert_eq!(&text[key.start..key.end], "Value");
}

/// A string as a double-quoted shorthand value (no backslashes: `\"` is the only escape).
fn shorthand_quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\\\""))
}

/// A word in single quotes for a POSIX shell.
fn shell_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

proptest! {
    /// Tags written in shorthand, each value quoted, import as the same tags written as JSON.
    #[test]
    fn quoted_shorthand_tags_import_as_json_tags(
        tags in prop::collection::vec(("[ -\\[\\]-~é日]{0,12}", "[ -\\[\\]-~é日]{0,12}"), 1..4)
    ) {
        let words: Vec<String> = tags
            .iter()
            .map(|(k, v)| shell_quoted(&format!("Key={},Value={}", shorthand_quoted(k), shorthand_quoted(v))))
            .collect();
        let got = import(&format!("{CMD} --tags {}", words.join(" "))).unwrap();
        let mut want = String::from("[");
        for (i, (k, v)) in tags.iter().enumerate() {
            if i > 0 {
                want.push(',');
            }
            want.push_str("{\"Key\":");
            json::write_string(&mut want, k);
            want.push_str(",\"Value\":");
            json::write_string(&mut want, v);
            want.push('}');
        }
        want.push(']');
        prop_assert_eq!(json::to_compact(got.get("Tags").unwrap()), want);
    }

    /// Importing never panics and every error points inside the text, whatever the value.
    #[test]
    fn any_shorthand_value_imports_or_is_located(value in "[ -~\n\t\u{a0}é\u{1F600}]{0,40}") {
        for option in ["--tags", "--auto-ml-job-config", "--model-deploy-config"] {
            let text = format!("{CMD} {option} {}", shell_quoted(&value));
            if let Err(err) = import(&text) {
                prop_assert!(err.offset <= text.len());
                prop_assert_eq!(json::line_col(&text, err.offset), (err.line, err.column));
            }
        }
    }
}
