//! The rules the documentation states in prose, each a named function whose doc comment cites
//! its source. They run after the model's constraints, and read only members of the right
//! type (a member of the wrong type already has its own finding).
//!
//! Sources, cited by short name below:
//! - *API*: the SageMaker API reference pages of `CreateAutoMLJob` and the shapes it uses
//!   (the same text ships as `documentation` in botocore's service model).
//! - *Guide/datasets*: SageMaker developer guide, "Create a regression or classification job
//!   for tabular data using the AutoML API" → "How to specify training and validation
//!   datasets" (`autopilot-create-experiment.html`).
//! - *Guide/modes*: developer guide, "Training modes and algorithm support"
//!   (`autopilot-model-support-validation.html`).
//! - *Guide/metrics*: developer guide, "Metrics and validation" (`autopilot-metrics-validation.html`).
//! - *Tagging*: "Tagging AWS resources", tag naming rules (`tag-editor` user guide).
//! - *S3/naming*: Amazon S3 user guide, "General purpose bucket naming rules"
//!   (`https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html`).
//!
//! Service wording: the service checks these one at a time after its model validation and
//! answers with a `ValidationException` whose text is not published. Where we have not seen
//! the service's exact text, `service_message` carries our best rendering of it, prefixed by
//! what the service sends for every such error.

use crate::diag::{Diagnostic, Findings, Severity};
use crate::json::{Node, Value};
use layout::Layout;

mod algorithms;
mod channels;
mod deployment;
pub mod layout;
mod limits;
mod names;
mod objective;
mod s3;
mod tags;
mod union;
mod v2_channels;
mod v2_problem;
mod v2_text;
mod v2_time_series;
mod vpc;

pub use algorithms::{
    algorithms_config, ENSEMBLING_ALGORITHMS, HPO_ALGORITHMS, TIME_SERIES_ALGORITHMS,
};
pub use channels::{
    augmented_manifest_v2_only, channel_has_data_source, channel_types,
    channels_share_target_and_content_type, content_type_supported, sample_weights_need_ensembling,
    validation_fraction_bounds, validation_fraction_with_two_channels,
};
pub use deployment::{candidate_definitions_only_with_deployment, model_deploy_endpoint_name};
pub use limits::runtime_per_job_within_total;
pub use names::names_without_pasted_white_space;
pub use objective::{
    metrics_for, objective_metric_suits_problem_type, objective_needs_problem_type,
    TIME_SERIES_METRICS,
};
pub use s3::{s3_bucket_names, s3_output_path_length, s3_prefix_without_wildcards};
pub use tags::tag_keys;
pub use union::problem_type_config_holds_one;
pub use v2_channels::{
    gzip_only_for_tabular_s3_prefix, no_data_split_for_time_series, s3_data_type_suits_problem_type,
};
pub use v2_problem::{
    compute_config_for_tabular_or_time_series, max_candidates_one_unless_tabular,
    objective_suits_problem_type, TIME_SERIES_OBJECTIVES,
};
pub use v2_text::{
    base_model_supported, content_and_label_columns_differ, gated_model_needs_eula,
    text_generation_hyperparameters, BASE_MODELS,
};
pub use v2_time_series::{
    forecast_horizon_at_most_500, forecast_quantiles_unique, holiday_country_code,
    time_series_columns_distinct, transformations,
};
pub use vpc::vpc_ids_unique;

/// A documented rule: reads the request, adds its findings.
pub type Rule = fn(&Request, &mut Findings);

/// Runs every documented rule of `CreateAutoMLJob`.
pub fn check_all(request: &Node, out: &mut Findings) {
    run(CREATE_AUTO_ML_JOB_RULES, request, out);
}

/// Runs `rules` over a `CreateAutoMLJob` request (nothing when it is not an object).
pub fn run(rules: &[Rule], request: &Node, out: &mut Findings) {
    run_in(rules, &layout::V1, request, out);
}

/// Runs an operation's rules over a request: those of `CreateAutoMLJobV2` read the shared
/// settings where V2 keeps them ([`layout::v2`]), any other operation's where
/// `CreateAutoMLJob` does.
pub fn run_for(op: &crate::operation::Operation, request: &Node, out: &mut Findings) {
    let layout = if op.name == crate::operation::CREATE_AUTO_ML_JOB_V2.name {
        layout::v2(request)
    } else {
        &layout::V1
    };
    run_in(op.rules, layout, request, out);
}

fn run_in(rules: &[Rule], layout: &'static Layout, request: &Node, out: &mut Findings) {
    if request.as_object().is_none() {
        return;
    }
    let request = Request {
        node: request,
        layout,
    };
    for rule in rules {
        rule(&request, out);
    }
}

/// The one dispatch list: every documented rule of `CreateAutoMLJob`, in the order they
/// report.
pub static CREATE_AUTO_ML_JOB_RULES: &[Rule] = &[
    channel_types,
    channel_has_data_source,
    channels_share_target_and_content_type,
    validation_fraction_with_two_channels,
    validation_fraction_bounds,
    content_type_supported,
    augmented_manifest_v2_only,
    sample_weights_need_ensembling,
    algorithms_config,
    objective_metric_suits_problem_type,
    objective_needs_problem_type,
    model_deploy_endpoint_name,
    s3_output_path_length,
    tag_keys,
    runtime_per_job_within_total,
    candidate_definitions_only_with_deployment,
    vpc_ids_unique,
    names_without_pasted_white_space,
    s3_bucket_names,
    s3_prefix_without_wildcards,
];

/// Every documented rule of `CreateAutoMLJobV2`, in the order they report: the union, then
/// the channels, the problem type's settings, and what V2 shares with V1 (the same functions,
/// reading V2's places through [`layout::v2`]).
pub static CREATE_AUTO_ML_JOB_V2_RULES: &[Rule] = &[
    problem_type_config_holds_one,
    // Channels and the data split.
    channel_types,
    channel_has_data_source,
    channels_share_target_and_content_type,
    validation_fraction_with_two_channels,
    validation_fraction_bounds,
    no_data_split_for_time_series,
    content_type_supported,
    s3_data_type_suits_problem_type,
    gzip_only_for_tabular_s3_prefix,
    // Tabular.
    sample_weights_need_ensembling,
    algorithms_config,
    objective_suits_problem_type,
    objective_needs_problem_type,
    max_candidates_one_unless_tabular,
    // Time-series forecasting.
    forecast_horizon_at_most_500,
    forecast_quantiles_unique,
    time_series_columns_distinct,
    holiday_country_code,
    transformations,
    // Text classification and text generation.
    content_and_label_columns_differ,
    base_model_supported,
    gated_model_needs_eula,
    text_generation_hyperparameters,
    // Compute, deployment, output, tags, security, names.
    compute_config_for_tabular_or_time_series,
    model_deploy_endpoint_name,
    s3_output_path_length,
    tag_keys,
    runtime_per_job_within_total,
    candidate_definitions_only_with_deployment,
    vpc_ids_unique,
    names_without_pasted_white_space,
    s3_bucket_names,
    s3_prefix_without_wildcards,
];

/// A request being checked, with typed accessors that ignore members of the wrong type, and
/// where it keeps the settings both APIs share.
pub struct Request<'a> {
    pub node: &'a Node,
    pub layout: &'static Layout,
}

/// One input channel and its index.
pub struct Channel<'a> {
    pub index: usize,
    pub node: &'a Node,
    /// The list the channel is in (`/InputDataConfig`).
    base: &'static str,
    /// The content type an omitted `ContentType` is.
    default_content_type: &'static str,
}

impl<'a> Channel<'a> {
    fn str(&self, key: &str) -> Option<&'a str> {
        self.node.get(key).and_then(Node::as_str)
    }
    /// The channel type, `training` when left out (API, AutoMLChannel.ChannelType).
    pub fn channel_type(&self) -> Option<&'a str> {
        match self.node.get("ChannelType") {
            None => Some("training"),
            Some(n) => n.as_str(),
        }
    }
    /// The content type, the problem type's default when left out (`text/csv;header=present`
    /// for tabular data: API, AutoMLChannel.ContentType and AutoMLJobChannel.ContentType).
    pub fn content_type(&self) -> Option<&'a str> {
        match self.node.get("ContentType") {
            None => Some(self.default_content_type),
            Some(n) => n.as_str(),
        }
    }
    fn pointer(&self, member: &str) -> String {
        format!("{}/{}/{member}", self.base, self.index)
    }
}

/// The content type a channel has when `ContentType` is left out.
pub const DEFAULT_CONTENT_TYPE: &str = "text/csv;header=present";
/// The content types Autopilot reads (API, AutoMLChannel.ContentType).
pub const CONTENT_TYPES: [&str; 2] = [
    "text/csv;header=present",
    "x-application/vnd.amazon+parquet",
];

impl<'a> Request<'a> {
    pub fn channels(&self) -> Vec<Channel<'a>> {
        let base = self.layout.channels;
        self.node
            .pointer(base)
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, node)| node.as_object().is_some())
            .map(|(index, node)| Channel {
                index,
                node,
                base,
                default_content_type: self.layout.default_content_type,
            })
            .collect()
    }
    fn at(&self, keys: &[&str]) -> Option<&'a Node> {
        self.node.at(keys)
    }
    fn str_at(&self, keys: &[&str]) -> Option<&'a str> {
        self.at(keys).and_then(Node::as_str)
    }
    /// The node at a JSON Pointer, if any.
    fn get(&self, pointer: &str) -> Option<&'a Node> {
        self.node.pointer(pointer)
    }
    /// The string at a JSON Pointer (`None` for another type).
    fn str(&self, pointer: &str) -> Option<&'a str> {
        self.get(pointer).and_then(Node::as_str)
    }
    /// The training mode as written, or `AUTO` when left out (API, AutoMLJobConfig.Mode and
    /// TabularJobConfig.Mode); `None` for a problem type without modes.
    pub fn mode(&self) -> Option<&'a str> {
        match self.get(self.layout.mode?) {
            None => Some("AUTO"),
            Some(n) => n.as_str(),
        }
    }
    fn int(&self, pointer: &str) -> Option<i64> {
        match &self.get(pointer)?.value {
            Value::Number(text) => crate::number::parse_i64(text),
            _ => None,
        }
    }
}

/// A finding of a rule. The texts are borrowed, and copied here once: a `.to_string()` at
/// each of the many call sites costs the page more code than one copy in one place.
fn error(code: &'static str, path: &str, message: &str, service: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code,
        path: path.to_string(),
        message: message.to_string(),
        service_message: Some(service.to_string()),
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
    }
}

fn warning(code: &'static str, path: &str, message: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        code,
        path: path.to_string(),
        message: message.to_string(),
        service_message: None,
        cli_message: None,
        span: None,
        service_clause: None,
        related: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::s3::bucket_name_problem;

    /// Names a bucket may have, at the edges of the rules.
    #[test]
    fn bucket_names_a_bucket_may_have() {
        let longest = "a".repeat(61) + ".b";
        for name in [
            "abc",
            "123",
            "0.0.0",
            "my-bucket",
            "my.bucket.example.com",
            "a-b.c-d",
            "1.2.3.4a",
            "192.168.5.4.5",
            "xn-bucket",
            "sthree",
            "amzn-s3-demo",
            longest.as_str(),
            // What stands in a bucket's place, named with a reserved suffix.
            "my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias",
            "my-olap-hrzrlukc5m36ft7okagglf3gmwluquse1b--ol-s3",
            "mfzwi23gnjvgw.mrap",
            "my-base--usw2-az1--x-s3",
            "63a8e430-6e0b-46f5-k833abtwr6s8tmtsycedn8s4yc3xhuse1b--table-s3",
            "reports-111122223333-us-west-2-an",
        ] {
            assert_eq!(bucket_name_problem(name), None, "{name}");
        }
    }

    /// Names no bucket has, each with the start of what is said about it.
    #[test]
    fn bucket_names_no_bucket_has() {
        let long64 = "a".repeat(64);
        let long256 = "a".repeat(256);
        for (name, said) in [
            ("b", "is 1 character long: bucket names have 3 to 63 characters"),
            ("ab", "is 2 characters long"),
            (long256.as_str(), "is 256 characters long: bucket names have at most 63 characters (255 for a bucket created in us-east-1 before March 1, 2018), so no bucket"),
            (long64.as_str(), "is 64 characters long: bucket names have at most 63 characters, and only a bucket created in us-east-1 before March 1, 2018 can have up to 255; unless yours"),
            ("My_Bucket", "has an uppercase letter 'M' at character 1: bucket names are in lowercase, and only a bucket created in us-east-1 before March 1, 2018 can have uppercase letters; unless yours is such an old bucket, write the name exactly as the S3 console lists it"),
            ("my_bucket", "has an underscore (_) at character 3: bucket names have no underscores, and only a bucket created in us-east-1"),
            ("my-Bucket_x", "has an uppercase letter 'B' at character 4"),
            ("my bucket", "has a space at character 3: bucket names have only lowercase letters, digits, dots and hyphens, so no bucket"),
            ("bücket", "has 'ü' at character 2"),
            ("My:Bucket", "has ':' at character 3"),
            ("-bucket", "starts with a hyphen (-): bucket names start and end with a letter or digit"),
            ("_bucket", "starts with an underscore (_)"),
            ("bucket.", "ends with a dot (.)"),
            ("bucket-", "ends with a hyphen (-)"),
            ("my..bucket", "has two dots in a row at characters 3 and 4"),
            ("192.168.5.4", "is written as an IP address"),
            ("999.0.0.1", "is written as an IP address"),
            ("xn--bucket", "starts with \"xn--\", a prefix S3 reserves"),
            ("sthree-bucket", "starts with \"sthree-\""),
            ("sthree-configurator", "starts with \"sthree-\""),
            ("amzn-s3-demo-bucket", "starts with \"amzn-s3-demo-\", a prefix S3 reserves for the examples in AWS's documentation"),
        ] {
            let problem = bucket_name_problem(name).unwrap_or_default();
            assert!(problem.starts_with(said), "{name}: {problem}");
        }
    }
}
