//! Import of boto3 programs and Python dicts, as tables: texts that import to the request
//! botocore would send, and texts that do not, with the message and the line and column it
//! points at. (Every boto3 export importing back is a property in `import_roundtrip.rs`;
//! `tests/clients/python_import.py` holds the import to what real boto3 sends.)

use crate::located;

use automl_rules::import::{import, import_noting, left_out_kind};
use automl_rules::json;

/// (what the case guards, text, the request it imports to as compact JSON)
const IMPORTS: &[(&str, &str, &str)] = &[
    (
        "keyword arguments, single quotes, comments and a trailing comma",
        "import boto3\nsm = boto3.client('sagemaker')  # the client\nsm.create_auto_ml_job(\n    AutoMLJobName='churn',  # a name\n    RoleArn='arn:aws:iam::123456789012:role/r',\n)\n",
        r#"{"AutoMLJobName":"churn","RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
    ),
    (
        "the call chained on boto3.client(…), members as written",
        "boto3.client(\"sagemaker\").create_auto_ml_job(RoleArn=\"r\", AutoMLJobName=\"j\")",
        r#"{"RoleArn":"r","AutoMLJobName":"j"}"#,
    ),
    (
        "True, False, None, nested dicts, lists and tuples",
        "c.create_auto_ml_job(ModelDeployConfig={'AutoGenerateEndpointName': True}, GenerateCandidateDefinitionsOnly=False, Tags=({'Key': 'k', 'Value': ''},), X=None, Y=[], Z=())",
        r#"{"ModelDeployConfig":{"AutoGenerateEndpointName":true},"GenerateCandidateDefinitionsOnly":false,"Tags":[{"Key":"k","Value":""}],"X":null,"Y":[],"Z":[]}"#,
    ),
    (
        "adjacent strings are joined, brackets around one value group it",
        "c.create_auto_ml_job(RoleArn=(\"arn:aws:iam::123456789012:\"\n    'role/' \"r\"))",
        r#"{"RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
    ),
    (
        "dict(Key=…) and a repeated dict key keeps its first place and last value",
        "c.create_auto_ml_job(Tags=[dict(Key='a', Value='1')], AutoMLJobObjective={'MetricName': 'F1', 'X': 1, 'MetricName': 'AUC'})",
        r#"{"Tags":[{"Key":"a","Value":"1"}],"AutoMLJobObjective":{"MetricName":"AUC","X":1}}"#,
    ),
    (
        "names set earlier, f-string fields, ** of a dict and a = b = chains",
        "bucket = 'my-bucket'\nrole = name = 'r'\nbase = {'AutoMLJobName': name, 'RoleArn': role}\nc.create_auto_ml_job(**base, OutputDataConfig={'S3OutputPath': f's3://{bucket}/out/{{x}}'})",
        r#"{"AutoMLJobName":"r","RoleArn":"r","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out/{x}"}}"#,
    ),
    (
        "the last setting before the call counts; one after it does not; a = a reads the earlier a",
        "x = 'a'\nx = 'b'\nx = x\nc.create_auto_ml_job(AutoMLJobName=x)\nx = 'c'\n",
        r#"{"AutoMLJobName":"b"}"#,
    ),
    (
        "an annotated setting and a literal ** dict",
        "request: dict[str, object] = {'AutoMLJobName': 'j'}\nc.create_auto_ml_job(**request, **{'RoleArn': 'r'})",
        r#"{"AutoMLJobName":"j","RoleArn":"r"}"#,
    ),
    (
        "numbers as botocore sends them: ints exact, floats as repr()",
        "c.create_auto_ml_job(A=1_000, B=0x1F, C=0o17, D=0b101, E=-5, F=3600.0, G=1e3, H=.5, I=0.20, J=-0.0, K=00, L=1_0.5e-1_0, M=123456789012345678901234567890)",
        r#"{"A":1000,"B":31,"C":15,"D":5,"E":-5,"F":3600.0,"G":1000.0,"H":0.5,"I":0.2,"J":-0.0,"K":0,"L":1.05e-09,"M":123456789012345678901234567890}"#,
    ),
    (
        "escapes, raw and triple-quoted strings",
        "c.create_auto_ml_job(A='\\x41\\u00e9\\U0001F600\\101\\t\\'\\\"\\\\', B=r'\\d+\\'', C='''two\nlines''', D=\"a\\\nb\", E='\\d')",
        r#"{"A":"Aé😀A\t'\"\\","B":"\\d+\\'","C":"two\nlines","D":"ab","E":"\\d"}"#,
    ),
    (
        "Windows line ends: a CRLF in a triple-quoted string is a line feed, as Python reads it",
        "c.create_auto_ml_job(\r\n    A='''x\r\ny''',\r\n    B=\"a\\\r\nb\",\r\n)\r\n",
        r#"{"A":"x\ny","B":"ab"}"#,
    ),
    (
        "arithmetic on written numbers, as Python works it out",
        "h = 60 * 60\nc.create_auto_ml_job(A=4*60*60, B=4 * h, C=2**31 - 1, D=-2**2, E=7 // -2, F=-7 % 3, G=0.1 + 0.2, H=3600 / 2, I=1e3 * 2, J=- -5, K=10 - 2 - 3, L=2 ** 3 ** 2, M=(1 + 2) * 3, N=-0.0 * 1, O=7.5 // 2, P=-7.5 % 2)",
        r#"{"A":14400,"B":14400,"C":2147483647,"D":-4,"E":-4,"F":2,"G":0.30000000000000004,"H":1800.0,"I":2000.0,"J":5,"K":5,"L":512,"M":9,"N":-0.0,"O":3.0,"P":0.5}"#,
    ),
    (
        "strings joined with +",
        "bucket = 'my-bucket'\nc.create_auto_ml_job(OutputDataConfig={'S3OutputPath': 's3://' + bucket + '/out/'})",
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out/"}}"#,
    ),
    (
        "an interactive session's prompts are left out",
        ">>> import boto3\n>>> c = boto3.client('sagemaker')\n>>> c.create_auto_ml_job(\n...     AutoMLJobName='j',\n... )\n{'AutoMLJobArn': 'arn'}\n",
        r#"{"AutoMLJobName":"j"}"#,
    ),
    (
        "a Markdown fence around a program",
        "```python\nclient.create_auto_ml_job(AutoMLJobName=\"j\")\n```\n",
        r#"{"AutoMLJobName":"j"}"#,
    ),
    (
        "the call inside a function; a comment or string naming it is not the call",
        "# create_auto_ml_job(AutoMLJobName='no')\nHELP = 'create_auto_ml_job(x)'\ndef main():\n    sm.create_auto_ml_job(AutoMLJobName='yes')\n",
        r#"{"AutoMLJobName":"yes"}"#,
    ),
    (
        "a Python dict on its own, as print() shows it",
        "{'AutoMLJobName': 'j', 'ModelDeployConfig': {'AutoGenerateEndpointName': True}, 'Tags': [],}",
        r#"{"AutoMLJobName":"j","ModelDeployConfig":{"AutoGenerateEndpointName":true},"Tags":[]}"#,
    ),
];

#[test]
fn python_texts_import_as_boto3_would_send_them() {
    let failures: Vec<String> = IMPORTS
        .iter()
        .filter_map(|&(guard, text, expected)| match import(text) {
            Ok(node) => {
                let got = json::to_compact(&node);
                (got != expected).then(|| format!("{guard}: got {got}"))
            }
            Err(err) => Some(format!("{guard}: {err}")),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (what the case guards, text, part of the message, line, column)
const ERRORS: &[(&str, &str, &str, usize, usize)] = &[
    (
        "a positional argument",
        "c.create_auto_ml_job('j')",
        "takes keyword arguments only (boto3 raises TypeError): write Name=value",
        1,
        22,
    ),
    (
        "JSON's true in Python",
        "c.create_auto_ml_job(ModelDeployConfig={'AutoGenerateEndpointName': true})",
        "Python writes True, not true",
        1,
        69,
    ),
    (
        "an operator import does not work out",
        "c.create_auto_ml_job(Tags=[{'Key': 'a'}] + [{'Key': 'b'}])",
        "import works out '+' on written numbers (and '+' on strings) only: write the value it makes",
        1,
        42,
    ),
    (
        "division by zero",
        "c.create_auto_ml_job(A=1 // 0)",
        "this divides by zero (Python's ZeroDivisionError)",
        1,
        26,
    ),
    (
        "a result too large",
        "c.create_auto_ml_job(A=10 ** 40)",
        "far too large for any member",
        1,
        27,
    ),
    (
        "a dict changed after it is set",
        "req = {'AutoMLJobName': 'j'}\nreq['Tags'] = []\nc.create_auto_ml_job(**req)",
        "req is changed here after it is set and before it is used on line 3",
        2,
        1,
    ),
    (
        "a dict updated after it is set",
        "req = {'AutoMLJobName': 'j'}\nreq.update(RoleArn='r')\nc.create_auto_ml_job(**req)",
        "req is changed here",
        2,
        1,
    ),
    (
        "a bytes literal",
        "c.create_auto_ml_job(AutoMLJobName=b'j')",
        "a bytes literal (b'…') is not a string",
        1,
        36,
    ),
    (
        "a keyword given twice",
        "c.create_auto_ml_job(AutoMLJobName='a', AutoMLJobName='b')",
        "AutoMLJobName is given twice (Python's SyntaxError)",
        1,
        41,
    ),
    (
        "a keyword and a ** dict giving the same member",
        "r = {'RoleArn': 'x'}\nc.create_auto_ml_job(RoleArn='y', **r)",
        "create_auto_ml_job() would get two values for RoleArn (Python's TypeError)",
        1,
        6,
    ),
    (
        "** of something else than a dict",
        "c.create_auto_ml_job(**['a'])",
        "** needs a dict of the request's members",
        1,
        24,
    ),
    (
        "a string not closed",
        "c.create_auto_ml_job(AutoMLJobName='j)\n",
        "this string is not closed on its line",
        1,
        36,
    ),
    (
        "the call not closed",
        "c.create_auto_ml_job(AutoMLJobName='j',\n",
        "the text ends where the ')' closing create_auto_ml_job( belongs",
        2,
        1,
    ),
    (
        "a leading zero",
        "c.create_auto_ml_job(A=0750)",
        "Python does not allow leading zeros in a number: write 750",
        1,
        24,
    ),
    (
        "a key that is not a string",
        "c.create_auto_ml_job(Tags=[{1: 'a'}])",
        "a key of the request is a string",
        1,
        29,
    ),
    (
        "a program without the call",
        "import boto3\nclient = boto3.client('sagemaker')\nclient.describe_auto_ml_job(AutoMLJobName='j')\n",
        "this Python has no create_auto_ml_job(…) call",
        1,
        8,
    ),
    (
        "a character name escape",
        "c.create_auto_ml_job(A='\\N{BULLET}')",
        "import does not read \\N{…} character names",
        1,
        25,
    ),
    (
        "a lone surrogate",
        "c.create_auto_ml_job(A='\\ud800')",
        "a lone surrogate",
        1,
        25,
    ),
    (
        "a Python dict with a mistake says where",
        "{'AutoMLJobName': 'j' 'RoleArn': 'r'}",
        "expected ',' or '}', found ':'",
        1,
        32,
    ),
];

#[test]
fn python_texts_that_cannot_be_read_are_located() {
    located::assert_refusals(ERRORS);
}

#[test]
fn the_clients_own_settings_are_left_out_and_named() {
    let text = "import boto3\nsession = boto3.Session(profile_name='ml', region_name='eu-west-1')\nsm = session.client('sagemaker', endpoint_url=URL, aws_secret_access_key='SECRET')\nsm.create_auto_ml_job(AutoMLJobName='j')\n";
    let (node, left_out) = import_noting(text).unwrap();
    assert_eq!(json::to_compact(&node), r#"{"AutoMLJobName":"j"}"#);
    assert_eq!(
        left_out,
        [
            "profile_name='ml'",
            "region_name='eu-west-1'",
            "endpoint_url=URL",
            "aws_secret_access_key"
        ]
    );
    assert_eq!(
        left_out_kind(&left_out[0]),
        "settings of the boto3 client or session"
    );
    assert_eq!(
        left_out_kind("--region eu-west-1"),
        "the AWS CLI's own options"
    );
}

#[test]
fn spans_point_into_the_program() {
    let text = "bucket = \"my-bucket\"\nc.create_auto_ml_job(\n    AutoMLJobName = 'j',\n    OutputDataConfig={\"S3OutputPath\": f\"s3://{bucket}/o\"},\n)";
    let node = import(text).unwrap();
    let slice = |pointer: &str| {
        let span = node.pointer(pointer).unwrap().span;
        &text[span.start..span.end]
    };
    assert_eq!(slice("/AutoMLJobName"), "'j'");
    assert_eq!(
        slice("/OutputDataConfig/S3OutputPath"),
        "f\"s3://{bucket}/o\""
    );
    let members = node.as_object().unwrap();
    let key = members[0].key_span;
    assert_eq!(&text[key.start..key.end], "AutoMLJobName");
}

#[test]
fn names_built_from_names_cannot_make_the_import_run_away() {
    let mut text = String::from("x0 = 'a'\n");
    for n in 1..40 {
        text.push_str(&format!("x{n} = [x{m}, x{m}]\n", m = n - 1));
    }
    text.push_str("c.create_auto_ml_job(Tags=x39)\n");
    let err = import(&text).unwrap_err();
    assert!(err.message.contains("more than 100,000 values"), "{err}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Whatever follows the call, import answers (a request or a located error) and never
    /// panics: token soup of Python's quotes, prefixes, escapes, brackets and operators.
    #[test]
    fn python_import_never_panics(
        soup in proptest::collection::vec(
            proptest::sample::select(&[
                "'", "\"", "'''", "\"\"\"", "r", "b", "f", "rf", "\\", "\\x4", "\\u12", "\\N{", "{", "}",
                "{{", "(", ")", "[", "]", ",", ":", "=", "**", "*", "-", "+", ".", "#", "\n", "\r\n",
                " ", "x", "x = ", "True", "dict(", "0x", "0b2", "1e", "1_", "07", ".5", "1j", "é", "\u{0}",
                "del x", "x[0] = 1", "x.update(", ">>> ", "... ", "create_auto_ml_job(", "**x",
            ][..]),
            0..60,
        ),
    ) {
        let text = format!("x = {{'a': 1}}\nc.create_auto_ml_job({})", soup.concat());
        match import(&text) {
            Ok(_) => {}
            Err(e) => proptest::prop_assert_eq!(json::line_col(&text, e.offset), (e.line, e.column)),
        }
        let _ = import(&format!("{{'a': {}", soup.concat()));
    }
}

/// A Jupyter notebook: its code cells are read in order up to the one that calls
/// `create_auto_ml_job`; markdown cells and later cells are not read.
#[test]
fn a_notebook_imports_from_its_code_cells() {
    let notebook = r##"{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Churn\n", "bucket = 'not-code'\n"]},
  {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["import boto3\n", "bucket = 'my-bucket'\n", "sm = boto3.client('sagemaker', region_name='eu-west-1')"]},
  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "sm.create_auto_ml_job(\n    AutoMLJobName='from-a-notebook',\n    OutputDataConfig={'S3OutputPath': f's3://{bucket}/out/'},\n)"},
  {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["this is not read (\n"]}
 ],
 "metadata": {"kernelspec": {"name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}"##;
    let (node, left_out) = import_noting(notebook).unwrap();
    assert_eq!(
        json::to_compact(&node),
        r#"{"AutoMLJobName":"from-a-notebook","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out/"}}"#
    );
    assert_eq!(left_out, ["region_name='eu-west-1'"]);
    // Every span is the character of the notebook's text that holds the value.
    let span = node.pointer("/AutoMLJobName").unwrap().span;
    assert!(span.end <= notebook.len() && notebook[span.start..].starts_with("'from-a-notebook'"));

    // An error names the cell as a person finds it, and the line and column in it; it is
    // placed at its character in the notebook.
    let broken = notebook.replace("bucket = 'my-bucket'", "bucket = 'x' +");
    let err = import(&broken).unwrap_err();
    assert!(
        err.message
            .ends_with("(the cell starting \"import boto3\", line 2, column 15)"),
        "{err}"
    );
    assert_eq!((err.line, err.column), (4, 100), "{err}");

    let none = notebook.replace("sm.create_auto_ml_job(", "sm.describe_auto_ml_job(");
    let err = import(&none).unwrap_err();
    assert_eq!(
        err.message,
        "this notebook has no code cell calling create_auto_ml_job(…) to read the request from"
    );
}
