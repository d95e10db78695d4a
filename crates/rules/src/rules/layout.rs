//! Where a request keeps the settings `CreateAutoMLJob` and `CreateAutoMLJobV2` share.
//!
//! Many documented rules are the same in both APIs and differ only in where the members sit:
//! V1's `AutoMLJobConfig.Mode` is V2's `AutoMLProblemTypeConfig.TabularJobConfig.Mode`, V1's
//! `AutoMLJobConfig.DataSplitConfig` is V2's top-level `DataSplitConfig`, and so on. A rule
//! reads those places through the request's [`Layout`], so one function serves both APIs
//! (the V2 layout also depends on the problem type the request chose).

/// The problem a request is for, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A `CreateAutoMLJob` request: tabular, with V1's members.
    V1,
    /// `CreateAutoMLJobV2` with `TabularJobConfig`.
    Tabular,
    /// `CreateAutoMLJobV2` with `TimeSeriesForecastingJobConfig`.
    TimeSeries,
    /// `CreateAutoMLJobV2` with `ImageClassificationJobConfig`.
    ImageClassification,
    /// `CreateAutoMLJobV2` with `TextClassificationJobConfig`.
    TextClassification,
    /// `CreateAutoMLJobV2` with `TextGenerationJobConfig`.
    TextGeneration,
    /// `CreateAutoMLJobV2` without a problem type the rules can read (the union is empty or
    /// not an object: the model or the union rule says so).
    Unknown,
}

impl Problem {
    /// The problem type in words, for messages (`image classification`).
    pub fn words(self) -> &'static str {
        match self {
            Problem::V1 | Problem::Tabular => "tabular",
            Problem::TimeSeries => "time-series forecasting",
            Problem::ImageClassification => "image classification",
            Problem::TextClassification => "text classification",
            Problem::TextGeneration => "text generation",
            Problem::Unknown => "this problem type",
        }
    }
}

/// The places of the shared settings in one kind of request, as JSON Pointers; `None` where
/// the request has no such member.
#[derive(Debug)]
pub struct Layout {
    pub problem: Problem,
    /// The list of input channels.
    pub channels: &'static str,
    /// The problem type's own settings (V2's member of `AutoMLProblemTypeConfig`).
    pub config: Option<&'static str>,
    /// The tabular problem type (`BinaryClassification`, …).
    pub problem_type: Option<&'static str>,
    /// The training mode (`AUTO`, `ENSEMBLING`, `HYPERPARAMETER_TUNING`).
    pub mode: Option<&'static str>,
    pub completion: Option<&'static str>,
    pub candidate_generation: Option<&'static str>,
    pub feature_specification: Option<&'static str>,
    pub data_split: &'static str,
    pub security: &'static str,
    pub candidates_only: Option<&'static str>,
    /// V2 tabular's `SampleWeightAttributeName` (V1 has one in each channel).
    pub sample_weight: Option<&'static str>,
    /// Members naming a column of the data, outside the channels.
    pub columns: &'static [&'static str],
    /// The content types the problem type reads, and the one an omitted `ContentType` is.
    pub content_types: &'static [&'static str],
    pub default_content_type: &'static str,
}

/// The content types of tabular data (API, AutoMLChannel.ContentType and
/// AutoMLJobChannel.ContentType).
pub const TABULAR_CONTENT_TYPES: &[&str] = &[
    "text/csv;header=present",
    "x-application/vnd.amazon+parquet",
];
/// The content types of image classification (API, AutoMLJobChannel.ContentType).
pub const IMAGE_CONTENT_TYPES: &[&str] = &["image/png", "image/jpeg", "image/*"];

pub static V1: Layout = Layout {
    problem: Problem::V1,
    channels: "/InputDataConfig",
    config: None,
    problem_type: Some("/ProblemType"),
    mode: Some("/AutoMLJobConfig/Mode"),
    completion: Some("/AutoMLJobConfig/CompletionCriteria"),
    candidate_generation: Some("/AutoMLJobConfig/CandidateGenerationConfig"),
    feature_specification: Some(
        "/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",
    ),
    data_split: "/AutoMLJobConfig/DataSplitConfig",
    security: "/AutoMLJobConfig/SecurityConfig",
    candidates_only: Some("/GenerateCandidateDefinitionsOnly"),
    sample_weight: None,
    columns: &[],
    content_types: TABULAR_CONTENT_TYPES,
    default_content_type: "text/csv;header=present",
};

/// What every V2 layout has in the same place.
const V2_CHANNELS: &str = "/AutoMLJobInputDataConfig";

static V2_TABULAR: Layout = Layout {
    problem: Problem::Tabular,
    channels: V2_CHANNELS,
    config: Some("/AutoMLProblemTypeConfig/TabularJobConfig"),
    problem_type: Some("/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType"),
    mode: Some("/AutoMLProblemTypeConfig/TabularJobConfig/Mode"),
    completion: Some("/AutoMLProblemTypeConfig/TabularJobConfig/CompletionCriteria"),
    candidate_generation: Some(
        "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig",
    ),
    feature_specification: Some(
        "/AutoMLProblemTypeConfig/TabularJobConfig/FeatureSpecificationS3Uri",
    ),
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: Some(
        "/AutoMLProblemTypeConfig/TabularJobConfig/GenerateCandidateDefinitionsOnly",
    ),
    sample_weight: Some("/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName"),
    columns: &[
        "/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName",
        "/AutoMLProblemTypeConfig/TabularJobConfig/SampleWeightAttributeName",
    ],
    content_types: TABULAR_CONTENT_TYPES,
    default_content_type: "text/csv;header=present",
};

static V2_TIME_SERIES: Layout = Layout {
    problem: Problem::TimeSeries,
    channels: V2_CHANNELS,
    config: Some("/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig"),
    problem_type: None,
    mode: None,
    completion: Some("/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/CompletionCriteria"),
    candidate_generation: Some(
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/CandidateGenerationConfig",
    ),
    feature_specification: Some(
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/FeatureSpecificationS3Uri",
    ),
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: None,
    sample_weight: None,
    columns: &[
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/TargetAttributeName",
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/TimestampAttributeName",
        "/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig/TimeSeriesConfig/ItemIdentifierAttributeName",
    ],
    content_types: TABULAR_CONTENT_TYPES,
    default_content_type: "text/csv;header=present",
};

static V2_IMAGE: Layout = Layout {
    problem: Problem::ImageClassification,
    channels: V2_CHANNELS,
    config: Some("/AutoMLProblemTypeConfig/ImageClassificationJobConfig"),
    problem_type: None,
    mode: None,
    completion: Some("/AutoMLProblemTypeConfig/ImageClassificationJobConfig/CompletionCriteria"),
    candidate_generation: None,
    feature_specification: None,
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: None,
    sample_weight: None,
    columns: &[],
    content_types: IMAGE_CONTENT_TYPES,
    default_content_type: "image/*",
};

static V2_TEXT: Layout = Layout {
    problem: Problem::TextClassification,
    channels: V2_CHANNELS,
    config: Some("/AutoMLProblemTypeConfig/TextClassificationJobConfig"),
    problem_type: None,
    mode: None,
    completion: Some("/AutoMLProblemTypeConfig/TextClassificationJobConfig/CompletionCriteria"),
    candidate_generation: None,
    feature_specification: None,
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: None,
    sample_weight: None,
    columns: &[
        "/AutoMLProblemTypeConfig/TextClassificationJobConfig/ContentColumn",
        "/AutoMLProblemTypeConfig/TextClassificationJobConfig/TargetLabelColumn",
    ],
    content_types: TABULAR_CONTENT_TYPES,
    default_content_type: "text/csv;header=present",
};

static V2_TEXT_GENERATION: Layout = Layout {
    problem: Problem::TextGeneration,
    channels: V2_CHANNELS,
    config: Some("/AutoMLProblemTypeConfig/TextGenerationJobConfig"),
    problem_type: None,
    mode: None,
    completion: Some("/AutoMLProblemTypeConfig/TextGenerationJobConfig/CompletionCriteria"),
    candidate_generation: None,
    feature_specification: None,
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: None,
    sample_weight: None,
    columns: &[],
    content_types: TABULAR_CONTENT_TYPES,
    default_content_type: "text/csv;header=present",
};

static V2_UNKNOWN: Layout = Layout {
    problem: Problem::Unknown,
    channels: V2_CHANNELS,
    config: None,
    problem_type: None,
    mode: None,
    completion: None,
    candidate_generation: None,
    feature_specification: None,
    data_split: "/DataSplitConfig",
    security: "/SecurityConfig",
    candidates_only: None,
    sample_weight: None,
    columns: &[],
    content_types: &[],
    default_content_type: "",
};

/// The layout of a `CreateAutoMLJobV2` request: by the first problem type its
/// `AutoMLProblemTypeConfig` names (a second one is the union rule's error).
pub fn v2(request: &crate::json::Node) -> &'static Layout {
    let first = request
        .get("AutoMLProblemTypeConfig")
        .and_then(crate::json::Node::as_object)
        .and_then(|members| {
            members.iter().find_map(|m| match m.key.as_str() {
                "TabularJobConfig" => Some(&V2_TABULAR),
                "TimeSeriesForecastingJobConfig" => Some(&V2_TIME_SERIES),
                "ImageClassificationJobConfig" => Some(&V2_IMAGE),
                "TextClassificationJobConfig" => Some(&V2_TEXT),
                "TextGenerationJobConfig" => Some(&V2_TEXT_GENERATION),
                _ => None,
            })
        });
    first.unwrap_or(&V2_UNKNOWN)
}
