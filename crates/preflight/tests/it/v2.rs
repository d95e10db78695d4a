//! `CreateAutoMLJobV2` requests: the same checks, at V2's members; the columns time series
//! and text classification name; the 500-row minimum for tabular data only.

use crate::data::run;

fn findings(report: &automl_preflight::Report) -> Vec<(&'static str, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.diagnostic.code, f.diagnostic.path.clone()))
        .collect()
}

#[test]
fn a_v2_tabular_target_weight_and_problem_type_are_found_at_tabular_job_config() {
    let request = r#"{"AutoMLJobInputDataConfig": [{}],
        "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "Y",
            "SampleWeightAttributeName": "w", "ProblemType": "Regression"}}}"#;
    let report = run(request, &[("t.csv", b"x,y\n1,a\n".to_vec())], 3);
    assert_eq!(
        findings(&report),
        vec![
            (
                "target-missing",
                "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName".to_string()
            ),
            (
                "sample-weight-missing",
                "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName".to_string()
            ),
            (
                "too-few-rows",
                "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri".to_string()
            ),
        ]
    );
    assert!(report.findings[0]
        .diagnostic
        .message
        .contains("did you mean 'y'?"));
    // The problem type's own check, at its V2 place.
    let request = r#"{"AutoMLJobInputDataConfig": [{}],
        "AutoMLProblemTypeConfig": {"TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "Regression"}}}"#;
    let mut csv = b"x,y\n".to_vec();
    for i in 0..500 {
        csv.extend(format!("{i},{}\n", if i % 2 == 0 { "a" } else { "b" }).bytes());
    }
    let report = run(request, &[("t.csv", csv)], 1 << 16);
    assert_eq!(
        findings(&report),
        vec![(
            "problem-type-target",
            "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType".to_string()
        )]
    );
}

#[test]
fn time_series_columns_are_looked_for_in_every_file_and_no_row_minimum_applies() {
    let request = r#"{"AutoMLJobInputDataConfig": [{}, {"ChannelType": "validation"}],
        "AutoMLProblemTypeConfig": {"TimeSeriesForecastingJobConfig": {"TimeSeriesConfig": {
            "TargetAttributeName": "demand", "TimestampAttributeName": "timestamp",
            "ItemIdentifierAttributeName": "item_id", "GroupingAttributeNames": ["store"]}}}}"#;
    let good = b"item_id,store,timestamp,demand\na,s,2024-01-01,3\n".to_vec();
    let report = run(
        request,
        &[("train.csv", good.clone()), ("valid.csv", good)],
        7,
    );
    assert!(report.valid(), "{:?}", findings(&report));
    let bad = b"item_id,store,date,demand\na,s,2024-01-01,3\n".to_vec();
    let report = run(
        request,
        &[
            ("train.csv", b"item_id,store,timestamp,demand\n".to_vec()),
            ("valid.csv", bad),
        ],
        7,
    );
    let base = "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig";
    assert_eq!(
        findings(&report),
        vec![
            (
                "headers-differ",
                "/AutoMLJobInputDataConfig/1/DataSource/S3DataSource/S3Uri".to_string()
            ),
            ("column-missing", format!("{base}/TimestampAttributeName")),
        ]
    );
    let missing = &report.findings[1];
    assert_eq!(missing.channel, Some(1));
    assert!(missing
        .diagnostic
        .message
        .starts_with("valid.csv has no column named 'timestamp' (TimestampAttributeName)"));
}

#[test]
fn text_classification_and_text_generation_read_the_files_only() {
    let request = r#"{"AutoMLJobInputDataConfig": [{}],
        "AutoMLProblemTypeConfig": {"TextClassificationJobConfig": {"ContentColumn": "text", "TargetLabelColumn": "Label"}}}"#;
    let report = run(request, &[("t.csv", b"text,label\nok,pos\n".to_vec())], 5);
    assert_eq!(
        findings(&report),
        vec![(
            "column-missing",
            "/AutoMLProblemTypeConfig/TextClassificationJobConfig/TargetLabelColumn".to_string()
        )]
    );
    assert!(report.findings[0]
        .diagnostic
        .message
        .contains("did you mean 'label'?"));
    let request = r#"{"AutoMLJobInputDataConfig": [{}],
        "AutoMLProblemTypeConfig": {"TextGenerationJobConfig": {"BaseModelName": "Falcon7B"}}}"#;
    let report = run(
        request,
        &[("t.csv", b"input,output\nhi,hello\n".to_vec())],
        5,
    );
    assert!(report.valid(), "{:?}", findings(&report));
    assert_eq!(report.channels[0].rows, Some(1));
    // What the file itself gets wrong is still found, at the V2 channel.
    let report = run(request, &[("t.csv", Vec::new())], 5);
    assert_eq!(
        findings(&report),
        vec![(
            "data-empty",
            "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri".to_string()
        )]
    );
}
