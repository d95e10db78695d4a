//! `CreateAutoMLJobV2`'s documented rules at the edges of what they accept: each case is a
//! problem type's settings (and other members) with the codes of the documented rules it
//! raises, none for a request at the very edge of what is allowed.

use automl_rules::{check_text_for, CREATE_AUTO_ML_JOB_V2};

/// A V2 request with one channel of `content_type` (none when empty), `problem` as its
/// problem type's member and `extra` members.
fn request(content_type: &str, problem: &str, extra: &str) -> String {
    let ct = if content_type.is_empty() {
        String::new()
    } else {
        format!(r#""ContentType": "{content_type}", "#)
    };
    format!(
        r#"{{"AutoMLJobName": "edge", "AutoMLJobInputDataConfig": [{{{ct}"DataSource": {{"S3DataSource": {{"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/train/"}}}}}}],
  "OutputDataConfig": {{"S3OutputPath": "s3://my-bucket/output/"}},
  "RoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole",
  "AutoMLProblemTypeConfig": {{{problem}}}{extra}}}"#
    )
}

/// The codes of every finding (model and rules), in order.
fn codes(text: &str) -> Vec<&'static str> {
    check_text_for(&CREATE_AUTO_ML_JOB_V2, text)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect()
}

const TS: &str = r#""TimeSeriesForecastingJobConfig": {"ForecastFrequency": "1D", "TimeSeriesConfig": {"TargetAttributeName": "demand", "TimestampAttributeName": "ts", "ItemIdentifierAttributeName": "sku"}, "#;

fn hyper(entries: &str) -> String {
    format!(
        r#""TextGenerationJobConfig": {{"BaseModelName": "Falcon7B", "TextGenerationHyperParameters": {{{entries}}}}}"#
    )
}

#[test]
fn text_generation_hyperparameters_at_their_edges() {
    for (entries, want) in [
        (
            r#""epochCount": "1", "batchSize": "64", "learningRate": "0", "learningRateWarmupSteps": "250""#,
            &[][..],
        ),
        (
            r#""epochCount": "10", "batchSize": "1", "learningRate": "1", "learningRateWarmupSteps": "0""#,
            &[],
        ),
        (r#""learningRate": "1e-5""#, &[]),
        (r#""learningRate": "0.00002""#, &[]),
        (r#""epochCount": "0""#, &["hyperparameter-value"]),
        (r#""epochCount": "11""#, &["hyperparameter-value"]),
        (r#""batchSize": "65""#, &["hyperparameter-value"]),
        (r#""batchSize": "32.0""#, &["hyperparameter-value"]),
        (r#""learningRate": "1.01""#, &["hyperparameter-value"]),
        (r#""learningRate": "nan""#, &["hyperparameter-value"]),
        (
            r#""learningRateWarmupSteps": "251""#,
            &["hyperparameter-value"],
        ),
        (r#""learning_rate": "0.1""#, &["hyperparameter-key"]),
        // The model's pattern refuses it first: the rule says nothing more.
        (r#""epochCount": "+5""#, &["pattern"]),
    ] {
        let text = request("", &hyper(entries), "");
        assert_eq!(codes(&text), want, "{entries}");
    }
}

#[test]
fn time_series_settings_at_their_edges() {
    for (settings, want) in [
        (r#""ForecastHorizon": 500"#, &[][..]),
        (r#""ForecastHorizon": 501"#, &["forecast-horizon"]),
        (
            r#""ForecastHorizon": 7, "HolidayConfig": [{"CountryCode": "XK"}]"#,
            &[],
        ),
        (
            r#""ForecastHorizon": 7, "HolidayConfig": [{"CountryCode": "ZZ"}]"#,
            &["holiday-country-code"],
        ),
        (
            r#""ForecastHorizon": 7, "Transformations": {"Filling": {"demand": {"futurefill": "value", "futurefill_value": "0"}}}"#,
            &[],
        ),
        (
            r#""ForecastHorizon": 7, "Transformations": {"Filling": {"demand": {"frontfill_value": "0"}}}"#,
            &["filling-value-unused"],
        ),
        (
            r#""ForecastHorizon": 7, "Transformations": {"Filling": {"demand": {"frontfill": "zero"}}}"#,
            &["filling-value"],
        ),
        (
            r#""ForecastHorizon": 7, "Transformations": {"Aggregation": {"demand": "max"}}"#,
            &[],
        ),
        (
            r#""ForecastHorizon": 7, "CompletionCriteria": {"MaxCandidates": 1}"#,
            &[],
        ),
        (
            r#""ForecastHorizon": 7, "CompletionCriteria": {"MaxCandidates": 2}"#,
            &["max-candidates-problem-type"],
        ),
    ] {
        let text = request("", &format!("{TS}{settings}}}"), "");
        assert_eq!(codes(&text), want, "{settings}");
    }
}

#[test]
fn each_problem_type_reads_its_own_content_types() {
    let image = r#""ImageClassificationJobConfig": {}"#;
    let text = r#""TextClassificationJobConfig": {"ContentColumn": "a", "TargetLabelColumn": "b"}"#;
    let tabular = r#""TabularJobConfig": {"TargetAttributeName": "y"}"#;
    for (ct, problem, want) in [
        ("image/png", image, &[][..]),
        ("image/jpeg", image, &[]),
        ("image/*", image, &[]),
        ("", image, &[]),
        ("image/gif", image, &["content-type"]),
        ("x-application/vnd.amazon+parquet", text, &[]),
        ("image/png", text, &["content-type"]),
        ("text/csv;header=present", tabular, &[]),
        ("text/csv;header=absent", tabular, &["content-type"]),
    ] {
        assert_eq!(codes(&request(ct, problem, "")), want, "{ct} {problem}");
    }
}

#[test]
fn objectives_suit_each_problem_type() {
    let objective = |m: &str| format!(r#", "AutoMLJobObjective": {{"MetricName": "{m}"}}"#);
    let image = r#""ImageClassificationJobConfig": {}"#;
    let ts = format!(r#"{TS}"ForecastHorizon": 7}}"#);
    let tabular = r#""TabularJobConfig": {"TargetAttributeName": "y", "ProblemType": "MulticlassClassification"}"#;
    for (problem, metric, want) in [
        (image, "Accuracy", &[][..]),
        (image, "F1", &["metric-problem-type"]),
        (ts.as_str(), "RMSE", &[]),
        (ts.as_str(), "WAPE", &[]),
        (ts.as_str(), "AverageWeightedQuantileLoss", &[]),
        (ts.as_str(), "Accuracy", &["metric-problem-type"]),
        (tabular, "F1macro", &[]),
        (tabular, "F1", &["metric-problem-type"]),
        (tabular, "MASE", &["metric-problem-type"]),
    ] {
        assert_eq!(
            codes(&request("", problem, &objective(metric))),
            want,
            "{metric} {problem}"
        );
    }
}
