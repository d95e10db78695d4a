//! The import of `CreateAutoMLJobV2` requests (issue 12, "every edge"): JSON bodies,
//! `aws sagemaker create-auto-ml-job-v2` commands (JSON and shorthand options, shell
//! variables, the Windows scripts), boto3 programs and notebooks calling
//! `create_auto_ml_job_v2(…)` with holes as for V1, Python dicts and
//! `describe-auto-ml-job-v2` output. `import_detect` tells the operation from the text and
//! says which; a text that calls both APIs is read at its first call and names the other.
//! The inputs are written as public notebooks and blog posts write them (own words and values).

use automl_rules::import::{
    check_imported, import, import_detect, import_full, left_out_kind_for, read_as_note,
};
use automl_rules::json::{self, line_col};
use automl_rules::{CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};

/// (what the case guards, the text, the request imported as compact JSON, the holes' paths)
const CASES: &[(&str, &str, &str, &[&str])] = &[
    (
        "a JSON body with V2 members",
        r#"{"AutoMLJobName": "ts-demand", "AutoMLProblemTypeConfig": {"TimeSeriesForecastingJobConfig": {"ForecastFrequency": "W", "ForecastHorizon": 8}}}"#,
        r#"{"AutoMLJobName":"ts-demand","AutoMLProblemTypeConfig":{"TimeSeriesForecastingJobConfig":{"ForecastFrequency":"W","ForecastHorizon":8}}}"#,
        &[],
    ),
    (
        "a command with JSON options, the V2 names, global options left out",
        "aws sagemaker create-auto-ml-job-v2 --region eu-west-1 \\\n  --auto-ml-job-name img-v2 \\\n  --auto-ml-job-input-data-config '[{\"ChannelType\":\"training\",\"ContentType\":\"image/*\",\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://pics/train/\"}}}]' \\\n  --auto-ml-problem-type-config '{\"ImageClassificationJobConfig\":{\"CompletionCriteria\":{\"MaxCandidates\":2}}}' \\\n  --role-arn arn:aws:iam::111122223333:role/r",
        r#"{"AutoMLJobName":"img-v2","AutoMLJobInputDataConfig":[{"ChannelType":"training","ContentType":"image/*","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://pics/train/"}}}],"AutoMLProblemTypeConfig":{"ImageClassificationJobConfig":{"CompletionCriteria":{"MaxCandidates":2}}},"RoleArn":"arn:aws:iam::111122223333:role/r"}"#,
        &[],
    ),
    (
        "shorthand for every kind of V2 member: nested structures, a map, numbers, floats and booleans by the model; members in the model's order",
        "aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name llm \\\n  --auto-ml-job-input-data-config 'ChannelType=training,ContentType=\"text/csv;header=present\",DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://b/t/}}' \\\n  --output-data-config S3OutputPath=s3://b/o/ \\\n  --auto-ml-problem-type-config 'TextGenerationJobConfig={BaseModelName=Falcon7BInstruct,TextGenerationHyperParameters={epochCount=3,learningRate=0.0001},ModelAccessConfig={AcceptEula=true},CompletionCriteria={MaxAutoMLJobRuntimeInSeconds=7200}}' \\\n  --security-config 'EnableInterContainerTrafficEncryption=false,VpcConfig={Subnets=[subnet-1,subnet-2],SecurityGroupIds=[sg-1]}' \\\n  --data-split-config ValidationFraction=0.2 \\\n  --auto-ml-compute-config 'EmrServerlessComputeConfig={ExecutionRoleARN=arn:aws:iam::111122223333:role/emr}' \\\n  --tags Key=team,Value=nlp Key=stage,Value=dev",
        r#"{"AutoMLJobName":"llm","AutoMLJobInputDataConfig":[{"ChannelType":"training","ContentType":"text/csv;header=present","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/t/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://b/o/"},"AutoMLProblemTypeConfig":{"TextGenerationJobConfig":{"CompletionCriteria":{"MaxAutoMLJobRuntimeInSeconds":7200},"BaseModelName":"Falcon7BInstruct","TextGenerationHyperParameters":{"epochCount":"3","learningRate":"0.0001"},"ModelAccessConfig":{"AcceptEula":true}}},"Tags":[{"Key":"team","Value":"nlp"},{"Key":"stage","Value":"dev"}],"SecurityConfig":{"EnableInterContainerTrafficEncryption":false,"VpcConfig":{"SecurityGroupIds":["sg-1"],"Subnets":["subnet-1","subnet-2"]}},"DataSplitConfig":{"ValidationFraction":0.2},"AutoMLComputeConfig":{"EmrServerlessComputeConfig":{"ExecutionRoleARN":"arn:aws:iam::111122223333:role/emr"}}}"#,
        &[],
    ),
    (
        "shell variables set before the command; a command's output is a hole",
        "BUCKET=sales-forecasting\nJOB_NAME=\"weekly-$(date +%Y%m%d)\"\naws sagemaker create-auto-ml-job-v2 \\\n  --auto-ml-job-name \"$JOB_NAME\" \\\n  --output-data-config \"{\\\"S3OutputPath\\\": \\\"s3://${BUCKET}/out/\\\"}\" \\\n  --role-arn \"$SAGEMAKER_ROLE\"",
        r#"{"AutoMLJobName":"weekly-{$(date +%Y%m%d)}","OutputDataConfig":{"S3OutputPath":"s3://sales-forecasting/out/"},"RoleArn":"{$SAGEMAKER_ROLE}"}"#,
        &["/AutoMLJobName", "/RoleArn"],
    ),
    (
        "a boto3 program in a notebook's style: Session().default_bucket(), get_execution_role(), format, an if guard",
        "import boto3\nimport sagemaker\nfrom sagemaker import get_execution_role\n\nsession = sagemaker.Session()\nbucket = session.default_bucket()\nprefix = 'autopilot-v2/text'\nrole = get_execution_role()\nuse_parquet = False\nif use_parquet:\n    content_type = 'x-application/vnd.amazon+parquet'\nelse:\n    content_type = 'text/csv;header=present'\n\nchannels = [{'ChannelType': 'training', 'ContentType': content_type,\n             'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': 's3://{}/{}/train/'.format(bucket, prefix)}}}]\n\nsm = boto3.client('sagemaker', region_name='us-west-2')\nsm.create_auto_ml_job_v2(\n    AutoMLJobName='reviews-sentiment',\n    AutoMLJobInputDataConfig=channels,\n    OutputDataConfig={'S3OutputPath': f's3://{bucket}/{prefix}/output'},\n    AutoMLProblemTypeConfig={'TextClassificationJobConfig': {'ContentColumn': 'review_text', 'TargetLabelColumn': 'sentiment'}},\n    RoleArn=role,\n)\n",
        r#"{"AutoMLJobName":"reviews-sentiment","AutoMLJobInputDataConfig":[{"ChannelType":"training","ContentType":"text/csv;header=present","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/autopilot-v2/text/train/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/autopilot-v2/text/output"},"AutoMLProblemTypeConfig":{"TextClassificationJobConfig":{"ContentColumn":"review_text","TargetLabelColumn":"sentiment"}},"RoleArn":"{role}"}"#,
        &[
            "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri",
            "/OutputDataConfig/S3OutputPath",
            "/RoleArn",
        ],
    ),
    (
        "an interactive session's prompts",
        ">>> import boto3\n>>> sm = boto3.client('sagemaker')\n>>> sm.create_auto_ml_job_v2(AutoMLJobName='tab-v2',\n...     AutoMLProblemTypeConfig={'TabularJobConfig': {'TargetAttributeName': 'y', 'GenerateCandidateDefinitionsOnly': True}})",
        r#"{"AutoMLJobName":"tab-v2","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"y","GenerateCandidateDefinitionsOnly":true}}}"#,
        &[],
    ),
    (
        "a Python dict, as print(request) shows it",
        "{'AutoMLJobName': 'dict-v2', 'AutoMLProblemTypeConfig': {'TabularJobConfig': {'TargetAttributeName': 'label', 'Mode': 'ENSEMBLING'}}, 'DataSplitConfig': {'ValidationFraction': 0.1}}",
        r#"{"AutoMLJobName":"dict-v2","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"label","Mode":"ENSEMBLING"}},"DataSplitConfig":{"ValidationFraction":0.1}}"#,
        &[],
    ),
];

#[test]
fn each_v2_form_imports_as_a_v2_request() {
    for (case, text, request, holes) in CASES {
        let (op, imported) = import_detect(text).unwrap_or_else(|e| panic!("{case}: {e}"));
        assert_eq!(op.name, "CreateAutoMLJobV2", "{case}");
        assert_eq!(json::to_compact(&imported.request), *request, "{case}");
        let found: Vec<&str> = imported.holes().map(|d| d.path.as_str()).collect();
        assert_eq!(found, *holes, "{case}");
        // The rest of the import's own findings: none.
        assert_eq!(
            imported.diagnostics.len(),
            holes.len(),
            "{case}: {:?}",
            imported.diagnostics
        );
        // Forced to V2 it reads the same.
        let forced = import_full(&CREATE_AUTO_ML_JOB_V2, text).unwrap();
        assert_eq!(forced, imported, "{case}");
        // Checked as V2, no finding is about an unknown member.
        let findings = check_imported(op, &imported);
        assert!(
            !findings.iter().any(|d| d.code == "unknown"),
            "{case}: {findings:?}"
        );
    }
}

/// The program's `if` guard decides: the branch its written condition takes is read.
#[test]
fn an_if_guard_on_a_written_value_picks_the_branch() {
    let text = "import boto3\nREGION = 'eu-west-1'\nif REGION == 'eu-west-1':\n    problem = {'TabularJobConfig': {'TargetAttributeName': 'churn', 'ProblemType': 'BinaryClassification'}}\n    metric = 'F1'\nelse:\n    problem = {'TabularJobConfig': {'TargetAttributeName': 'churn', 'ProblemType': 'Regression'}}\n    metric = 'MSE'\nboto3.client('sagemaker').create_auto_ml_job_v2(AutoMLJobName='guarded', AutoMLProblemTypeConfig=problem, AutoMLJobObjective={'MetricName': metric})\n";
    let (op, imported) = import_detect(text).unwrap();
    assert_eq!(op.name, "CreateAutoMLJobV2");
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"guarded","AutoMLProblemTypeConfig":{"TabularJobConfig":{"TargetAttributeName":"churn","ProblemType":"BinaryClassification"}},"AutoMLJobObjective":{"MetricName":"F1"}}"#
    );
    assert!(
        imported.diagnostics.is_empty(),
        "{:?}",
        imported.diagnostics
    );
}

/// A Jupyter notebook: `%%time` cells, holes naming their cells, the V2 call in a later cell.
#[test]
fn a_notebook_calling_create_auto_ml_job_v2() {
    let notebook = r##"{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Forecast daily demand with Autopilot V2\n"]},
  {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["%%time\n", "import sagemaker, boto3\n", "bucket = sagemaker.Session().default_bucket()\n", "role = sagemaker.get_execution_role()\n"]},
  {"cell_type": "code", "execution_count": 5, "metadata": {}, "outputs": [], "source": ["sm = boto3.client('sagemaker')\n", "sm.create_auto_ml_job_v2(\n", "    AutoMLJobName='demand-daily',\n", "    AutoMLJobInputDataConfig=[{'ChannelType': 'training', 'ContentType': 'text/csv;header=present', 'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix', 'S3Uri': f's3://{bucket}/demand/train/'}}}],\n", "    OutputDataConfig={'S3OutputPath': f's3://{bucket}/demand/output/'},\n", "    AutoMLProblemTypeConfig={'TimeSeriesForecastingJobConfig': {'ForecastFrequency': 'D', 'ForecastHorizon': 14, 'TimeSeriesConfig': {'TargetAttributeName': 'demand', 'TimestampAttributeName': 'day', 'ItemIdentifierAttributeName': 'sku'}}},\n", "    RoleArn=role,\n", ")\n"]}
 ],
 "metadata": {"kernelspec": {"name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}"##;
    let (op, imported) = import_detect(notebook).unwrap();
    assert_eq!(op.name, "CreateAutoMLJobV2");
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"demand-daily","AutoMLJobInputDataConfig":[{"ChannelType":"training","ContentType":"text/csv;header=present","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/demand/train/"}}}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/demand/output/"},"AutoMLProblemTypeConfig":{"TimeSeriesForecastingJobConfig":{"ForecastFrequency":"D","ForecastHorizon":14,"TimeSeriesConfig":{"TargetAttributeName":"demand","TimestampAttributeName":"day","ItemIdentifierAttributeName":"sku"}}},"RoleArn":"{role}"}"#
    );
    let messages: Vec<&str> = imported.holes().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[2].contains("(set in In [2], line 4, used in In [5], line 7)"),
        "{messages:?}"
    );
}

/// `describe-auto-ml-job-v2` output: what it reports about the old job is left out and named
/// as describe-auto-ml-job-v2's.
#[test]
fn describe_v2_output_keeps_the_request() {
    let described = r#"{
  "AutoMLJobName": "old-forecast",
  "AutoMLJobArn": "arn:aws:sagemaker:us-east-1:111122223333:automl-job/old-forecast",
  "AutoMLJobInputDataConfig": [{"ChannelType": "training", "ContentType": "text/csv;header=present", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],
  "OutputDataConfig": {"S3OutputPath": "s3://b/o/"},
  "RoleArn": "arn:aws:iam::111122223333:role/r",
  "AutoMLProblemTypeConfig": {"TimeSeriesForecastingJobConfig": {"ForecastFrequency": "1H", "ForecastHorizon": 48, "TimeSeriesConfig": {"TargetAttributeName": "load", "TimestampAttributeName": "ts", "ItemIdentifierAttributeName": "meter"}}},
  "AutoMLProblemTypeConfigName": "TimeSeriesForecasting",
  "CreationTime": "2024-03-01T09:00:00.000000+00:00",
  "LastModifiedTime": "2024-03-01T12:00:00.000000+00:00",
  "AutoMLJobStatus": "Completed",
  "AutoMLJobSecondaryStatus": "Completed",
  "ResolvedAttributes": {"AutoMLProblemTypeResolvedAttributes": {"TimeSeriesForecastingResolvedAttributes": {}}},
  "ResponseMetadata": {"HTTPStatusCode": 200}
}"#;
    let (op, imported) = import_detect(described).unwrap();
    assert_eq!(op.name, "CreateAutoMLJobV2");
    assert_eq!(
        imported.left_out,
        [
            "AutoMLJobArn",
            "AutoMLProblemTypeConfigName",
            "CreationTime",
            "LastModifiedTime",
            "AutoMLJobStatus",
            "AutoMLJobSecondaryStatus",
            "ResolvedAttributes",
            "ResponseMetadata"
        ]
    );
    assert_eq!(
        left_out_kind_for(op, &imported.left_out[0]),
        "what describe-auto-ml-job-v2 reports about the job"
    );
    assert!(check_imported(op, &imported).iter().all(|d| !d.is_error()));
}

/// Both APIs in one program: the request is the first call's, and the other is named with
/// its place; in either order.
#[test]
fn a_program_calling_both_apis_reads_the_first_and_names_the_other() {
    let v1_first = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job(AutoMLJobName='old-api')\nsm.create_auto_ml_job_v2(AutoMLJobName='new-api')\n";
    let (op, imported) = import_detect(v1_first).unwrap();
    assert_eq!(op.name, "CreateAutoMLJob");
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"old-api"}"#
    );
    let other: Vec<_> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == "other-api-call")
        .collect();
    assert_eq!(other.len(), 1, "{:?}", imported.diagnostics);
    assert_eq!(
        other[0].message,
        "this program also calls create_auto_ml_job_v2(…), the CreateAutoMLJobV2 API, on line 4: the request is the first call's, create_auto_ml_job(…) (CreateAutoMLJob) on line 3; import the other on its own"
    );
    assert!(!other[0].is_error());
    assert_eq!(line_col(v1_first, other[0].span.unwrap().start), (4, 4));

    let v2_first = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job_v2(AutoMLJobName='new-api')\nsm.create_auto_ml_job(AutoMLJobName='old-api')\n";
    let (op, imported) = import_detect(v2_first).unwrap();
    assert_eq!(op.name, "CreateAutoMLJobV2");
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"new-api"}"#
    );
    assert!(imported
        .diagnostics
        .iter()
        .any(|d| d.code == "other-api-call"
            && d.message.starts_with(
                "this program also calls create_auto_ml_job(…), the CreateAutoMLJob API, on line 4"
            )));
}

/// Asked for one API, a text of the other is refused with what it is.
#[test]
fn a_forced_api_names_a_text_of_the_other() {
    let err = import_full(
        &CREATE_AUTO_ML_JOB_V2,
        "import boto3\nboto3.client('sagemaker').create_auto_ml_job(AutoMLJobName='x')",
    )
    .unwrap_err();
    assert_eq!(
        err.message,
        "this program calls create_auto_ml_job(…), the CreateAutoMLJob API: this import reads CreateAutoMLJobV2 requests (create_auto_ml_job_v2(…))"
    );
    let err = import_full(
        &CREATE_AUTO_ML_JOB_V2,
        "aws sagemaker create-auto-ml-job --auto-ml-job-name x",
    )
    .unwrap_err();
    assert_eq!(
        err.message,
        "this is create-auto-ml-job, the V1 API (CreateAutoMLJob): this import reads aws sagemaker create-auto-ml-job-v2 requests (CreateAutoMLJobV2)"
    );
    assert_eq!((err.line, err.column), (1, 15));
    let err = import("aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name x").unwrap_err();
    assert!(
        err.message
            .starts_with("this is create-auto-ml-job-v2, the V2 API (CreateAutoMLJobV2)"),
        "{err}"
    );
    // A V2 option on the V1 command is an unknown option of that command.
    let err = import_full(&CREATE_AUTO_ML_JOB, "aws sagemaker create-auto-ml-job --auto-ml-problem-type-config TabularJobConfig={TargetAttributeName=y}").unwrap_err();
    assert_eq!(
        err.message,
        "unknown option '--auto-ml-problem-type-config' for aws sagemaker create-auto-ml-job"
    );
    let err = import_detect("import boto3\nprint('no call')\n").unwrap_err();
    assert_eq!(
        err.message,
        "this Python has no create_auto_ml_job(…) or create_auto_ml_job_v2(…) call to read the request from"
    );
}

#[test]
fn the_note_says_which_operation_and_why() {
    assert_eq!(
        read_as_note(&CREATE_AUTO_ML_JOB_V2, false),
        "read as a CreateAutoMLJobV2 request (told from the text; --api v1|v2 chooses)"
    );
    assert_eq!(
        read_as_note(&CREATE_AUTO_ML_JOB, true),
        "read as a CreateAutoMLJob request (chosen by --api)"
    );
    let (op, _) = import_detect("aws sagemaker create-auto-ml-job --auto-ml-job-name x").unwrap();
    assert_eq!(op.name, "CreateAutoMLJob");
}

mod properties {
    use automl_rules::export::{in_model_order_for, render_for, Target};
    use automl_rules::import::import_detect;
    use automl_rules::json::{self, Member, Node, Value};
    use automl_rules::CREATE_AUTO_ML_JOB_V2;
    use proptest::prelude::*;

    /// Strings that mean something to a shell, cmd.exe, PowerShell, Python or JSON.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(
                    &[
                        "'", "\"", "$(x)", "`x`", "\\", "!", "%PATH%", "^", "&", "|", "<", ">",
                        "{", "}", "[", "]", ",", "=", "\n", "\t", "'@", "é", "😀", "\u{202e}",
                        "file://x", "-", " ",
                    ][..]
                )
                .prop_map(str::to_string),
                "[a-z]{1,4}",
            ],
            0..6,
        )
        .prop_map(|parts| parts.concat())
    }

    fn member(key: &str, value: Node) -> Member {
        Member {
            key: key.to_string(),
            key_span: Default::default(),
            value,
        }
    }

    /// V2 requests whose values are any of the right kind: strings anywhere a string goes,
    /// with the problem type's union and a map among them.
    fn request() -> impl Strategy<Value = Node> {
        (text(), text(), text(), text(), any::<bool>(), 1u32..1000).prop_map(
            |(name, uri, target, hyper, flag, n)| {
                let s = |t: &str| Node::new(Value::String(t.to_string()));
                let obj = |members: Vec<Member>| Node::new(Value::Object(members));
                obj(vec![
                    member("AutoMLJobName", s(&name)),
                    member(
                        "AutoMLJobInputDataConfig",
                        Node::new(Value::Array(vec![obj(vec![member(
                            "DataSource",
                            obj(vec![member(
                                "S3DataSource",
                                obj(vec![
                                    member("S3DataType", s("S3Prefix")),
                                    member("S3Uri", s(&uri)),
                                ]),
                            )]),
                        )])])),
                    ),
                    member(
                        "AutoMLProblemTypeConfig",
                        obj(vec![member(
                            "TextGenerationJobConfig",
                            obj(vec![
                                member(
                                    "TextGenerationHyperParameters",
                                    obj(vec![member(&target, s(&hyper))]),
                                ),
                                member(
                                    "ModelAccessConfig",
                                    obj(vec![member("AcceptEula", Node::new(Value::Bool(flag)))]),
                                ),
                                member(
                                    "CompletionCriteria",
                                    obj(vec![member(
                                        "MaxCandidates",
                                        Node::new(Value::Number(n.to_string())),
                                    )]),
                                ),
                            ]),
                        )]),
                    ),
                    member(
                        "Tags",
                        Node::new(Value::Array(vec![obj(vec![
                            member("Key", s(&target)),
                            member("Value", s(&hyper)),
                        ])])),
                    ),
                ])
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Every export of a V2 request with hostile strings imports back as the same V2
        /// request (a map key repeated in the generator is one key, so keys stay unique).
        #[test]
        fn every_v2_export_imports_back_as_v2(request in request()) {
            let ordered = in_model_order_for(&CREATE_AUTO_ML_JOB_V2, &request);
            for target in Target::ALL {
                let text = render_for(&CREATE_AUTO_ML_JOB_V2, &request, target);
                match import_detect(&text) {
                    Ok((op, imported)) => {
                        prop_assert_eq!(op.name, "CreateAutoMLJobV2", "{}", target.name());
                        prop_assert!(
                            imported.request.same_as(&ordered) || imported.request.same_as(&request),
                            "{}: {}\nbecame {}\nexport:\n{}",
                            target.name(),
                            json::to_compact(&request),
                            json::to_compact(&imported.request),
                            text
                        );
                    }
                    Err(e) => prop_assert!(false, "{}: {e}\nexport:\n{text}", target.name()),
                }
            }
        }

        #[test]
        fn import_detect_never_panics(prefix in text(), cut in 0usize..300) {
            let program = "import boto3\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job_v2(AutoMLJobName='a')\nsm.create_auto_ml_job(AutoMLJobName='b')\n";
            let mut at = cut.min(program.len());
            while !program.is_char_boundary(at) {
                at -= 1;
            }
            let _ = import_detect(&program[..at]);
            let _ = import_detect(&format!("{}{prefix}{}", &program[..at], &program[at..]));
            let command = "aws sagemaker create-auto-ml-job-v2 --auto-ml-problem-type-config 'TabularJobConfig={TargetAttributeName=y}'";
            let at = cut.min(command.len());
            let _ = import_detect(&format!("{}{prefix}{}", &command[..at], &command[at..]));
        }
    }
}
