//! What the preflight needs from a `CreateAutoMLJob` request: each channel's target, sample
//! weight column, content type and compression, and the problem type and objective. Members
//! of the wrong type are read as absent: the request checker reports those.

use automl_rules::json::{self, Node};

/// The content type a channel has when `ContentType` is left out (API, AutoMLChannel.ContentType:
/// "The default value is text/csv;header=present").
pub const CSV_CONTENT_TYPE: &str = "text/csv;header=present";
/// The Parquet content type (same source).
pub const PARQUET_CONTENT_TYPE: &str = "x-application/vnd.amazon+parquet";

/// The data format a channel announces, or a file turns out to have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Parquet => "Parquet",
        }
    }
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => CSV_CONTENT_TYPE,
            Format::Parquet => PARQUET_CONTENT_TYPE,
        }
    }
}

/// One `InputDataConfig` channel, as the preflight reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelPlan {
    /// Index in `InputDataConfig` (for JSON Pointers).
    pub index: usize,
    /// `ChannelType`; `training` when left out (API, AutoMLChannel.ChannelType).
    pub validation: bool,
    pub target: Option<String>,
    pub sample_weight: Option<String>,
    /// The announced format; `None` for a content type Autopilot does not read (the request
    /// checker reports it), in which case the file's own format is used.
    pub format: Option<Format>,
    /// `ContentType` as written, or the default.
    pub content_type: String,
    /// `CompressionType` is `Gzip` (the default is `None`).
    pub gzip: bool,
    pub s3_uri: Option<String>,
}

impl ChannelPlan {
    /// JSON Pointer of a member of this channel.
    pub fn pointer(&self, member: &str) -> String {
        format!("/InputDataConfig/{}/{member}", self.index)
    }
    /// JSON Pointer of the channel's data location, where findings about the data itself go.
    pub fn data_pointer(&self) -> String {
        self.pointer("DataSource/S3DataSource/S3Uri")
    }
    pub fn kind(&self) -> &'static str {
        if self.validation {
            "validation"
        } else {
            "training"
        }
    }
}

/// The request's facts the data is checked against.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plan {
    /// Training channels first, then validation channels, each in request order: the order
    /// data files are given in.
    pub channels: Vec<ChannelPlan>,
    pub problem_type: Option<String>,
    pub metric: Option<String>,
}

impl Plan {
    /// Reads a request's JSON text (the rules crate's reader). `Err` says why it is not JSON.
    pub fn from_text(text: &str) -> Result<Plan, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        json::parse(text)
            .map(|node| Plan::from_request(&node))
            .map_err(|err| err.to_string())
    }

    pub fn from_request(request: &Node) -> Plan {
        let str_at =
            |node: &Node, key: &str| node.get(key).and_then(Node::as_str).map(String::from);
        let mut channels: Vec<ChannelPlan> = request
            .get("InputDataConfig")
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_object().is_some())
            .map(|(index, c)| {
                let content_type = match c.get("ContentType") {
                    None => CSV_CONTENT_TYPE.to_string(),
                    Some(n) => n.as_str().unwrap_or("").to_string(),
                };
                let format = match content_type.as_str() {
                    CSV_CONTENT_TYPE => Some(Format::Csv),
                    PARQUET_CONTENT_TYPE => Some(Format::Parquet),
                    _ => None,
                };
                ChannelPlan {
                    index,
                    validation: str_at(c, "ChannelType").as_deref() == Some("validation"),
                    target: str_at(c, "TargetAttributeName"),
                    sample_weight: str_at(c, "SampleWeightAttributeName"),
                    format,
                    content_type,
                    gzip: str_at(c, "CompressionType").as_deref() == Some("Gzip"),
                    s3_uri: c
                        .at(&["DataSource", "S3DataSource", "S3Uri"])
                        .and_then(Node::as_str)
                        .map(String::from),
                }
            })
            .collect();
        channels.sort_by_key(|c| (c.validation, c.index));
        Plan {
            channels,
            problem_type: str_at(request, "ProblemType"),
            metric: request
                .at(&["AutoMLJobObjective", "MetricName"])
                .and_then(Node::as_str)
                .map(String::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_channels_come_first() {
        let plan = Plan::from_text(
            r#"{"InputDataConfig": [
                {"ChannelType": "validation", "TargetAttributeName": "y"},
                {"TargetAttributeName": "y", "CompressionType": "Gzip",
                 "ContentType": "x-application/vnd.amazon+parquet",
                 "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}
            ], "ProblemType": "Regression"}"#,
        )
        .unwrap();
        assert_eq!(plan.channels.len(), 2);
        let training = &plan.channels[0];
        assert_eq!(training.index, 1);
        assert!(!training.validation && training.gzip);
        assert_eq!(training.format, Some(Format::Parquet));
        assert_eq!(training.s3_uri.as_deref(), Some("s3://b/t/"));
        assert_eq!(
            training.data_pointer(),
            "/InputDataConfig/1/DataSource/S3DataSource/S3Uri"
        );
        let validation = &plan.channels[1];
        assert_eq!((validation.index, validation.validation), (0, true));
        assert_eq!(validation.format, Some(Format::Csv));
        assert_eq!(plan.problem_type.as_deref(), Some("Regression"));
        assert!(Plan::from_text("{").is_err());
    }
}
