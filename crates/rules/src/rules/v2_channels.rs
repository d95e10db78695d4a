//! `CreateAutoMLJobV2`'s channels and data split: what each problem type reads.

use super::layout::Problem;
use super::{error, Request};
use crate::diag::Findings;
use crate::json::Node;

/// The `S3DataType` values each problem type reads.
fn s3_data_types(problem: Problem) -> &'static [&'static str] {
    match problem {
        Problem::Tabular => &["S3Prefix", "ManifestFile"],
        Problem::ImageClassification => &["S3Prefix", "ManifestFile", "AugmentedManifestFile"],
        Problem::TextClassification | Problem::TimeSeries | Problem::TextGeneration => {
            &["S3Prefix"]
        }
        Problem::V1 | Problem::Unknown => &[],
    }
}

/// A channel's `S3DataType` is one its problem type reads: S3Prefix or ManifestFile for
/// tabular data; S3Prefix, ManifestFile or AugmentedManifestFile for image classification;
/// S3Prefix alone for text classification, time-series forecasting and text generation.
///
/// Severity: error. The model takes all three values for every problem type, but the list is
/// stated per problem type, and a job given another is refused or fails on reading its data.
///
/// Source: API, CreateAutoMLJobV2.AutoMLJobInputDataConfig ("The supported formats depend on
/// the problem type: For tabular problem types: S3Prefix, ManifestFile. For image
/// classification: S3Prefix, ManifestFile, AugmentedManifestFile. For text classification:
/// S3Prefix. For time-series forecasting: S3Prefix. For text generation (LLMs fine-tuning):
/// S3Prefix").
pub fn s3_data_type_suits_problem_type(req: &Request, out: &mut Findings) {
    let allowed = s3_data_types(req.layout.problem);
    if allowed.is_empty() {
        return;
    }
    for channel in req.channels() {
        let Some(kind) = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3DataType"])
            .and_then(Node::as_str)
        else {
            continue;
        };
        if allowed.contains(&kind) || !s3_data_types(Problem::ImageClassification).contains(&kind) {
            // Not a value of the model's enum: its own error says so.
            continue;
        }
        let list = match allowed {
            [one] => format!("only {one}"),
            more => format!("only {}", more.join(" or ")),
        };
        out.push(
            error(
                "s3-data-type-problem-type",
                &channel.pointer("DataSource/S3DataSource/S3DataType"),
                &format!(
                    "{} jobs read {list}, not {kind}",
                    req.layout.problem.words()
                ),
                &format!(
                    "S3DataType {kind} is not supported for {} problem type.",
                    req.layout.problem.words()
                ),
            )
            .about(&[req.layout.config.unwrap_or_default()]),
        );
    }
}

/// `CompressionType` `Gzip` only for an `S3Prefix` channel of tabular data; every other
/// channel is `None` (the default).
///
/// Severity: error: the reference states what the service allows ("We allow").
///
/// Source: API, AutoMLJobChannel.CompressionType ("We allow the compression type Gzip for
/// S3Prefix inputs on tabular data only. For all other inputs, the compression type should be
/// None").
pub fn gzip_only_for_tabular_s3_prefix(req: &Request, out: &mut Findings) {
    let problem = req.layout.problem;
    if problem == Problem::Unknown {
        return;
    }
    for channel in req.channels() {
        if channel.str("CompressionType") != Some("Gzip") {
            continue;
        }
        let kind = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3DataType"])
            .and_then(Node::as_str);
        let why = if problem != Problem::Tabular {
            format!("{} jobs read uncompressed data only", problem.words())
        } else if kind != Some("S3Prefix") {
            format!(
                "Gzip is for S3Prefix channels only, and this one is {}",
                kind.unwrap_or("not S3Prefix")
            )
        } else {
            continue;
        };
        out.push(error(
            "compression-type",
            &channel.pointer("CompressionType"),
            &format!("CompressionType Gzip is allowed for S3Prefix inputs of tabular data only: {why}; set None or leave it out"),
            "Compression type Gzip is supported only for S3Prefix inputs on tabular data.",
        ));
    }
}

/// No `DataSplitConfig` for time-series forecasting: Autopilot splits the data itself.
///
/// Source: API, CreateAutoMLJobV2.DataSplitConfig ("This attribute must not be set for the
/// time-series forecasting problem type, as Autopilot automatically splits the input dataset
/// into training and validation sets").
pub fn no_data_split_for_time_series(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TimeSeries || req.get("/DataSplitConfig").is_none() {
        return;
    }
    out.push(error(
        "data-split-time-series",
        "/DataSplitConfig",
        "DataSplitConfig must not be set for time-series forecasting: Autopilot splits the data into training and validation sets itself; remove it",
        "DataSplitConfig is not supported for the time-series forecasting problem type.",
    ).about(&["/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig"]));
}
