//! The import of the SageMaker Python SDK's `AutoML` class: `AutoML(…)` then `.fit(…)`, read as
//! the `CreateAutoMLJob` request the SDK (v2) sends, with what the SDK fills in when it runs as
//! holes naming it. The request each mapping makes was first taken from the real SDK on the
//! wire (tests/clients/sdk_import.py runs it); here the mapping is held argument by argument,
//! with the findings for what the SDK refuses. The programs are our own, in the style of public
//! example notebooks.

use automl_rules::diag::Severity;
use automl_rules::import::{
    check_imported, import_detect, import_full, left_out_kind, Imported, RUNTIME_VALUE,
};
use automl_rules::json::{self, line_col};
use automl_rules::{CREATE_AUTO_ML_JOB, CREATE_AUTO_ML_JOB_V2};

const ROLE: &str = "arn:aws:iam::111122223333:role/service-role/AutoML";

fn read(text: &str) -> Imported {
    let (op, imported) = import_detect(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(op.name, "CreateAutoMLJob", "{text}");
    imported
}

/// (parameter, member) of the import's own findings other than holes.
fn findings(imported: &Imported) -> Vec<(&'static str, String)> {
    imported
        .diagnostics
        .iter()
        .filter(|d| d.code != RUNTIME_VALUE)
        .map(|d| (d.code, d.path.clone()))
        .collect()
}

/// (what the case guards, the program, the request as compact JSON, the holes' paths)
const CASES: &[(&str, &str, &str, &[&str])] = &[
    (
        "an S3 URI string: the channel takes AutoML's target; the SDK's defaults (no encryption, the empty completion criteria, GenerateCandidateDefinitionsOnly) are sent",
        "from sagemaker import AutoML\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='Churn?', output_path='s3://churn-data/output', problem_type='BinaryClassification', job_objective={'MetricName': 'F1'})\nautoml.fit('s3://churn-data/train/', job_name='churn-1', wait=False, logs=False)\n",
        r#"{"AutoMLJobName":"churn-1","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://churn-data/train/"}},"TargetAttributeName":"Churn?"}],"OutputDataConfig":{"S3OutputPath":"s3://churn-data/output"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":false,"AutoMLJobObjective":{"MetricName":"F1"},"ProblemType":"BinaryClassification"}"#,
        &[],
    ),
    (
        "no job_name and no output_path: the SDK's timestamp after base_job_name cut to 8 characters (\"housing-\", then its own '-'), the session's default bucket",
        "import sagemaker\nsess = sagemaker.Session()\nautoml = sagemaker.AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='y', base_job_name='housing-prices', sagemaker_session=sess)\nautoml.fit('s3://housing/train.csv')\n",
        r#"{"AutoMLJobName":"housing--{sagemaker_timestamp()}","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://housing/train.csv"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://{sess.default_bucket()}/"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":false}"#,
        &["/AutoMLJobName", "/OutputDataConfig/S3OutputPath"],
    ),
    (
        "every AutoML argument that shapes the request, and the channel settings on a list of S3 URIs",
        "from sagemaker.automl.automl import AutoML\nkms = 'arn:aws:kms:us-east-1:111122223333:key/k'\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='label', output_kms_key=kms, output_path='s3://b-1/o/', compression_type='Gzip', volume_kms_key=kms, encrypt_inter_container_traffic=True, vpc_config={'SecurityGroupIds': ['sg-1'], 'Subnets': ['subnet-1']}, problem_type='Regression', max_candidates=5, max_runtime_per_training_job_in_seconds=600, total_job_runtime_in_seconds=3600, job_objective={'MetricName': 'MSE'}, generate_candidate_definitions_only=True, tags={'team': 'ml', 'n': 7}, content_type='text/csv;header=present', s3_data_type='ManifestFile', feature_specification_s3_uri='s3://b-1/f.json', validation_fraction=0.25, mode='ENSEMBLING', auto_generate_endpoint_name=False, endpoint_name='ep', sample_weight_attribute_name='w')\nautoml.fit(inputs=['s3://b-1/manifest'], job_name='every')\n",
        r#"{"AutoMLJobName":"every","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"ManifestFile","S3Uri":"s3://b-1/manifest"}},"CompressionType":"Gzip","TargetAttributeName":"label","ContentType":"text/csv;header=present","SampleWeightAttributeName":"w"}],"OutputDataConfig":{"S3OutputPath":"s3://b-1/o/","KmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/k"},"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":5,"MaxRuntimePerTrainingJobInSeconds":600,"MaxAutoMLJobRuntimeInSeconds":3600},"SecurityConfig":{"EnableInterContainerTrafficEncryption":true,"VolumeKmsKeyId":"arn:aws:kms:us-east-1:111122223333:key/k","VpcConfig":{"SecurityGroupIds":["sg-1"],"Subnets":["subnet-1"]}},"CandidateGenerationConfig":{"FeatureSpecificationS3Uri":"s3://b-1/f.json"},"DataSplitConfig":{"ValidationFraction":0.25},"Mode":"ENSEMBLING"},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":true,"ModelDeployConfig":{"AutoGenerateEndpointName":false,"EndpointName":"ep"},"AutoMLJobObjective":{"MetricName":"MSE"},"ProblemType":"Regression","Tags":[{"Key":"team","Value":"ml"},{"Key":"n","Value":"7"}]}"#,
        &[],
    ),
    (
        "false values the SDK leaves out (if auto_ml.mode:, …) and None ones; an endpoint name is not sent when the name is generated",
        "from sagemaker import AutoML\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', target_attribute_name='y', output_path='s3://b-1/o/', mode='', validation_fraction=0.0, vpc_config={}, volume_kms_key=None, max_candidates=None, tags=None, auto_generate_endpoint_name=True, endpoint_name='unused')\nautoml.fit('s3://b-1/t/', job_name='falsy')\n",
        r#"{"AutoMLJobName":"falsy","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b-1/t/"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://b-1/o/"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":false,"ModelDeployConfig":{"AutoGenerateEndpointName":true}}"#,
        &[],
    ),
    (
        "AutoMLInput channels in a list of names: each with its own target, compression, channel type; S3Prefix by default",
        "from sagemaker import AutoML, AutoMLInput\ntrain = AutoMLInput('s3://b-1/train/', 'fraud', compression='Gzip', channel_type='training')\nvalid = AutoMLInput(inputs='s3://b-1/valid/', target_attribute_name='fraud', channel_type='validation', content_type='x-application/vnd.amazon+parquet', s3_data_type='S3Prefix', sample_weight_attribute_name='w')\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', output_path='s3://b-1/o/')\nautoml.fit([train, valid], job_name='two')\n",
        r#"{"AutoMLJobName":"two","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b-1/train/"}},"TargetAttributeName":"fraud","CompressionType":"Gzip","ChannelType":"training"},{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b-1/valid/"}},"TargetAttributeName":"fraud","ChannelType":"validation","ContentType":"x-application/vnd.amazon+parquet","SampleWeightAttributeName":"w"}],"OutputDataConfig":{"S3OutputPath":"s3://b-1/o/"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":false}"#,
        &[],
    ),
    (
        "one AutoMLInput of two URIs: a channel each, the target's hole in both",
        "import os\nfrom sagemaker import AutoML, AutoMLInput\ntarget = os.environ['TARGET']\nautoml = AutoML(role='arn:aws:iam::111122223333:role/service-role/AutoML', output_path='s3://b-1/o/')\nautoml.fit(AutoMLInput(['s3://b-1/a/', 's3://b-1/b/'], target), job_name='pair')\n",
        r#"{"AutoMLJobName":"pair","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b-1/a/"}},"TargetAttributeName":"{target}"},{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b-1/b/"}},"TargetAttributeName":"{target}"}],"OutputDataConfig":{"S3OutputPath":"s3://b-1/o/"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"arn:aws:iam::111122223333:role/service-role/AutoML","GenerateCandidateDefinitionsOnly":false}"#,
        &[
            "/InputDataConfig/0/TargetAttributeName",
            "/InputDataConfig/1/TargetAttributeName",
        ],
    ),
    (
        "a local path is uploaded, a role name is asked of IAM: holes naming what the SDK does; positional arguments, AutoML(…).fit(…) chained",
        "import sagemaker\nsession = sagemaker.Session()\nsagemaker.AutoML('AutoMLRole', 'species', output_path='s3://iris-ml/o', sagemaker_session=session).fit('data/iris.csv', False, False, 'iris')\n",
        r#"{"AutoMLJobName":"iris","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"{session.upload_data('data/iris.csv', key_prefix=\"auto-ml-input-data\")}"}},"TargetAttributeName":"species"}],"OutputDataConfig":{"S3OutputPath":"s3://iris-ml/o"},"AutoMLJobConfig":{"CompletionCriteria":{},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"{session.expand_role('AutoMLRole')}","GenerateCandidateDefinitionsOnly":false}"#,
        &[
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
            "/RoleArn",
        ],
    ),
    (
        "holes in the arguments feed the members they go to; a base job name with a hole makes the whole name one",
        "import sagemaker\nfrom sagemaker import AutoML, get_execution_role\nbucket = sagemaker.Session().default_bucket()\nprefix = 'churn'\nautoml = AutoML(role=get_execution_role(), target_attribute_name='y', output_path='s3://{}/{}/output'.format(bucket, prefix), base_job_name=prefix + bucket, max_candidates=int('10'), tags=[{'Key': 'owner', 'Value': bucket}])\nautoml.fit(f's3://{bucket}/{prefix}/train')\n",
        r#"{"AutoMLJobName":"{name_from_base(prefix + bucket, max_length=32)}","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/churn/train"}},"TargetAttributeName":"y"}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/churn/output"},"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":10},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"{get_execution_role()}","GenerateCandidateDefinitionsOnly":false,"Tags":[{"Key":"owner","Value":"{bucket}"}]}"#,
        &[
            "/AutoMLJobName",
            "/InputDataConfig/0/DataSource/S3DataSource/S3Uri",
            "/OutputDataConfig/S3OutputPath",
            "/RoleArn",
            "/Tags/0/Value",
        ],
    ),
];

#[test]
fn each_automl_program_imports_as_the_request_the_sdk_sends() {
    for (case, text, request, holes) in CASES {
        let imported = read(text);
        assert_eq!(json::to_compact(&imported.request), *request, "{case}");
        let mut found: Vec<&str> = imported.holes().map(|d| d.path.as_str()).collect();
        let mut want: Vec<&str> = holes.to_vec();
        found.sort_unstable();
        want.sort_unstable();
        assert_eq!(found, want, "{case}");
        // Each hole names what to fill in and where, and a person can find it.
        for hole in imported.holes() {
            assert!(
                hole.message.contains(": fill in the value of "),
                "{case}: {hole:?}"
            );
            assert!(hole.span.is_some(), "{case}: {hole:?}");
        }
        // No finding of the checker is an unknown member or a wrong type: the SDK's shapes
        // are the model's.
        let checked = check_imported(&CREATE_AUTO_ML_JOB, &imported);
        assert!(
            !checked
                .iter()
                .any(|d| matches!(d.code, "unknown" | "type" | "sdk-argument" | "sdk-error")),
            "{case}: {checked:?}"
        );
        // Forced to V1 it reads the same.
        assert_eq!(
            import_full(&CREATE_AUTO_ML_JOB, text).unwrap(),
            imported,
            "{case}"
        );
    }
}

/// The SDK's own arguments that run the job are named as left out, not dropped silently.
#[test]
fn the_sdks_own_arguments_are_left_out_and_named() {
    let imported = read(CASES[0].1);
    assert_eq!(imported.left_out, ["fit(wait=False)", "fit(logs=False)"]);
    assert_eq!(
        left_out_kind(&imported.left_out[0]),
        "the SageMaker Python SDK's arguments that run the job"
    );
    let imported = read(CASES[6].1);
    assert_eq!(
        imported.left_out,
        [
            "AutoML(sagemaker_session=session)",
            "fit(wait=False)",
            "fit(logs=False)"
        ]
    );
}

/// What the SDK adds when the program runs is said in the hole's words: the function that
/// does it and the file it is in.
#[test]
fn the_sdks_holes_say_what_the_sdk_does() {
    let imported = read(CASES[1].1);
    let messages: Vec<&str> = imported.holes().map(|d| d.message.as_str()).collect();
    assert!(
        messages[0].starts_with("{sagemaker_timestamp()}: fill in the value of sagemaker_timestamp(), which the SageMaker Python SDK works out when the program runs: fit() is given no job_name, so the SDK names the job name_from_base(\"housing-prices\", max_length=32): \"housing--\" and the time as %Y-%m-%d-%H-%M-%S-<milliseconds> (sagemaker_timestamp, sagemaker/utils.py) (used on line 4)"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("AutoML(…) is given no output_path, so the SDK writes to s3://<the session's default bucket>/"),
        "{messages:?}"
    );
    // An empty base_job_name is false: the SDK's base is then "automl".
    let imported = read(&CASES[1].1.replace("'housing-prices'", "''"));
    assert_eq!(
        imported
            .request
            .get("AutoMLJobName")
            .and_then(|n| n.as_str()),
        Some("automl-{sagemaker_timestamp()}")
    );
    let imported = read(CASES[6].1);
    let messages: Vec<&str> = imported.holes().map(|d| d.message.as_str()).collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "uploads to S3 before it sends the request (AutoML.fit, sagemaker/automl/automl.py)"
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("asking IAM (Session.expand_role, sagemaker/session.py)")),
        "{messages:?}"
    );
}

/// Arguments the SDK does not have, spread arguments and too many positional ones are located
/// errors (Python's TypeError); the rest of the request is still read.
#[test]
fn arguments_that_cannot_be_mapped_are_located_errors() {
    let text = format!("from sagemaker import AutoML\nautoml = AutoML(role='{ROLE}', target_attribute_name='y', max_candidate=5, **extra)\nautoml.fit('s3://b-1/t/', False, False, 'j', 'more', jobname='x')\n");
    let imported = read(&text);
    let errors: Vec<(String, (usize, usize))> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == "sdk-argument")
        .map(|d| {
            assert_eq!(d.severity, Severity::Error);
            let at = d.span.unwrap().start;
            (d.message.clone(), line_col(&text, at))
        })
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert!(errors[0].0.starts_with("AutoML() of the SageMaker Python SDK v2 has no argument max_candidate (Python's TypeError): its arguments are role, target_attribute_name, "), "{errors:?}");
    assert_eq!(errors[0].1, (2, 103));
    assert_eq!(errors[1].0, "import reads the arguments of AutoML(…) written out one by one, not spread with **: write each as name=value");
    assert_eq!(
        errors[2].0,
        "fit() takes at most 4 arguments by position (Python's TypeError): inputs, wait, logs, job_name"
    );
    assert_eq!(errors[2].1, (3, 46));
    assert!(errors[3]
        .0
        .starts_with("fit() of the SageMaker Python SDK v2 has no argument jobname"));
    // The written values are still read.
    assert_eq!(
        imported
            .request
            .get("AutoMLJobName")
            .and_then(|n| n.as_str()),
        Some("j")
    );
    // A keyword given twice.
    let text = format!("from sagemaker import AutoML\nAutoML(role='{ROLE}', role='{ROLE}', target_attribute_name='y', output_path='s3://b-1/o').fit('s3://b-1/t', job_name='j')\n");
    assert_eq!(findings(&read(&text)), [("sdk-argument", String::new())]);
}

/// What makes the SDK raise before it sends anything is said at its place.
#[test]
fn what_the_sdk_refuses_is_said() {
    // problem_type without job_objective: AutoML.__init__ raises ValueError.
    let text = format!("from sagemaker import AutoML\nautoml = AutoML(role='{ROLE}', target_attribute_name='y', output_path='s3://b-1/o', problem_type='Regression')\nautoml.fit('s3://b-1/t', job_name='j')\n");
    let imported = read(&text);
    let d = imported
        .diagnostics
        .iter()
        .find(|d| d.code == "sdk-error")
        .unwrap();
    assert_eq!(d.severity, Severity::Error);
    assert!(d
        .message
        .contains("problem_type and job_objective go together"));
    assert_eq!(line_col(&text, d.span.unwrap().start), (2, 10));
    // No role, no target for S3 URIs, a local path in a list.
    let text = "from sagemaker import AutoML\nautoml = AutoML(output_path='s3://b-1/o')\nautoml.fit(['s3://b-1/t/', 'data/v.csv'], job_name='j')\n";
    let imported = read(text);
    assert_eq!(
        findings(&imported),
        [
            ("sdk-error", "/RoleArn".to_string()),
            (
                "sdk-error",
                "/InputDataConfig/0/TargetAttributeName".to_string()
            ),
            (
                "sdk-error",
                "/InputDataConfig/1/DataSource/S3DataSource/S3Uri".to_string()
            ),
        ]
    );
    // AutoML's channel settings are not used with AutoMLInput channels: said, not dropped.
    let text = format!("from sagemaker import AutoML, AutoMLInput\nautoml = AutoML(role='{ROLE}', target_attribute_name='y', content_type='text/csv;header=present', output_path='s3://b-1/o')\nautoml.fit(AutoMLInput('s3://b-1/t', 'label'), job_name='j')\n");
    let imported = read(&text);
    let unused: Vec<&str> = imported
        .diagnostics
        .iter()
        .filter(|d| d.code == "sdk-unused")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unused.len(), 2, "{unused:?}");
    assert!(unused[0].starts_with(
        "AutoML(…)'s target_attribute_name is not used: fit() is given AutoMLInput channels"
    ));
    assert!(unused[1].starts_with("AutoML(…)'s content_type is not used"));
}

/// A notebook whose cells make the AutoML and call fit: holes name their cells; magics are
/// skipped.
#[test]
fn a_notebook_with_the_sdk() {
    let notebook = r##"{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Churn with the SageMaker SDK\n"]},
  {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [], "source": ["%%time\n", "import sagemaker\n", "from sagemaker import AutoML\n", "sess = sagemaker.Session()\n", "bucket = sess.default_bucket()\n", "role = sagemaker.get_execution_role()\n"]},
  {"cell_type": "code", "execution_count": 4, "metadata": {}, "outputs": [], "source": ["automl = AutoML(role=role, target_attribute_name='Churn?', sagemaker_session=sess,\n", "                max_candidates=20, output_path='s3://{}/{}/output'.format(bucket, 'churn'),\n", "                problem_type='BinaryClassification', job_objective={'MetricName': 'F1'})\n", "automl.fit('s3://{}/churn/train'.format(bucket), wait=False, logs=False)\n"]}
 ],
 "metadata": {"kernelspec": {"name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}"##;
    let imported = read(notebook);
    assert_eq!(
        json::to_compact(&imported.request),
        r#"{"AutoMLJobName":"automl-{sagemaker_timestamp()}","InputDataConfig":[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://{bucket}/churn/train"}},"TargetAttributeName":"Churn?"}],"OutputDataConfig":{"S3OutputPath":"s3://{bucket}/churn/output"},"AutoMLJobConfig":{"CompletionCriteria":{"MaxCandidates":20},"SecurityConfig":{"EnableInterContainerTrafficEncryption":false}},"RoleArn":"{role}","GenerateCandidateDefinitionsOnly":false,"AutoMLJobObjective":{"MetricName":"F1"},"ProblemType":"BinaryClassification"}"#
    );
    let messages: Vec<&str> = imported.holes().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(&"{role}: fill in the value of role, which the program sets to sagemaker.get_execution_role() when it runs (set in In [2], line 6, used in In [4], line 1)"),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("{sagemaker_timestamp()}")
                && m.ends_with("(used in In [4], line 4)")),
        "{messages:?}"
    );
    // Every place is in the notebook's text: the role's hole at `sagemaker.get_execution_role()`.
    let role = imported
        .holes()
        .find(|d| d.path == "/RoleArn")
        .unwrap()
        .span
        .unwrap();
    assert_eq!(
        &notebook[role.start..role.end],
        "sagemaker.get_execution_role()"
    );
}

/// A program the import cannot read as the SDK's request says why, where.
#[test]
fn what_is_not_read_is_named() {
    let cases: [(&str, &str, &str); 3] = [
        (
            "import sagemaker\nautoml = sagemaker.AutoMLV2(role='r')\nautoml.fit(inputs)\n",
            "this program uses the SageMaker Python SDK's AutoMLV2 class on line 2: import reads its AutoML class (CreateAutoMLJob) and boto3 calls, not AutoMLV2 yet; write the request with create_auto_ml_job_v2(…) or as JSON",
            "AutoMLV2",
        ),
        (
            "from sagemaker import AutoML\nautoml = AutoML(role='r', target_attribute_name='y')\n",
            "this program makes an AutoML(…) of the SageMaker Python SDK on line 2 but calls no fit(…) on it, which is what sends the request: import it with its fit(…) call",
            "AutoML(",
        ),
        (
            // An estimator's fit is not AutoML's.
            "import boto3, sagemaker\nfrom sagemaker.estimator import Estimator\nest = Estimator(image_uri='x', role='r')\nest.fit('s3://b-1/t')\n",
            "this Python has no create_auto_ml_job(…) or create_auto_ml_job_v2(…) call to read the request from",
            "",
        ),
    ];
    for (text, message, at) in cases {
        let e = import_detect(text).unwrap_err();
        assert_eq!(e.message, message, "{text}");
        if !at.is_empty() {
            assert_eq!(e.offset, text.find(at).unwrap(), "{text}");
        }
    }
    // Forced to V2, the SDK's AutoML is named as V1.
    let e = import_full(&CREATE_AUTO_ML_JOB_V2, CASES[0].1).unwrap_err();
    assert_eq!(
        e.message,
        "the SageMaker Python SDK's AutoML(…).fit(…) sends a CreateAutoMLJob request: this import reads CreateAutoMLJobV2 requests"
    );
}

/// Several fits: the first is read and the others named; a boto3 call beside the SDK is read
/// as before, the SDK's fit named.
#[test]
fn several_calls_are_named() {
    let text = format!("from sagemaker import AutoML\na = AutoML(role='{ROLE}', target_attribute_name='y', output_path='s3://b-1/o')\na.fit('s3://b-1/t', job_name='one')\na.fit('s3://b-1/u', job_name='two')\n");
    let imported = read(&text);
    assert_eq!(
        imported
            .request
            .get("AutoMLJobName")
            .and_then(|n| n.as_str()),
        Some("one")
    );
    let d = imported
        .diagnostics
        .iter()
        .find(|d| d.code == "several-calls")
        .unwrap();
    assert_eq!(
        d.message,
        "this program calls fit() on an AutoML 2 times: the request is the first call's, on line 3; the others are on line 4"
    );
    let text = format!("import boto3\nfrom sagemaker import AutoML\nboto3.client('sagemaker').create_auto_ml_job(AutoMLJobName='b3', RoleArn='{ROLE}')\nAutoML(role='{ROLE}', target_attribute_name='y').fit('s3://b-1/t')\n");
    let imported = read(&text);
    assert_eq!(
        json::to_compact(&imported.request),
        format!(r#"{{"AutoMLJobName":"b3","RoleArn":"{ROLE}"}}"#)
    );
    assert_eq!(
        imported.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>(),
        ["this program also starts a job with the SageMaker Python SDK, AutoML(…).fit(…) on line 4: the request is the create_auto_ml_job(…) call's, on line 3; import the other on its own"]
    );
}

/// Names of lists of names of channels multiply at each step: the reading stays bounded and
/// says so rather than running for ever.
#[test]
fn names_of_lists_of_names_are_read_in_bounded_work() {
    let mut text = String::from(
        "from sagemaker import AutoML, AutoMLInput\na0 = [AutoMLInput('s3://b-1/t', 'y')]\n",
    );
    for i in 1..12 {
        let names = vec![format!("a{}", i - 1); 12].join(", ");
        text.push_str(&format!("a{i} = [{names}]\n"));
    }
    text.push_str(&format!(
        "AutoML(role='{ROLE}', output_path='s3://b-1/o').fit(a11, job_name='j')\n"
    ));
    let start = std::time::Instant::now();
    let e = import_detect(&text).unwrap_err();
    assert!(
        e.message
            .starts_with("this program builds a request of more than 100,000 values"),
        "{e}"
    );
    // Generous: a debug build on a loaded machine; unbounded work would take hours.
    assert!(start.elapsed() < std::time::Duration::from_secs(60));
}

/// Every prefix of the programs above (a paste cut anywhere) imports or is refused with its
/// place: never a panic.
#[test]
fn every_cut_of_an_sdk_program_is_read_or_refused() {
    for (_, text, _, _) in CASES {
        for (at, _) in text.char_indices() {
            let cut = &text[..at];
            match import_detect(cut) {
                Ok(_) => {}
                Err(e) => assert!(e.offset <= cut.len(), "{cut}: {e}"),
            }
        }
    }
}
