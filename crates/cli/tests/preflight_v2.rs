//! `automl-job preflight` with a `CreateAutoMLJobV2` request: channels from
//! `AutoMLJobInputDataConfig`, the target from `TabularJobConfig`, findings at the V2
//! members; time series' and text classification's named columns.

mod common;

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use common::write;

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_automl-job"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run automl-job")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A directory of its own for each test's files.
fn dir(test: &str) -> PathBuf {
    common::scratch("preflight-v2", test)
}

/// `rows` data rows of a churn table.
fn churn(header: &str, rows: usize) -> Vec<u8> {
    let mut s = format!("{header}\n");
    for i in 0..rows {
        let churn = if i % 4 == 0 { "yes" } else { "no" };
        s.push_str(&format!("{i},basic,{churn}\n"));
    }
    s.into_bytes()
}

const CHANNEL: &str =
    r#"{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/train/"}}}"#;
const VALIDATION: &str = r#"{"ChannelType": "validation", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/valid/"}}}"#;

fn tabular(channels: &[&str], target: &str) -> String {
    format!(
        r#"{{"AutoMLJobName": "churn",
  "AutoMLJobInputDataConfig": [{}],
  "AutoMLProblemTypeConfig": {{"TabularJobConfig": {{"TargetAttributeName": "{target}", "ProblemType": "BinaryClassification"}}}},
  "AutoMLJobObjective": {{"MetricName": "F1"}},
  "OutputDataConfig": {{"S3OutputPath": "s3://b/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"}}"#,
        channels.join(", ")
    )
}

const HEADER: &str = "customer_id,plan,churn";

#[test]
fn a_v2_tabular_request_with_good_data_exits_0() {
    let d = dir("valid");
    let req = write(&d, "request.json", tabular(&[CHANNEL], "churn").as_bytes());
    let data = write(&d, "train.csv", &churn(HEADER, 500));
    let out = run(&["preflight", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains(": 500 rows, 3 columns; target churn: no 375, yes 125"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("preflight: the job would start (0 errors, 0 warnings)\n"),
        "{stdout}"
    );
}

#[test]
fn a_misspelt_v2_target_is_found_at_the_tabular_job_config() {
    let d = dir("target");
    let req = write(&d, "request.json", tabular(&[CHANNEL], "Churn").as_bytes());
    let data = write(&d, "train.csv", &churn(HEADER, 500));
    let out = run(&["preflight", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "error[target-missing]: {data} has no column named 'Churn' (TargetAttributeName); did you mean 'churn'? Column names must match exactly, capitals included\n   = path: /AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName\n"
        )),
        "{stdout}"
    );
}

#[test]
fn too_few_v2_rows_are_found_at_the_v2_channel() {
    let d = dir("few");
    let req = write(&d, "request.json", tabular(&[CHANNEL], "churn").as_bytes());
    let data = write(&d, "train.csv", &churn(HEADER, 499));
    let out = run(&["preflight", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "error[too-few-rows]: {data} has 499 data rows: Autopilot needs at least 500 training rows\n   = path: /AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri\n"
        )),
        "{stdout}"
    );
}

#[test]
fn v2_validation_headers_that_differ_are_an_error_at_the_validation_channel() {
    let d = dir("headers");
    // The validation channel comes first in the request; its file is given second.
    let req = write(
        &d,
        "request.json",
        tabular(&[VALIDATION, CHANNEL], "churn").as_bytes(),
    );
    let train = write(&d, "train.csv", &churn(HEADER, 500));
    let valid = write(&d, "valid.csv", &churn("customer_id,tier,churn", 50));
    let out = run(&["preflight", &req, &train, &valid]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "error[headers-differ]: the header of {valid} differs from the training file {train}: it lacks 'plan'; it has 'tier' that the training file does not\n  --> {valid}:1\n   = path: /AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri\n   = also: /AutoMLJobInputDataConfig/1/DataSource/S3DataSource/S3Uri\n"
        )),
        "{stdout}"
    );
}

#[test]
fn too_many_files_are_counted_against_the_v2_channel_list() {
    let d = dir("count");
    let req = write(&d, "request.json", tabular(&[CHANNEL], "churn").as_bytes());
    let data = write(&d, "train.csv", &churn(HEADER, 500));
    let out = run(&["preflight", &req, &data, &data]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("2 data files for 1 channel in the request's AutoMLJobInputDataConfig"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn json_output_has_the_v2_paths() {
    let d = dir("json");
    let req = write(&d, "request.json", tabular(&[CHANNEL], "Churn").as_bytes());
    let data = write(&d, "train.csv", &churn(HEADER, 10));
    let out = run(&["preflight", "--format", "json", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let json = automl_rules::json::parse(stdout.trim()).expect("one JSON object");
    let diagnostics = json
        .get("diagnostics")
        .and_then(|d| d.as_array())
        .expect("diagnostics");
    let found: Vec<(String, String)> = diagnostics
        .iter()
        .map(|d| {
            let s = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            (s("code"), s("path"))
        })
        .collect();
    assert!(
        found.contains(&(
            "target-missing".into(),
            "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName".into()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "too-few-rows".into(),
            "/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri".into()
        )),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(_, p)| !p.starts_with("/InputDataConfig")),
        "{found:?}"
    );
}

fn time_series(columns: &str) -> String {
    format!(
        r#"{{"AutoMLJobName": "demand",
  "AutoMLJobInputDataConfig": [{CHANNEL}],
  "AutoMLProblemTypeConfig": {{"TimeSeriesForecastingJobConfig": {{
      "ForecastFrequency": "D", "ForecastHorizon": 7,
      "TimeSeriesConfig": {columns}}}}},
  "OutputDataConfig": {{"S3OutputPath": "s3://b/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"}}"#
    )
}

#[test]
fn a_time_series_csv_without_its_timestamp_column_is_an_error_at_time_series_config() {
    let d = dir("timeseries");
    let req = write(
        &d,
        "request.json",
        time_series(
            r#"{"TargetAttributeName": "demand", "TimestampAttributeName": "timestamp", "ItemIdentifierAttributeName": "item_id"}"#,
        )
        .as_bytes(),
    );
    // 30 rows: the 500-row minimum is tabular's, so no finding about the count.
    let mut csv = "item_id,date,demand\n".to_string();
    for i in 0..30 {
        csv.push_str(&format!("a,2024-01-{:02},{i}\n", i + 1));
    }
    let data = write(&d, "demand.csv", csv.as_bytes());
    let out = run(&["preflight", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "error[column-missing]: {data} has no column named 'timestamp' (TimestampAttributeName); its columns are 'item_id', 'date', 'demand'\n   = path: /AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/TimestampAttributeName\n"
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("too-few-rows"), "{stdout}");
    assert!(
        stdout.contains("note: time-series forecasting: the files are read"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("preflight: the job would fail (1 error, 0 warnings)\n"),
        "{stdout}"
    );
}

#[test]
fn a_time_series_column_spelt_otherwise_gets_a_suggestion() {
    let d = dir("timeseries-close");
    let req = write(
        &d,
        "request.json",
        time_series(
            r#"{"TargetAttributeName": "Demand", "TimestampAttributeName": "date", "ItemIdentifierAttributeName": "item_id"}"#,
        )
        .as_bytes(),
    );
    let data = write(&d, "demand.csv", b"item_id,date,demand\na,2024-01-01,3\n");
    let out = run(&["preflight", &req, &data]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "has no column named 'Demand' (TargetAttributeName); did you mean 'demand'? Column names must match exactly, capitals included\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "   = path: /AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/TargetAttributeName\n"
        ),
        "{stdout}"
    );
}

#[test]
fn a_text_classification_request_checks_its_content_and_label_columns() {
    let d = dir("text");
    let req = write(
        &d,
        "request.json",
        format!(
            r#"{{"AutoMLJobName": "reviews", "AutoMLJobInputDataConfig": [{CHANNEL}],
  "AutoMLProblemTypeConfig": {{"TextClassificationJobConfig": {{"ContentColumn": "review", "TargetLabelColumn": "label"}}}},
  "OutputDataConfig": {{"S3OutputPath": "s3://b/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"}}"#
        )
        .as_bytes(),
    );
    let good = write(&d, "good.csv", b"review,label\n\"fine, really\",pos\n");
    let out = run(&["preflight", &req, &good]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let bad = write(&d, "bad.csv", b"text,label\n\"fine, really\",pos\n");
    let out = run(&["preflight", &req, &bad]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "   = path: /AutoMLProblemTypeConfig/TextClassificationJobConfig/ContentColumn\n"
        ),
        "{stdout}"
    );
}

#[test]
fn an_image_classification_request_says_what_is_not_checked() {
    let d = dir("image");
    let req = write(
        &d,
        "request.json",
        format!(
            r#"{{"AutoMLJobName": "cats", "AutoMLJobInputDataConfig": [{CHANNEL}],
  "AutoMLProblemTypeConfig": {{"ImageClassificationJobConfig": {{}}}},
  "OutputDataConfig": {{"S3OutputPath": "s3://b/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"}}"#
        )
        .as_bytes(),
    );
    let data = write(&d, "cat.png", b"\x89PNG\r\n\x1a\n");
    let out = run(&["preflight", &req, &data]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains(
            "request.json is a CreateAutoMLJobV2 request for image classification: its data are images (image/png, image/jpeg), which the preflight does not read: it reads tabular data (CSV, Parquet) only; nothing was checked"
        ),
        "{}",
        text(&out.stderr)
    );
}
