//! Import with holes (issue 11): what a program works out only when it runs is a
//! `runtime-value` error at the member it feeds, the value keeping its written parts with the
//! hole marked `{expression}`; the Python is read as Python runs it. Each case: the request
//! imported, and every finding of the import with its place in the pasted text.

use automl_rules::import::{check_imported, import, import_full, Imported};
use automl_rules::json::{self, line_col};
use automl_rules::CREATE_AUTO_ML_JOB;

/// One finding: (severity, code, JSON Pointer, part of the message, line, column).
type Finding = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    usize,
    usize,
);

/// (what the case guards, the text, the request imported, the import's findings in order)
const CASES: &[(&str, &str, &str, &[Finding])] = &[
    (
        "a call is a hole at its member, named as written",
        "c.create_auto_ml_job(\n    RoleArn=get_execution_role(),\n)",
        r#"{"RoleArn":"{get_execution_role()}"}"#,
        &[("error", "runtime-value", "/RoleArn", "{get_execution_role()}: fill in the value of get_execution_role(), which is worked out when the program runs (on line 2)", 2, 13)],
    ),
    (
        "a name set by a call: where it is set and used",
        "import sagemaker\nrole = sagemaker.get_execution_role()\nc.create_auto_ml_job(RoleArn=role)",
        r#"{"RoleArn":"{role}"}"#,
        &[("error", "runtime-value", "/RoleArn", "{role}: fill in the value of role, which the program sets to sagemaker.get_execution_role() when it runs (set on line 2, used on line 3)", 2, 8)],
    ),
    (
        "templates keep their written parts: f-string, format, %, +",
        "sess = sagemaker.Session()\nbucket = sess.default_bucket()\nprefix = 'churn'\nc.create_auto_ml_job(InputDataConfig=[{'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': f's3://{bucket}/{prefix}/train/'}}}, {'DataSource': {'S3DataSource': {'S3Uri': 's3://{}/{}/validation/'.format(bucket, prefix)}}}], OutputDataConfig={'S3OutputPath': 's3://%s/%s/output' % (bucket, prefix)}, RoleArn='arn:aws:iam::' + account + ':role/AutoML')",
        r#"{"InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/churn/train/"}}},{"DataSource":{"S3DataSource":{"S3Uri":"s3://{bucket}/churn/validation/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/churn/output"},"RoleArn":"arn:aws:iam::{account}:role/AutoML"}"#,
        &[
            ("error", "runtime-value", "/InputDataConfig/0/DataSource/S3DataSource/S3Uri", "{bucket}: fill in the value of bucket, which the program sets to sess.default_bucket() when it runs (set on line 2, used on line 4)", 2, 10),
            ("error", "runtime-value", "/InputDataConfig/1/DataSource/S3DataSource/S3Uri", "{bucket}: fill in the value of bucket", 2, 10),
            ("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{bucket}: fill in the value of bucket", 2, 10),
            ("error", "runtime-value", "/RoleArn", "{account}: fill in the value of account, which this program does not set before it is used on line 4", 4, 340),
        ],
    ),
    (
        "a for loop's target: a hole quoting the loop, not \"not set\"",
        "import boto3\nsm = boto3.client('sagemaker')\nfor target in ['Churn', 'Upsell']:\n    sm.create_auto_ml_job(AutoMLJobName=f'{target}-job')",
        r#"{"AutoMLJobName":"{target}-job"}"#,
        &[("error", "runtime-value", "/AutoMLJobName", "{target}: fill in the value of target, which is set by \"for target in ['Churn', 'Upsell']\" on line 3, known only when the program runs (used on line 4)", 4, 43)],
    ),
    (
        "an unpacking and an import bind names too: each hole quotes its statement",
        "from settings import BUCKET as bucket, REGION\ntrain_uri, (test_uri, _) = split_and_upload(df)\nc.create_auto_ml_job(InputDataConfig=[{'DataSource': {'S3DataSource': {'S3Uri': test_uri}}}], OutputDataConfig={'S3OutputPath': f's3://{bucket}/{REGION}'})",
        r#"{"InputDataConfig":[{"DataSource":{"S3DataSource":{"S3Uri":"{test_uri}"}}}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/{REGION}"}}"#,
        &[
            ("error", "runtime-value", "/InputDataConfig/0/DataSource/S3DataSource/S3Uri", "{test_uri}: fill in the value of test_uri, which is set by \"train_uri, (test_uri, _) = split_and_upload(df)\" on line 2, known only when the program runs (used on line 3)", 3, 81),
            ("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{bucket}: fill in the value of bucket, which is set by \"from settings import BUCKET as bucket, REGION\" on line 1,", 3, 136),
            ("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{REGION}: fill in the value of REGION, which is set by \"from settings import BUCKET as bucket, REGION\" on line 1,", 3, 145),
        ],
    ),
    (
        "the last statement to set a name before its use is the one read",
        "for name in names:\n    pass\nname = 'after-the-loop'\nwith open('p') as prefix:\n    pass\nfor prefix in ['a']:\n    pass\nc.create_auto_ml_job(AutoMLJobName=name, OutputDataConfig={'S3OutputPath': prefix})",
        r#"{"AutoMLJobName":"after-the-loop","OutputDataConfig":{"S3OutputPath":"{prefix}"}}"#,
        &[("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{prefix}: fill in the value of prefix, which is set by \"for prefix in ['a']\" on line 6,", 8, 76)],
    ),
    (
        "a notebook cell in the public examples' style: %%time, the session's bucket, the execution role, a loop over targets, a guard",
        "%%time\nimport sagemaker, boto3\nfrom sagemaker import get_execution_role\n\nsession = sagemaker.Session()\nbucket = session.default_bucket()\nprefix = 'sagemaker/autopilot-churn'\nrole = get_execution_role()\nsm = boto3.Session().client(service_name='sagemaker', region_name=session.boto_region_name)\n\nfor target in ['Churn?']:\n    if prefix:\n        sm.create_auto_ml_job(\n            AutoMLJobName='churn-{}'.format(target.strip('?').lower()),\n            InputDataConfig=[{'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix',\n                                                              'S3Uri': 's3://{}/{}/train'.format(bucket, prefix)}},\n                              'TargetAttributeName': target}],\n            OutputDataConfig={'S3OutputPath': 's3://{}/{}/output'.format(bucket, prefix)},\n            RoleArn=role)\n",
        r#"{"AutoMLJobName":"churn-{target.strip('?').lower()}","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/sagemaker/autopilot-churn/train"}},"TargetAttributeName":"{target}"}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/sagemaker/autopilot-churn/output"},"RoleArn":"{role}"}"#,
        &[
            ("error", "runtime-value", "/InputDataConfig/0/DataSource/S3DataSource/S3Uri", "{bucket}: fill in the value of bucket, which the program sets to session.default_bucket() when it runs (set on line 6, used on line 16)", 6, 10),
            ("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{bucket}: fill in the value of bucket", 6, 10),
            ("error", "runtime-value", "/RoleArn", "{role}: fill in the value of role, which the program sets to get_execution_role() when it runs", 8, 8),
            ("error", "runtime-value", "/AutoMLJobName", "{target.strip('?').lower()}: fill in the value of target.strip('?').lower(), which is worked out when the program runs", 14, 45),
            ("error", "runtime-value", "/InputDataConfig/0/TargetAttributeName", "{target}: fill in the value of target, which is set by \"for target in ['Churn?']\" on line 11, known only when the program runs (used on line 17)", 17, 54),
        ],
    ),
    (
        "what binds nothing is not read as binding: a one-line if's header, an item or a call in targets, import a.b as c",
        "region = 'us-east-1'\nkey = 'job-7'\nconfig = 'cfg'\nif region: bucket, other = 'b', 'k'\nrow[key], ok = lookup(); n = 1\nimport config.local as cl\nc.create_auto_ml_job(AutoMLJobName=key + '-' + config, OutputDataConfig={'S3OutputPath': f's3://x/{region}'})",
        r#"{"AutoMLJobName":"job-7-cfg","OutputDataConfig":{"S3OutputPath":"s3://x/us-east-1"}}"#,
        &[],
    ),
    (
        "unpackings in brackets or with a starred target, and one ended by ;",
        "(first, second) = pick()\n*rest, last = parts(); n = 1\nc.create_auto_ml_job(AutoMLJobName=second, RoleArn=last)",
        r#"{"AutoMLJobName":"{second}","RoleArn":"{last}"}"#,
        &[
            ("error", "runtime-value", "/AutoMLJobName", "{second}: fill in the value of second, which is set by \"(first, second) = pick()\" on line 1, known only when the program runs (used on line 3)", 3, 36),
            ("error", "runtime-value", "/RoleArn", "{last}: fill in the value of last, which is set by \"*rest, last = parts()\" on line 2, known", 3, 52),
        ],
    ),
    (
        "a hole in a number member: left out, the hole at its path; arithmetic on it is one hole",
        "n = int(os.environ['N'])\nc.create_auto_ml_job(AutoMLJobConfig={'CompletionCriteria': {'MaxCandidates': n * 2, 'MaxAutoMLJobRuntimeInSeconds': 4 * 60 * 60}})",
        r#"{"AutoMLJobConfig":{"CompletionCriteria":{"MaxAutoMLJobRuntimeInSeconds":14400}}}"#,
        &[("error", "runtime-value", "/AutoMLJobConfig/CompletionCriteria/MaxCandidates", "{n * 2}: fill in the value of n * 2, which is worked out when the program runs: n is set to int(os.environ['N']) on line 1 (used on line 2)", 2, 79)],
    ),
    (
        "a hole in a structure member: an empty structure to fill in",
        "c.create_auto_ml_job(OutputDataConfig=output_config(), AutoMLJobName='j')",
        r#"{"OutputDataConfig":{},"AutoMLJobName":"j"}"#,
        &[("error", "runtime-value", "/OutputDataConfig", "{output_config()}: fill in the value of output_config()", 1, 39)],
    ),
    (
        "format and % with written arguments are worked out",
        "name = '{}-{:03d}-{kind}'.format('churn', 7, kind='v1')\npath = 's3://%s/%05d/%(x)s' if False else 's3://%s/%05d' % ('b', 42)\nc.create_auto_ml_job(AutoMLJobName=name, OutputDataConfig={'S3OutputPath': path})",
        r#"{"AutoMLJobName":"churn-007-v1","OutputDataConfig":{"S3OutputPath":"s3://b/00042"}}"#,
        &[],
    ),
    (
        "if/elif/else decided as Python decides: empty string, None, 0, empty list, comparisons",
        "prefix = ''\nname = 'job-a'\nif prefix:\n    name = 'job-b'\nelif None or 0 or []:\n    name = 'job-c'\nelif 0 and len_ok == 3:\n    name = 'job-d'\nelif 'x' in ['x', 'y'] and 2 > 1:\n    name = 'job-e'\nelse:\n    name = 'job-f'\nif False: name = 'job-g'\nc.create_auto_ml_job(AutoMLJobName=name)",
        r#"{"AutoMLJobName":"job-e"}"#,
        &[],
    ),
    (
        "a condition known only when the program runs: what its branches set is a hole naming it",
        "default_bucket_prefix = sess.default_bucket_prefix\nprefix = 'churn'\nif default_bucket_prefix:\n    prefix = f'{default_bucket_prefix}/{prefix}'\nc.create_auto_ml_job(OutputDataConfig={'S3OutputPath': f's3://b/{prefix}/out'})",
        r#"{"OutputDataConfig":{"S3OutputPath":"s3://b/{prefix}/out"}}"#,
        &[("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{prefix}: fill in the value of prefix, which depends on the condition \"if default_bucket_prefix:\" on line 3, known only when the program runs (used on line 5)", 5, 65)],
    ),
    (
        "a conditional expression decided, or a hole naming its condition",
        "mode = 'ENSEMBLING' if 3 > 2 else 'HYPERPARAMETER_TUNING'\nc.create_auto_ml_job(AutoMLJobConfig={'Mode': mode}, ProblemType='Regression' if fast else 'BinaryClassification')",
        r#"{"AutoMLJobConfig":{"Mode":"ENSEMBLING"},"ProblemType":"{'Regression' if fast else 'BinaryClassification'}"}"#,
        &[("error", "runtime-value", "/ProblemType", "{'Regression' if fast else 'BinaryClassification'}: fill in the value of 'Regression' if fast else 'BinaryClassification', which depends on the condition \"if fast\" on line 2, known only when the program runs (used on line 2)", 2, 66)],
    ),
    (
        "a function's parameters: from its first call with written values, named",
        "def launch(bucket, role, name='churn'):\n    sm.create_auto_ml_job(AutoMLJobName=name, OutputDataConfig={'S3OutputPath': f's3://{bucket}/out'}, RoleArn=role)\n\nlaunch('my-bucket', role=os.environ['ROLE'])\nlaunch('other', 'r')\n",
        r#"{"AutoMLJobName":"churn","OutputDataConfig":{"S3OutputPath":"s3://my-bucket/out"},"RoleArn":"{role}"}"#,
        &[
            ("error", "runtime-value", "/RoleArn", "{role}: fill in the value of role, which the program sets to os.environ['ROLE'] when it runs (set on line 4, used on line 2)", 4, 26),
            ("warning", "call-arguments", "", "the parameters of launch() are read from its call on line 4, the first of its 2 calls", 4, 1),
        ],
    ),
    (
        "a parameter no call gives: a hole naming the function",
        "def launch(role):\n    sm.create_auto_ml_job(RoleArn=role)\n",
        r#"{"RoleArn":"{role}"}"#,
        &[("error", "runtime-value", "/RoleArn", "{role}: fill in the value of role, a parameter of launch() that no call in this program gives (used on line 2)", 2, 35)],
    ),
    (
        "IPython magics and shell escapes are skipped wherever they are",
        "%%time\n!pip install -q sagemaker\n%pip install boto3\nname = ('churn-%s'\n        % 'v1')\nsm.create_auto_ml_job?\n%store name\nsm.create_auto_ml_job(\n    AutoMLJobName=name,\n    ProblemType=\"\"\"Regression\nreally?\"\"\",\n)\n",
        r#"{"AutoMLJobName":"churn-v1","ProblemType":"Regression\nreally?"}"#,
        &[],
    ),
    (
        "only a call is a call: a def, a comment, a string are not; several calls: the first, named",
        "class Jobs:\n    def create_auto_ml_job(cls, name):\n        pass\n# sm.create_auto_ml_job(AutoMLJobName='a comment')\ns = \"sm.create_auto_ml_job(AutoMLJobName='a string')\"\nsm.create_auto_ml_job(AutoMLJobName='first')\nsm.create_auto_ml_job(AutoMLJobName='second')\n",
        r#"{"AutoMLJobName":"first"}"#,
        &[("warning", "several-calls", "", "this program calls create_auto_ml_job() 2 times: the request is the first call's, on line 6; the others are on line 7", 6, 4)],
    ),
    (
        "describe output printed as a Python dict",
        "{'AutoMLJobName': 'old-job', 'AutoMLJobArn': 'arn:aws:sagemaker:us-east-1:123456789012:automl-job/old-job', 'CreationTime': datetime.datetime(2024, 3, 1, 10, 0, tzinfo=tzlocal()), 'RoleArn': 'arn:aws:iam::123456789012:role/r', 'ResponseMetadata': {'RequestId': 'x'}}",
        r#"{"AutoMLJobName":"old-job","RoleArn":"arn:aws:iam::123456789012:role/r"}"#,
        &[],
    ),
    (
        "every hole of the program in one answer, each its own finding",
        "a = f()\nb = g()\nc1 = h()\nd = i()\ne = j()\nsm.create_auto_ml_job(AutoMLJobName=a, RoleArn=b, ProblemType=c1, OutputDataConfig={'S3OutputPath': d, 'KmsKeyId': e})",
        r#"{"AutoMLJobName":"{a}","RoleArn":"{b}","ProblemType":"{c1}","OutputDataConfig":{"S3OutputPath":"{d}","KmsKeyId":"{e}"}}"#,
        &[
            ("error", "runtime-value", "/AutoMLJobName", "{a}", 1, 5),
            ("error", "runtime-value", "/RoleArn", "{b}", 2, 5),
            ("error", "runtime-value", "/ProblemType", "{c1}", 3, 6),
            ("error", "runtime-value", "/OutputDataConfig/S3OutputPath", "{d}", 4, 5),
            ("error", "runtime-value", "/OutputDataConfig/KmsKeyId", "{e}", 5, 5),
        ],
    ),
];

/// What differs between `imported` and the case.
fn mismatch(
    guard: &str,
    text: &str,
    imported: &Imported,
    request: &str,
    findings: &[Finding],
) -> Option<String> {
    let got = json::to_compact(&imported.request);
    let mut out = Vec::new();
    if got != request {
        out.push(format!("request {got}"));
    }
    let found: Vec<String> = imported
        .diagnostics
        .iter()
        .map(|d| {
            let (line, column) = d.span.map_or((0, 0), |s| line_col(text, s.start));
            format!(
                "({}, {}, {}, {}, {line}, {column})",
                d.severity, d.code, d.path, d.message
            )
        })
        .collect();
    let same = imported.diagnostics.len() == findings.len()
        && imported.diagnostics.iter().zip(findings).all(|(d, f)| {
            let (line, column) = d.span.map_or((0, 0), |s| line_col(text, s.start));
            (d.severity.as_str(), d.code, d.path.as_str(), line, column)
                == (f.0, f.1, f.2, f.4, f.5)
                && d.message.contains(f.3)
        });
    if !same {
        out.push(format!("findings {}", found.join("\n  ")));
    }
    (!out.is_empty()).then(|| format!("{guard}: {}", out.join("; ")))
}

#[test]
fn run_time_values_are_holes_at_their_members_and_python_is_read_as_it_runs() {
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|&(guard, text, request, findings)| {
            match import_full(&CREATE_AUTO_ML_JOB, text) {
                Ok(imported) => mismatch(guard, text, &imported, request, findings),
                Err(err) => Some(format!("{guard}: {err}")),
            }
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checker says nothing about a hole's stand-in value: the hole is the finding there.
#[test]
fn a_hole_hides_the_checkers_findings_about_its_stand_in() {
    let text = "c.create_auto_ml_job(AutoMLJobName='churn-' + stamp, OutputDataConfig=out(), RoleArn=role)";
    let imported = import_full(&CREATE_AUTO_ML_JOB, text).unwrap();
    let found: Vec<(&str, String)> = check_imported(&CREATE_AUTO_ML_JOB, &imported)
        .into_iter()
        .map(|d| (d.code, d.path))
        .collect();
    assert_eq!(
        found,
        [
            ("runtime-value", "/AutoMLJobName".to_string()),
            ("runtime-value", "/OutputDataConfig".to_string()),
            ("runtime-value", "/RoleArn".to_string()),
            ("required", "/InputDataConfig".to_string()),
        ]
    );
}

/// `import` (the older entry point) refuses a text with holes, naming each on its own line.
#[test]
fn import_without_holes_refuses_naming_every_hole() {
    let err = import("a = f()\nsm.create_auto_ml_job(AutoMLJobName=a, RoleArn=g())").unwrap_err();
    assert_eq!((err.line, err.column), (1, 5), "{err}");
    assert_eq!(err.message.lines().count(), 2, "{err}");
    assert!(err
        .message
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("{g()}: fill in the value of g()"));
}

/// The V2 API is named as such, from boto3 and the AWS CLI.
#[test]
fn the_v2_api_is_named() {
    let err = import("import boto3\nsm.create_auto_ml_job_v2(AutoMLJobName='x')").unwrap_err();
    assert!(
        err.message
            .starts_with("this program calls create_auto_ml_job_v2(…), the CreateAutoMLJobV2 API"),
        "{err}"
    );
    assert_eq!((err.line, err.column), (2, 4));
    let err = import("aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name x").unwrap_err();
    assert!(
        err.message
            .starts_with("this is create-auto-ml-job-v2, the V2 API (CreateAutoMLJobV2)"),
        "{err}"
    );
    assert_eq!((err.line, err.column), (1, 15));
}

/// A notebook's holes name its cells as a person finds them (Jupyter's `In [n]`, else the
/// cell's first line) and point at their characters in the notebook's JSON.
#[test]
fn a_notebooks_holes_name_its_cells_and_point_into_its_text() {
    let notebook = r##"{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Churn\n"]},
  {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [], "source": ["%%time\n", "import sagemaker\n", "bucket = sagemaker.Session().default_bucket()\n"]},
  {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["# the job\n", "role = get_execution_role()\n"]},
  {"cell_type": "code", "execution_count": 7, "metadata": {}, "outputs": [], "source": "sm.create_auto_ml_job(\n    AutoMLJobName=\"churn\",\n    OutputDataConfig={\"S3OutputPath\": f\"s3://{bucket}/out\"},\n    RoleArn=role,\n)"}
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}"##;
    let imported = import_full(&CREATE_AUTO_ML_JOB, notebook).unwrap();
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"churn","OutputDataConfig":{"S3OutputPath":"s3://{bucket}/out"},"RoleArn":"{role}"}"#
    );
    let holes: Vec<(String, &str)> = imported
        .diagnostics
        .iter()
        .map(|d| (d.message.clone(), &notebook[d.span.unwrap().start..]))
        .collect();
    assert_eq!(holes.len(), 2, "{holes:?}");
    assert_eq!(
        holes[0].0,
        "{bucket}: fill in the value of bucket, which the program sets to sagemaker.Session().default_bucket() when it runs (set in In [3], line 3, used in In [7], line 3)"
    );
    assert!(
        holes[0]
            .1
            .starts_with("sagemaker.Session().default_bucket()\\n\"]"),
        "{}",
        holes[0].1
    );
    assert_eq!(
        holes[1].0,
        "{role}: fill in the value of role, which the program sets to get_execution_role() when it runs (set in the cell starting \"# the job\", line 2, used in In [7], line 4)"
    );
    assert!(holes[1].1.starts_with("get_execution_role()"));
    // The request's values point at their characters too.
    let span = imported.request.pointer("/AutoMLJobName").unwrap().span;
    assert!(
        notebook[span.start..].starts_with("\\\"churn\\\""),
        "{}",
        &notebook[span.start..]
    );
}
