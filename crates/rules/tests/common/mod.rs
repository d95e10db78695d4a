//! What the fixture tests share: where the fixtures are and their names.

use std::fs;
use std::path::Path;

pub fn fixtures_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// The names of the fixture requests (`NAME.json`), sorted.
pub fn names_on_disk() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir())
        .expect("fixtures folder")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// The operation a fixture is checked as: `CreateAutoMLJobV2` for a name that starts with
/// `v2-`, `CreateAutoMLJob` otherwise.
#[allow(dead_code)]
pub fn operation_for(name: &str) -> &'static automl_rules::Operation {
    if name.starts_with("v2-") {
        &automl_rules::CREATE_AUTO_ML_JOB_V2
    } else {
        &automl_rules::CREATE_AUTO_ML_JOB
    }
}

/// The start of a valid request, without its closing brace: tests add members after it.
#[allow(dead_code)]
pub const BASE: &str = r#"{
  "AutoMLJobName": "churn-2024-v1",
  "InputDataConfig": [
    {
      "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://my-bucket/churn/train/"}},
      "TargetAttributeName": "churned"
    }
  ],
  "OutputDataConfig": {"S3OutputPath": "s3://my-bucket/churn/output/"},
  "RoleArn": "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole""#;
