//! What the preflight needs from a `CreateAutoMLJob` or `CreateAutoMLJobV2` request: each
//! channel's target, sample weight column, content type and compression, the problem type and
//! objective, and (V2) the other columns the problem type names. Members of the wrong type are
//! read as absent: the request checker reports those.
//!
//! The operation is told as `automl_rules::detect` tells it (a body with
//! `AutoMLJobInputDataConfig` or `AutoMLProblemTypeConfig` is V2), and a V2 request's places
//! come from the rules' own [`layout`]: findings point at the request's real members
//! (`/AutoMLJobInputDataConfig/0/ContentType`,
//! `/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName`), for the command line and
//! the page alike.

use automl_rules::json::{self, write_string, Node};
use automl_rules::rules::layout::{self, Problem};

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

/// One `InputDataConfig` (V2: `AutoMLJobInputDataConfig`) channel, as the preflight reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelPlan {
    /// Index in the channel list (for JSON Pointers).
    pub index: usize,
    /// The channel list's member: `InputDataConfig` or `AutoMLJobInputDataConfig`.
    pub list: &'static str,
    /// Where V2 keeps the target and sample weight (`/AutoMLProblemTypeConfig/TabularJobConfig`);
    /// `None` for V1, where each channel has its own.
    pub config: Option<&'static str>,
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
    /// `CompressionType` as written, if it is: a message about it says what it is rather
    /// than that it is not set.
    pub compression: Option<String>,
    pub s3_uri: Option<String>,
}

impl ChannelPlan {
    /// JSON Pointer of a member of this channel.
    pub fn pointer(&self, member: &str) -> String {
        match (self.config, member) {
            (Some(config), "TargetAttributeName" | "SampleWeightAttributeName") => {
                format!("{config}/{member}")
            }
            _ => format!("/{}/{}/{member}", self.list, self.index),
        }
    }
    /// The channel in words: `InputDataConfig/0`.
    pub fn place(&self) -> String {
        format!("{}/{}", self.list, self.index)
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

/// A column a V2 problem type names outside the channels (time series' timestamp and item
/// identifier, text classification's content and label columns), which every file must have
/// exactly as spelt.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedColumn {
    /// The member that names it (`TimestampAttributeName`).
    pub member: String,
    /// The column's name as written.
    pub name: String,
    /// The member's JSON Pointer.
    pub pointer: String,
}

/// The request's facts the data is checked against.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Training channels first, then validation channels, each in request order: the order
    /// data files are given in.
    pub channels: Vec<ChannelPlan>,
    pub problem_type: Option<String>,
    pub metric: Option<String>,
    /// `Problem::V1` for a `CreateAutoMLJob` request, else the V2 problem type.
    pub problem: Problem,
    /// V2: the columns the problem type names besides the tabular target and sample weight.
    pub columns: Vec<NamedColumn>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            channels: Vec::new(),
            problem_type: None,
            metric: None,
            problem: Problem::V1,
            columns: Vec::new(),
        }
    }
}

/// Whether `request` is a `CreateAutoMLJobV2` body, by `automl_rules::detect`'s rule.
pub fn is_v2(request: &Node) -> bool {
    automl_rules::detect::is_v2_body(request)
}

/// The members of a request the preflight reads, V1's or V2's, as compact JSON in the order
/// written: a check made against this text is still good while the rest of the request (the
/// job's name, say) changes. `Plan::from_text` of it is the request's plan.
pub fn request_text(request: &Node) -> String {
    let keys: &[&str] = if is_v2(request) {
        &[
            "AutoMLJobInputDataConfig",
            "AutoMLProblemTypeConfig",
            "AutoMLJobObjective",
        ]
    } else {
        &["InputDataConfig", "ProblemType", "AutoMLJobObjective"]
    };
    let mut out = String::from("{");
    for key in keys {
        if let Some(v) = request.get(key) {
            if out.len() > 1 {
                out.push(',');
            }
            write_string(&mut out, key);
            out.push(':');
            out.push_str(&json::to_compact(v));
        }
    }
    out.push('}');
    out
}

impl Plan {
    /// Reads a request's JSON text (the rules crate's reader). `Err` says why it is not JSON.
    pub fn from_text(text: &str) -> Result<Plan, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        json::parse(text)
            .map(|node| Plan::from_request(&node))
            .map_err(|err| err.to_string())
    }

    /// The channel list's member: `InputDataConfig`, or V2's `AutoMLJobInputDataConfig`.
    pub fn channel_list(&self) -> &'static str {
        if self.problem == Problem::V1 {
            "InputDataConfig"
        } else {
            "AutoMLJobInputDataConfig"
        }
    }

    /// Whether the data is tabular data with a tabular target (V1, or V2's
    /// `TabularJobConfig`): the 500-row minimum and the problem-type checks apply.
    pub fn tabular(&self) -> bool {
        matches!(self.problem, Problem::V1 | Problem::Tabular)
    }

    /// The JSON Pointer of the tabular `ProblemType`.
    pub fn problem_type_pointer(&self) -> &'static str {
        if self.problem == Problem::V1 {
            "/ProblemType"
        } else {
            "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType"
        }
    }

    /// What the preflight does not check for this problem type, said plainly; `None` for
    /// tabular data (V1 or V2).
    pub fn not_checked(&self) -> Option<String> {
        let what = self.problem.words();
        match self.problem {
            Problem::V1 | Problem::Tabular => None,
            Problem::ImageClassification => Some(
                "its data are images (image/png, image/jpeg), which the preflight does not read: it reads tabular data (CSV, Parquet) only".to_string(),
            ),
            Problem::TimeSeries | Problem::TextClassification => Some(format!(
                "{what}: the files are read (format, compression, rows, columns, headers) and the columns the request names are looked for; the values in them (timestamps, frequency, labels) are not checked, and the 500-row minimum, documented for tabular data, is not applied"
            )),
            Problem::TextGeneration => Some(format!(
                "{what}: the files are read (format, compression, rows, columns, headers); the columns the fine-tuning data needs and the values are not checked, and the 500-row minimum, documented for tabular data, is not applied"
            )),
            Problem::Unknown => Some(
                "AutoMLProblemTypeConfig names no problem type the preflight knows: the files are read, and nothing the problem type names is checked".to_string(),
            ),
        }
    }

    pub fn from_request(request: &Node) -> Plan {
        let str_at =
            |node: &Node, key: &str| node.get(key).and_then(Node::as_str).map(String::from);
        let v2 = is_v2(request);
        let problem = if v2 {
            layout::v2(request).problem
        } else {
            Problem::V1
        };
        let (list, config) = if v2 {
            ("AutoMLJobInputDataConfig", layout::v2(request).config)
        } else {
            ("InputDataConfig", None)
        };
        // V2 tabular: one target and sample weight for every channel (TabularJobConfig).
        let tabular = (problem == Problem::Tabular)
            .then(|| config.and_then(|c| request.pointer(c)))
            .flatten();
        let mut channels: Vec<ChannelPlan> = request
            .get(list)
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
                let (target, sample_weight) = match (v2, tabular) {
                    (false, _) => (
                        str_at(c, "TargetAttributeName"),
                        str_at(c, "SampleWeightAttributeName"),
                    ),
                    (true, Some(t)) => (
                        str_at(t, "TargetAttributeName"),
                        str_at(t, "SampleWeightAttributeName"),
                    ),
                    (true, None) => (None, None),
                };
                ChannelPlan {
                    index,
                    list,
                    config: if v2 { config } else { None },
                    validation: str_at(c, "ChannelType").as_deref() == Some("validation"),
                    target,
                    sample_weight,
                    format,
                    content_type,
                    gzip: str_at(c, "CompressionType").as_deref() == Some("Gzip"),
                    compression: str_at(c, "CompressionType"),
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
            problem_type: match tabular {
                Some(t) => str_at(t, "ProblemType"),
                None if v2 => None,
                None => str_at(request, "ProblemType"),
            },
            metric: request
                .at(&["AutoMLJobObjective", "MetricName"])
                .and_then(Node::as_str)
                .map(String::from),
            problem,
            columns: if v2 {
                named_columns(request, problem, config)
            } else {
                Vec::new()
            },
        }
    }
}

/// The columns a V2 problem type names (besides the tabular target and sample weight), each
/// with its member's place. Sources: API, TimeSeriesConfig (TargetAttributeName: "The name of
/// the column representing the target variable that you want to predict for each item in your
/// dataset"; TimestampAttributeName: "The name of the column indicating a point in time at
/// which the target value of a given item is recorded"; ItemIdentifierAttributeName: "The name
/// of the column that represents the set of item identifiers for which you want to predict
/// the target value"; GroupingAttributeNames: "A set of columns names that can be grouped
/// with the item identifier column"); API, TextClassificationJobConfig (ContentColumn: "The
/// name of the column used to provide the sentences to be classified"; TargetLabelColumn:
/// "The name of the column used to provide the class labels").
fn named_columns(request: &Node, problem: Problem, config: Option<&str>) -> Vec<NamedColumn> {
    let Some(base) = config else {
        return Vec::new();
    };
    let (within, members): (&str, &[&str]) = match problem {
        Problem::TimeSeries => (
            "/TimeSeriesConfig",
            &[
                "TargetAttributeName",
                "TimestampAttributeName",
                "ItemIdentifierAttributeName",
            ],
        ),
        Problem::TextClassification => ("", &["ContentColumn", "TargetLabelColumn"]),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    let at = format!("{base}{within}");
    let Some(node) = request.pointer(&at) else {
        return out;
    };
    for member in members {
        if let Some(name) = node.get(member).and_then(Node::as_str) {
            out.push(NamedColumn {
                member: member.to_string(),
                name: name.to_string(),
                pointer: format!("{at}/{member}"),
            });
        }
    }
    if problem == Problem::TimeSeries {
        let groups = node
            .get("GroupingAttributeNames")
            .and_then(Node::as_array)
            .unwrap_or_default();
        for (i, g) in groups.iter().enumerate() {
            if let Some(name) = g.as_str() {
                out.push(NamedColumn {
                    member: "GroupingAttributeNames".to_string(),
                    name: name.to_string(),
                    pointer: format!("{at}/GroupingAttributeNames/{i}"),
                });
            }
        }
    }
    out
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

    #[test]
    fn a_v2_tabular_request_is_read_at_its_own_members() {
        let request = r#"{"AutoMLJobName": "x",
            "AutoMLJobInputDataConfig": [
                {"ChannelType": "validation"},
                {"CompressionType": "Gzip",
                 "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://b/t/"}}}],
            "AutoMLProblemTypeConfig": {"TabularJobConfig": {
                "TargetAttributeName": "y", "SampleWeightAttributeName": "w",
                "ProblemType": "Regression"}},
            "AutoMLJobObjective": {"MetricName": "MSE"}}"#;
        let plan = Plan::from_text(request).unwrap();
        assert_eq!(plan.problem, Problem::Tabular);
        assert!(plan.tabular() && plan.not_checked().is_none());
        assert_eq!(plan.channel_list(), "AutoMLJobInputDataConfig");
        let training = &plan.channels[0];
        assert_eq!((training.index, training.gzip), (1, true));
        assert_eq!(training.s3_uri.as_deref(), Some("s3://b/t/"));
        assert_eq!(
            (
                training.target.as_deref(),
                training.sample_weight.as_deref()
            ),
            (Some("y"), Some("w"))
        );
        assert_eq!(plan.channels[1].target.as_deref(), Some("y"));
        assert_eq!(
            training.pointer("TargetAttributeName"),
            "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"
        );
        assert_eq!(
            training.pointer("SampleWeightAttributeName"),
            "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName"
        );
        assert_eq!(
            training.pointer("ContentType"),
            "/AutoMLJobInputDataConfig/1/ContentType"
        );
        assert_eq!(training.place(), "AutoMLJobInputDataConfig/1");
        assert_eq!(plan.problem_type.as_deref(), Some("Regression"));
        assert_eq!(
            plan.problem_type_pointer(),
            "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType"
        );
        assert_eq!(plan.metric.as_deref(), Some("MSE"));
        assert!(plan.columns.is_empty());
        // What the page hands the worker: the same plan, without the job's name.
        let node = json::parse(request).unwrap();
        let text = request_text(&node);
        assert!(!text.contains("AutoMLJobName"));
        assert_eq!(Plan::from_text(&text).unwrap(), plan);
    }

    #[test]
    fn a_v2_request_is_told_by_the_detect_rule() {
        let v2 = |text: &str| is_v2(&json::parse(text).unwrap());
        assert!(v2(r#"{"AutoMLJobInputDataConfig": []}"#));
        assert!(v2(r#"{"AutoMLProblemTypeConfig": {}}"#));
        assert!(!v2(r#"{"InputDataConfig": []}"#));
        assert!(!v2("[]"));
        // A V2 body's ProblemType at the top is not V2's: read from TabularJobConfig only.
        let plan = Plan::from_text(
            r#"{"AutoMLProblemTypeConfig": {"TabularJobConfig": {}}, "ProblemType": "Regression",
                "InputDataConfig": [{"TargetAttributeName": "y"}]}"#,
        )
        .unwrap();
        assert_eq!(plan.problem_type, None);
        assert!(plan.channels.is_empty());
        let v1 = Plan::from_text(r#"{"InputDataConfig": [{}]}"#).unwrap();
        assert_eq!(v1.problem, Problem::V1);
        assert_eq!(
            v1.channels[0].pointer("TargetAttributeName"),
            "/InputDataConfig/0/TargetAttributeName"
        );
    }

    #[test]
    fn time_series_and_text_classification_name_their_columns() {
        let plan = Plan::from_text(
            r#"{"AutoMLJobInputDataConfig": [{}],
                "AutoMLProblemTypeConfig": {"TimeSeriesForecastingJobConfig": {"TimeSeriesConfig": {
                    "TargetAttributeName": "demand", "TimestampAttributeName": "ts",
                    "ItemIdentifierAttributeName": "item", "GroupingAttributeNames": ["store", 3]}}}}"#,
        )
        .unwrap();
        assert_eq!(plan.problem, Problem::TimeSeries);
        assert!(!plan.tabular());
        assert_eq!(plan.channels[0].target, None);
        let names: Vec<(&str, &str)> = plan
            .columns
            .iter()
            .map(|c| (c.member.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("TargetAttributeName", "demand"),
                ("TimestampAttributeName", "ts"),
                ("ItemIdentifierAttributeName", "item"),
                ("GroupingAttributeNames", "store"),
            ]
        );
        assert_eq!(
            plan.columns[3].pointer,
            "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/GroupingAttributeNames/0"
        );
        assert!(plan.not_checked().unwrap().contains("500-row minimum"));
        let text = Plan::from_text(
            r#"{"AutoMLProblemTypeConfig": {"TextClassificationJobConfig": {"ContentColumn": "review", "TargetLabelColumn": "label"}}}"#,
        )
        .unwrap();
        assert_eq!(text.problem, Problem::TextClassification);
        assert_eq!(
            text.columns[1].pointer,
            "/AutoMLProblemTypeConfig/TextClassificationJobConfig/TargetLabelColumn"
        );
        let image =
            Plan::from_text(r#"{"AutoMLProblemTypeConfig": {"ImageClassificationJobConfig": {}}}"#)
                .unwrap();
        assert!(image.columns.is_empty() && image.not_checked().is_some());
    }
}
