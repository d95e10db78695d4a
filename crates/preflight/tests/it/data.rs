//! Realistic data made in the tests, and a runner that pushes files in chunks.

use std::io::Write;

use automl_preflight::{Plan, Preflight, Report};
use flate2::write::GzEncoder;
use flate2::Compression;

/// How a generated churn file is written.
#[derive(Clone, Copy, Default)]
pub struct Style {
    pub crlf: bool,
    pub bom: bool,
    /// Every 7th row's note is quoted and holds a line break.
    pub multiline: bool,
}

pub const HEADER: &str = "customer_id,plan,monthly_charges,notes,churn";

/// A customer-churn CSV with `rows` data rows: quoted commas, doubled quotes, empty notes,
/// and (with `multiline`) quoted line breaks.
pub fn churn_csv(rows: usize, style: Style) -> Vec<u8> {
    let eol = if style.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    if style.bom {
        out.push('\u{feff}');
    }
    out.push_str(HEADER);
    out.push_str(eol);
    for i in 0..rows {
        let plan = ["basic", "premium", "family"][i % 3];
        let charges = 19.5 + (i % 50) as f64 * 1.25;
        let notes = match i % 7 {
            0 if style.multiline => format!("\"first call{eol}second call, unhappy\""),
            1 => "\"called twice, unhappy\"".to_string(),
            2 => "\"said \"\"cancel\"\" twice\"".to_string(),
            3 => String::new(),
            _ => "no notes".to_string(),
        };
        let churn = if i % 4 == 0 { "yes" } else { "no" };
        out.push_str(&format!(
            "{},{plan},{charges:.2},{notes},{churn}{eol}",
            1000 + i
        ));
    }
    out.into_bytes()
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A request with one training channel (and a validation channel when `validation`).
pub fn request(channel_extra: &str, validation: Option<&str>, top_extra: &str) -> String {
    let mut channels = format!(
        r#"{{"DataSource": {{"S3DataSource": {{"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/train/"}}}}, "TargetAttributeName": "churn"{channel_extra}}}"#
    );
    if let Some(extra) = validation {
        channels.push_str(&format!(
            r#", {{"DataSource": {{"S3DataSource": {{"S3DataType": "S3Prefix", "S3Uri": "s3://bucket/validation/"}}}}, "TargetAttributeName": "churn", "ChannelType": "validation"{extra}}}"#
        ));
    }
    format!(
        r#"{{"AutoMLJobName": "churn", "InputDataConfig": [{channels}], "OutputDataConfig": {{"S3OutputPath": "s3://bucket/out/"}}, "RoleArn": "arn:aws:iam::123456789012:role/r"{top_extra}}}"#
    )
}

/// Runs the preflight over `files` (channel order), each pushed in `chunk`-byte pieces.
pub fn run(request: &str, files: &[(&str, Vec<u8>)], chunk: usize) -> Report {
    let plan = Plan::from_text(request).expect("request is JSON");
    let results = files
        .iter()
        .enumerate()
        .map(|(slot, (name, bytes))| {
            let mut check = Preflight::channel(&plan, slot, name).expect("a channel per file");
            for piece in bytes.chunks(chunk.max(1)) {
                check.feed(piece);
            }
            check.finish()
        })
        .collect();
    Preflight::report(&plan, results)
}
