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

use crate::diag::{Diagnostic, Severity};
use crate::float::display_f64;
use crate::json::{Node, Value};

/// Runs every documented rule.
pub fn check_all(request: &Node, out: &mut Vec<Diagnostic>) {
    if request.as_object().is_none() {
        return;
    }
    let rules: &[fn(&Request, &mut Vec<Diagnostic>)] = &[
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
    let request = Request(request);
    for rule in rules {
        rule(&request, out);
    }
}

/// A request being checked, with typed accessors that ignore members of the wrong type.
pub struct Request<'a>(pub &'a Node);

/// One input channel and its index.
pub struct Channel<'a> {
    pub index: usize,
    pub node: &'a Node,
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
    /// The content type, `text/csv;header=present` when left out (API, AutoMLChannel.ContentType).
    pub fn content_type(&self) -> Option<&'a str> {
        match self.node.get("ContentType") {
            None => Some(DEFAULT_CONTENT_TYPE),
            Some(n) => n.as_str(),
        }
    }
    fn pointer(&self, member: &str) -> String {
        format!("/InputDataConfig/{}/{member}", self.index)
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
        self.0
            .get("InputDataConfig")
            .and_then(Node::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, node)| node.as_object().is_some())
            .map(|(index, node)| Channel { index, node })
            .collect()
    }
    fn at(&self, keys: &[&str]) -> Option<&'a Node> {
        self.0.at(keys)
    }
    fn str_at(&self, keys: &[&str]) -> Option<&'a str> {
        self.at(keys).and_then(Node::as_str)
    }
    /// The training mode as written, or `AUTO` when left out (API, AutoMLJobConfig.Mode).
    pub fn mode(&self) -> Option<&'a str> {
        match self.at(&["AutoMLJobConfig", "Mode"]) {
            None => Some("AUTO"),
            Some(n) => n.as_str(),
        }
    }
    fn int_at(&self, keys: &[&str]) -> Option<i64> {
        match &self.at(keys)?.value {
            Value::Number(text) => crate::float::parse_i64(text),
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

/// At most one `training` and one `validation` channel; a validation channel needs a training
/// channel. `ChannelType` defaults to `training`, so two channels without it are two training
/// channels.
///
/// Source: API, AutoMLChannel.ChannelType ("The default value is training"); Guide/datasets
/// ("you can provide … one training dataset and, optionally, one validation dataset").
pub fn channel_types(req: &Request, out: &mut Vec<Diagnostic>) {
    let channels = req.channels();
    for kind in ["training", "validation"] {
        let of_kind: Vec<&Channel> = channels
            .iter()
            .filter(|c| c.channel_type() == Some(kind))
            .collect();
        if of_kind.len() > 1 {
            let second = of_kind[1];
            let implicit = second.node.get("ChannelType").is_none();
            out.push(error(
                "channel-types",
                &second.pointer("ChannelType"),
                &format!(
                    "more than one channel is a {kind} channel{}: give one training and one validation channel",
                    if implicit {
                        " (ChannelType defaults to training)"
                    } else {
                        ""
                    }
                ),
                &format!("Only one {kind} channel can be specified."),
            )
            .about(&[&of_kind[0].pointer("ChannelType")]));
        }
    }
    let has_training = channels
        .iter()
        .any(|c| c.channel_type() == Some("training"));
    if !has_training {
        if let Some(validation) = channels
            .iter()
            .find(|c| c.channel_type() == Some("validation"))
        {
            out.push(error(
                "validation-without-training",
                &validation.pointer("ChannelType"),
                "a validation channel needs a training channel: add one, or make this the training channel",
                "A training channel must be specified.",
            ));
        }
    }
}

/// A warning for a channel without `DataSource`: the model lets it out, but then the channel
/// names no data for Autopilot to read.
///
/// Source: API, AutoMLChannel.DataSource ("The data source for an AutoML channel") and
/// CreateAutoMLJob.InputDataConfig ("describes the input data and its location").
pub fn channel_has_data_source(req: &Request, out: &mut Vec<Diagnostic>) {
    for channel in req.channels() {
        if channel.node.get("DataSource").is_none() {
            out.push(warning(
                "channel-without-data-source",
                &channel.pointer("DataSource"),
                "DataSource is missing from this channel, so it names no data: add DataSource.S3DataSource with S3DataType and S3Uri",
            ));
        }
    }
}

/// Training and validation channels share `TargetAttributeName` and `ContentType` (an omitted
/// ContentType counts as its default, `text/csv;header=present`).
///
/// Source: API, AutoMLChannel.ChannelType ("Channels for training and validation must share
/// the same ContentType and TargetAttributeName").
pub fn channels_share_target_and_content_type(req: &Request, out: &mut Vec<Diagnostic>) {
    let channels = req.channels();
    let [first, second] = channels.as_slice() else {
        return;
    };
    if let (Some(a), Some(b)) = (
        first.str("TargetAttributeName"),
        second.str("TargetAttributeName"),
    ) {
        if a != b {
            out.push(error(
                "channel-target-mismatch",
                &second.pointer("TargetAttributeName"),
                &format!("the channels name different target columns (\"{a}\" and \"{b}\"): training and validation must use the same TargetAttributeName"),
                "Training and validation channels must have the same TargetAttributeName.",
            ).about(&[&first.pointer("TargetAttributeName")]));
        }
    }
    if let (Some(a), Some(b)) = (first.content_type(), second.content_type()) {
        if a != b {
            out.push(error(
                "channel-content-type-mismatch",
                &second.pointer("ContentType"),
                &format!("the channels have different content types (\"{a}\" and \"{b}\", an omitted ContentType is {DEFAULT_CONTENT_TYPE}): training and validation must use the same ContentType"),
                "Training and validation channels must have the same ContentType.",
            ).about(&[&first.pointer("ContentType")]));
        }
    }
}

/// With two channels, `DataSplitConfig.ValidationFraction` must not be set: the fraction
/// splits a single training channel, and the second channel is the validation data.
///
/// Source: API, AutoMLDataSplitConfig ("how to split the input training dataset");
/// Guide/datasets ("If you provide a validation dataset, do not specify a validation
/// fraction").
pub fn validation_fraction_with_two_channels(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(fraction) = req.at(&["AutoMLJobConfig", "DataSplitConfig", "ValidationFraction"])
    else {
        return;
    };
    if fraction.as_f64().is_none() {
        return;
    }
    if req.channels().len() == 2 {
        out.push(error(
            "validation-fraction-with-validation-channel",
            "/AutoMLJobConfig/DataSplitConfig/ValidationFraction",
            "ValidationFraction splits a single training channel; with two channels (training and validation), leave it out",
            "ValidationFraction cannot be specified when a validation channel is provided.",
        ).about(&["/InputDataConfig/1/ChannelType"]));
    }
}

/// `ValidationFraction` strictly between 0 and 1 (the model allows both ends); below 0.5
/// advised.
///
/// Source: API, AutoMLDataSplitConfig.ValidationFraction ("values must be greater than 0 and
/// less than 1. We recommend setting this value to be less than 0.5").
pub fn validation_fraction_bounds(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(x) = req
        .at(&["AutoMLJobConfig", "DataSplitConfig", "ValidationFraction"])
        .and_then(Node::as_f64)
    else {
        return;
    };
    let path = "/AutoMLJobConfig/DataSplitConfig/ValidationFraction";
    if x == 0.0 || x == 1.0 {
        out.push(error(
            "validation-fraction",
            path,
            &format!("ValidationFraction must be greater than 0 and less than 1, not {}; the default is 0.2", display_f64(x)),
            "ValidationFraction must be greater than 0 and less than 1.",
        ));
    } else if (0.5..1.0).contains(&x) {
        out.push(warning(
            "validation-fraction-large",
            path,
            &format!("ValidationFraction is {}: holding out that much of the data for validation leaves half or less to train on; AWS recommends less than 0.5 (the default is 0.2)", display_f64(x)),
        ));
    }
}

/// `ContentType` is `text/csv;header=present` or `x-application/vnd.amazon+parquet`.
///
/// Severity: error. The model accepts any text, but these are the only two the documentation
/// allows, and Autopilot cannot read data announced as anything else: the job fails after it
/// has started, which is exactly the round trip this tool exists to save.
///
/// Source: API, AutoMLChannel.ContentType ("You can use text/csv;header=present or
/// x-application/vnd.amazon+parquet").
pub fn content_type_supported(req: &Request, out: &mut Vec<Diagnostic>) {
    for channel in req.channels() {
        let Some(ct) = channel.node.get("ContentType").and_then(Node::as_str) else {
            continue;
        };
        if CONTENT_TYPES.contains(&ct) {
            continue;
        }
        let hint = if ct.eq_ignore_ascii_case("text/csv") || ct.starts_with("text/csv") {
            " (for CSV write exactly text/csv;header=present: the file must have a header row)"
        } else if ct.to_ascii_lowercase().contains("parquet") {
            " (for Parquet write exactly x-application/vnd.amazon+parquet)"
        } else {
            ""
        };
        out.push(error(
            "content-type",
            &channel.pointer("ContentType"),
            &format!("Autopilot reads only text/csv;header=present and x-application/vnd.amazon+parquet, not \"{ct}\"{hint}"),
            &format!("Unsupported content type: {ct}"),
        ));
    }
}

/// `AugmentedManifestFile` is for V2 jobs (`CreateAutoMLJobV2`) only.
///
/// Source: API, AutoMLS3DataSource.S3DataType ("AugmentedManifestFile is available for V2 API
/// jobs only").
pub fn augmented_manifest_v2_only(req: &Request, out: &mut Vec<Diagnostic>) {
    for channel in req.channels() {
        if channel
            .node
            .at(&["DataSource", "S3DataSource", "S3DataType"])
            .and_then(Node::as_str)
            == Some("AugmentedManifestFile")
        {
            out.push(error(
                "augmented-manifest-v2-only",
                &channel.pointer("DataSource/S3DataSource/S3DataType"),
                "AugmentedManifestFile works only with CreateAutoMLJobV2; for this API use S3Prefix or ManifestFile",
                "AugmentedManifestFile is not supported for CreateAutoMLJob. Use CreateAutoMLJobV2.",
            ));
        }
    }
}

/// `SampleWeightAttributeName` works in ENSEMBLING mode only: an error under
/// HYPERPARAMETER_TUNING; under AUTO (the default), Autopilot chooses HYPERPARAMETER_TUNING for
/// datasets of 100 MB or more, so the weights may be refused: a warning.
///
/// Source: API, AutoMLChannel.SampleWeightAttributeName ("Support for sample weights is
/// available in Ensembling mode only"); API, AutoMLJobConfig.Mode ("In AUTO mode, Autopilot
/// chooses ENSEMBLING for datasets smaller than 100 MB, and HYPERPARAMETER_TUNING for larger
/// ones").
pub fn sample_weights_need_ensembling(req: &Request, out: &mut Vec<Diagnostic>) {
    const MODE: &str = "/AutoMLJobConfig/Mode";
    let mode = req.mode();
    for channel in req.channels() {
        if channel.str("SampleWeightAttributeName").is_none() {
            continue;
        }
        let path = channel.pointer("SampleWeightAttributeName");
        match mode {
            Some("HYPERPARAMETER_TUNING") => out.push(error(
                "sample-weight-mode",
                &path,
                "sample weights work only in ENSEMBLING mode; remove SampleWeightAttributeName or set Mode to ENSEMBLING",
                "Sample weights are supported only in ENSEMBLING mode.",
            ).about(&[MODE])),
            Some("AUTO") => out.push(warning(
                "sample-weight-auto-mode",
                &path,
                "SampleWeightAttributeName works only in ENSEMBLING mode; with Mode AUTO (the default) Autopilot picks HYPERPARAMETER_TUNING for datasets of 100 MB or more: set Mode to ENSEMBLING to be sure",
            ).about(&[MODE])),
            _ => {}
        }
    }
}

/// Algorithms usable in ENSEMBLING mode (API, AutoMLAlgorithmConfig.AutoMLAlgorithms).
pub const ENSEMBLING_ALGORITHMS: [&str; 8] = [
    "catboost",
    "extra-trees",
    "fastai",
    "lightgbm",
    "linear-learner",
    "nn-torch",
    "randomforest",
    "xgboost",
];
/// Algorithms usable in HYPERPARAMETER_TUNING mode (same source).
pub const HPO_ALGORITHMS: [&str; 3] = ["linear-learner", "mlp", "xgboost"];
/// Time-series forecasting algorithms, for `CreateAutoMLJobV2` only (same source).
pub const TIME_SERIES_ALGORITHMS: [&str; 6] =
    ["cnn-qr", "deepar", "prophet", "arima", "npts", "ets"];

/// `AlgorithmsConfig` must not be set in AUTO mode (the default); when set it holds exactly
/// one `AutoMLAlgorithms` list; every algorithm must belong to the mode; the time-series ones
/// are for V2 jobs only; an empty list means every algorithm of the mode.
///
/// Source: API, AutoMLCandidateGenerationConfig.AlgorithmsConfig ("AlgorithmsConfig should not
/// be set if the training mode is set on AUTO. When AlgorithmsConfig is provided, one
/// AutoMLAlgorithms attribute must be set and one only. If the list … is empty, … uses the
/// full set of algorithms for the given training mode"); API,
/// AutoMLAlgorithmConfig.AutoMLAlgorithms (the lists per mode); Guide/modes.
pub fn algorithms_config(req: &Request, out: &mut Vec<Diagnostic>) {
    const MODE: &str = "/AutoMLJobConfig/Mode";
    let base = "/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig";
    let Some(configs) = req
        .at(&[
            "AutoMLJobConfig",
            "CandidateGenerationConfig",
            "AlgorithmsConfig",
        ])
        .and_then(Node::as_array)
    else {
        return;
    };
    let mode = req.mode();
    if mode == Some("AUTO") {
        let written = req.at(&["AutoMLJobConfig", "Mode"]).is_some();
        out.push(error(
            "algorithms-with-auto-mode",
            base,
            &format!(
                "AlgorithmsConfig cannot be used when Mode is AUTO{}: set Mode to ENSEMBLING or HYPERPARAMETER_TUNING, or remove AlgorithmsConfig",
                if written { "" } else { " (the default)" }
            ),
            "AlgorithmsConfig should not be set when the training mode is AUTO.",
        ).about(&[MODE]));
    }
    if configs.len() != 1 {
        out.push(error(
            "algorithms-config-count",
            base,
            &format!("AlgorithmsConfig must hold exactly one entry with an AutoMLAlgorithms list; it has {}", configs.len()),
            "Exactly one AutoMLAlgorithms list must be set in AlgorithmsConfig.",
        ));
    }
    for (i, config) in configs.iter().enumerate() {
        let Some(list) = config.get("AutoMLAlgorithms").and_then(Node::as_array) else {
            continue;
        };
        let list_path = format!("{base}/{i}/AutoMLAlgorithms");
        if list.is_empty() {
            out.push(warning(
                "algorithms-empty",
                &list_path,
                "AutoMLAlgorithms is empty, which means every algorithm of the training mode; leave AlgorithmsConfig out to say the same more plainly",
            ));
        }
        let mut seen: Vec<&str> = Vec::new();
        for (j, algorithm) in list.iter().enumerate() {
            let Some(name) = algorithm.as_str() else {
                continue;
            };
            let path = format!("{list_path}/{j}");
            if seen.contains(&name) {
                out.push(warning(
                    "algorithm-duplicate",
                    &path,
                    &format!("AutoMLAlgorithms lists \"{name}\" more than once"),
                ));
            }
            seen.push(name);
            if TIME_SERIES_ALGORITHMS.contains(&name) {
                out.push(error(
                    "algorithm-v2-only",
                    &path,
                    &format!("\"{name}\" is a time-series forecasting algorithm, available only with CreateAutoMLJobV2"),
                    &format!("Algorithm {name} is not supported for this problem type."),
                ));
                continue;
            }
            let (allowed, mode_name): (&[&str], &str) = match mode {
                Some("ENSEMBLING") => (&ENSEMBLING_ALGORITHMS, "ENSEMBLING"),
                Some("HYPERPARAMETER_TUNING") => (&HPO_ALGORITHMS, "HYPERPARAMETER_TUNING"),
                _ => continue,
            };
            if !allowed.contains(&name) && !name.is_empty() && is_known_algorithm(name) {
                out.push(
                    error(
                        "algorithm-mode",
                        &path,
                        &format!(
                        "\"{name}\" is not available in {mode_name} mode; its algorithms are {}",
                        allowed.join(", ")
                    ),
                        &format!(
                            "Algorithm {name} is not supported for training mode {mode_name}."
                        ),
                    )
                    .about(&[MODE]),
                );
            }
        }
    }
}

fn is_known_algorithm(name: &str) -> bool {
    ENSEMBLING_ALGORITHMS.contains(&name) || HPO_ALGORITHMS.contains(&name)
}

/// The objective metrics of each tabular problem type, and its default (API,
/// AutoMLJobObjective.MetricName).
pub fn metrics_for(problem_type: &str) -> Option<(&'static [&'static str], &'static str)> {
    match problem_type {
        "Regression" => Some((&["MAE", "MSE", "R2", "RMSE"], "MSE")),
        "BinaryClassification" => Some((
            &[
                "Accuracy",
                "AUC",
                "BalancedAccuracy",
                "F1",
                "Precision",
                "Recall",
            ],
            "F1",
        )),
        "MulticlassClassification" => Some((
            &[
                "Accuracy",
                "BalancedAccuracy",
                "F1macro",
                "PrecisionMacro",
                "RecallMacro",
            ],
            "Accuracy",
        )),
        _ => None,
    }
}

/// Metrics of time-series forecasting, for `CreateAutoMLJobV2` only.
pub const TIME_SERIES_METRICS: [&str; 4] = ["MAPE", "MASE", "WAPE", "AverageWeightedQuantileLoss"];

/// The objective metric must suit the problem type; the time-series metrics are for V2 jobs
/// only. The message names the default that applies when the objective is left out.
///
/// Source: API, AutoMLJobObjective.MetricName (lists per problem type; "Default objective
/// metrics: Regression: MSE. Binary classification: F1. Multiclass classification:
/// Accuracy"); Guide/metrics.
pub fn objective_metric_suits_problem_type(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(metric) = req.str_at(&["AutoMLJobObjective", "MetricName"]) else {
        return;
    };
    let path = "/AutoMLJobObjective/MetricName";
    if TIME_SERIES_METRICS.contains(&metric) {
        out.push(error(
            "metric-v2-only",
            path,
            &format!("{metric} is a time-series forecasting metric, available only with CreateAutoMLJobV2; tabular jobs use MAE, MSE, R2, RMSE (regression) or Accuracy, AUC, BalancedAccuracy, F1, F1macro, Precision, PrecisionMacro, Recall, RecallMacro (classification)"),
            &format!("Metric {metric} is not supported for this problem type."),
        ));
        return;
    }
    let Some(problem_type) = req.str_at(&["ProblemType"]) else {
        return;
    };
    let Some((metrics, default)) = metrics_for(problem_type) else {
        return;
    };
    if metrics.contains(&metric) {
        return;
    }
    out.push(error(
        "metric-problem-type",
        path,
        &format!(
            "{metric} does not measure {}; use one of {} (leave AutoMLJobObjective out to get {default})",
            problem_noun(problem_type),
            metrics.join(", ")
        ),
        &format!("Metric {metric} is not supported for problem type {problem_type}."),
    ).about(&["/ProblemType"]));
}

fn problem_noun(problem_type: &str) -> &'static str {
    match problem_type {
        "Regression" => "a regression",
        "BinaryClassification" => "a binary classification",
        _ => "a multiclass classification",
    }
}

/// An objective without a problem type: Autopilot infers the problem type from the data, so
/// the metric may not suit what it infers. A warning: the documentation recommends giving both
/// or neither, without saying the service refuses one alone.
///
/// Source: Guide, "Autopilot problem types" ("If you don't specify a problem type, Autopilot
/// infers it … and selects the objective metric").
pub fn objective_needs_problem_type(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(metric) = req.str_at(&["AutoMLJobObjective", "MetricName"]) else {
        return;
    };
    if req.at(&["ProblemType"]).is_some() || TIME_SERIES_METRICS.contains(&metric) {
        return;
    }
    let fits: Vec<&str> = [
        "Regression",
        "BinaryClassification",
        "MulticlassClassification",
    ]
    .into_iter()
    .filter(|p| metrics_for(p).is_some_and(|(m, _)| m.contains(&metric)))
    .collect();
    if fits.is_empty() {
        // Not a metric of any tabular problem type: the model's enum check says so.
        return;
    }
    out.push(warning(
        "objective-without-problem-type",
        "/ProblemType",
        &format!(
            "ProblemType is not set but the objective {metric} is: Autopilot will infer the problem type, and {metric} suits only {}; set ProblemType as well",
            fits.join(" and ")
        ),
    ).about(&["/AutoMLJobObjective/MetricName"]));
}

/// `EndpointName` if and only if `AutoGenerateEndpointName` is not true (its default is
/// false).
///
/// Source: API, ModelDeployConfig.AutoGenerateEndpointName ("If you set
/// AutoGenerateEndpointName to True, do not specify the EndpointName; otherwise a 400 error is
/// thrown") and ModelDeployConfig.EndpointName ("Specify the EndpointName if and only if you
/// set AutoGenerateEndpointName to False").
pub fn model_deploy_endpoint_name(req: &Request, out: &mut Vec<Diagnostic>) {
    const AUTO_NAME: &str = "/ModelDeployConfig/AutoGenerateEndpointName";
    let Some(config) = req.at(&["ModelDeployConfig"]) else {
        return;
    };
    if config.as_object().is_none() {
        return;
    }
    let auto = match config.get("AutoGenerateEndpointName") {
        None => Some(false),
        Some(n) => n.as_bool(),
    };
    let name = config.get("EndpointName");
    match (auto, name) {
        (Some(true), Some(_)) => out.push(error(
            "endpoint-name",
            "/ModelDeployConfig/EndpointName",
            "EndpointName must be left out when AutoGenerateEndpointName is true",
            "EndpointName must not be specified when AutoGenerateEndpointName is True.",
        ).about(&[AUTO_NAME])),
        (Some(false), None) => out.push(error(
            "endpoint-name",
            "/ModelDeployConfig/EndpointName",
            "EndpointName is required when AutoGenerateEndpointName is false or left out: name the endpoint, or set AutoGenerateEndpointName to true",
            "EndpointName must be specified when AutoGenerateEndpointName is False.",
        ).about(&[AUTO_NAME])),
        _ => {}
    }
}

/// The documented limit on `OutputDataConfig.S3OutputPath`: 512 characters (the model allows
/// 1024).
///
/// Source: API, AutoMLOutputDataConfig.S3OutputPath ("Must be 512 characters or less").
pub fn s3_output_path_length(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(path) = req.str_at(&["OutputDataConfig", "S3OutputPath"]) else {
        return;
    };
    let len = path.chars().count();
    if len > 512 && len <= 1024 {
        out.push(error(
            "s3-output-path-length",
            "/OutputDataConfig/S3OutputPath",
            &format!("S3OutputPath is {len} characters long; Autopilot accepts at most 512"),
            "S3OutputPath must be 512 characters or less.",
        ));
    }
}

/// Tag keys are unique, and do not start with the reserved prefix `aws:` (in any case).
///
/// Source: API, CreateAutoMLJob.Tags and Tag.Key ("Tag keys must be unique per resource");
/// Tagging ("Don't use aws:, AWS:, or any upper or lowercase combination of such as a prefix
/// for either keys or values, as it is reserved for AWS use").
pub fn tag_keys(req: &Request, out: &mut Vec<Diagnostic>) {
    let Some(tags) = req.at(&["Tags"]).and_then(Node::as_array) else {
        return;
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, tag) in tags.iter().enumerate() {
        let Some(key) = tag.get("Key").and_then(Node::as_str) else {
            continue;
        };
        let path = format!("/Tags/{i}/Key");
        if let Some(first) = seen.get(key) {
            out.push(error(
                "tag-key-duplicate",
                &path,
                &format!(
                    "Key \"{key}\" is already used by tag {}; tag keys must be unique",
                    first + 1
                ),
                "Tag keys must be unique per resource.",
            ));
        } else {
            seen.insert(key, i);
        }
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            out.push(error(
                "tag-key-reserved",
                &path,
                &format!("Key \"{key}\" starts with aws:, which is reserved for AWS"),
                "Tag keys may not begin with 'aws:'.",
            ));
        }
    }
}

/// A warning when one training job may run longer than the whole job: the per-job limit then
/// never applies.
///
/// Source: API, AutoMLJobCompletionCriteria (MaxRuntimePerTrainingJobInSeconds is per training
/// job; MaxAutoMLJobRuntimeInSeconds stops the whole job).
pub fn runtime_per_job_within_total(req: &Request, out: &mut Vec<Diagnostic>) {
    let criteria = ["AutoMLJobConfig", "CompletionCriteria"];
    let per_job = req.int_at(&[
        criteria[0],
        criteria[1],
        "MaxRuntimePerTrainingJobInSeconds",
    ]);
    let total = req.int_at(&[criteria[0], criteria[1], "MaxAutoMLJobRuntimeInSeconds"]);
    if let (Some(per_job), Some(total)) = (per_job, total) {
        if per_job > total && total >= 1 {
            out.push(warning(
                "runtime-per-job-exceeds-total",
                "/AutoMLJobConfig/CompletionCriteria/MaxRuntimePerTrainingJobInSeconds",
                &format!("MaxRuntimePerTrainingJobInSeconds ({per_job} s) exceeds MaxAutoMLJobRuntimeInSeconds ({total} s): the whole job stops first, so the per-job limit never applies; lower MaxRuntimePerTrainingJobInSeconds to {total} or less, or raise MaxAutoMLJobRuntimeInSeconds to {per_job} or more"),
            ).about(&["/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds"]));
        }
    }
}

/// A warning when `GenerateCandidateDefinitionsOnly` is true and a deployment is configured:
/// no model is trained, so nothing is deployed.
///
/// Source: API, CreateAutoMLJob.GenerateCandidateDefinitionsOnly ("Generates possible
/// candidates without training the models") and ModelDeployConfig.
pub fn candidate_definitions_only_with_deployment(req: &Request, out: &mut Vec<Diagnostic>) {
    if req
        .at(&["GenerateCandidateDefinitionsOnly"])
        .and_then(Node::as_bool)
        == Some(true)
        && req.at(&["ModelDeployConfig"]).is_some()
    {
        out.push(warning(
            "deploy-without-training",
            "/ModelDeployConfig",
            "ModelDeployConfig has nothing to deploy: GenerateCandidateDefinitionsOnly is true, so no model is trained",
        ).about(&["/GenerateCandidateDefinitionsOnly"]));
    }
}

/// A warning when a security group or subnet ID is listed twice: the duplicate adds nothing
/// and usually stands where a different ID was meant.
///
/// Source: API, VpcConfig.SecurityGroupIds and VpcConfig.Subnets (sets of IDs in the VPC).
pub fn vpc_ids_unique(req: &Request, out: &mut Vec<Diagnostic>) {
    for member in ["SecurityGroupIds", "Subnets"] {
        let Some(ids) = req
            .at(&["AutoMLJobConfig", "SecurityConfig", "VpcConfig", member])
            .and_then(Node::as_array)
        else {
            continue;
        };
        // A map, not a set: the crate's one hash table type (see `tag_keys`).
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id.as_str() else { continue };
            if seen.insert(id, i).is_some() {
                out.push(warning(
                    "vpc-duplicate-id",
                    &format!("/AutoMLJobConfig/SecurityConfig/VpcConfig/{member}/{i}"),
                    &format!("{member} lists \"{id}\" more than once"),
                ));
            }
        }
    }
}

/// A warning for a column name or an S3 location that starts or ends with white space: the
/// service keeps it as part of the name, so a column `churned ` or an object key ending in a
/// space is not the one meant (a pasted value, usually). RoleArn has its own error (its
/// pattern refuses the space).
///
/// Source: API, AutoMLChannel.TargetAttributeName ("The name of the target variable") and
/// SampleWeightAttributeName, AutoMLS3DataSource.S3Uri, AutoMLOutputDataConfig.S3OutputPath
/// (names and locations, taken as written: their patterns allow any character).
pub fn names_without_pasted_white_space(req: &Request, out: &mut Vec<Diagnostic>) {
    let mut places: Vec<(String, &str)> = Vec::new();
    for channel in req.channels() {
        for member in ["TargetAttributeName", "SampleWeightAttributeName"] {
            if let Some(value) = channel.str(member) {
                places.push((channel.pointer(member), value));
            }
        }
        if let Some(uri) = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3Uri"])
            .and_then(Node::as_str)
        {
            places.push((channel.pointer("DataSource/S3DataSource/S3Uri"), uri));
        }
    }
    if let Some(path) = req.str_at(&["OutputDataConfig", "S3OutputPath"]) {
        places.push(("/OutputDataConfig/S3OutputPath".to_string(), path));
    }
    for (pointer, value) in places {
        let trimmed = value.trim();
        if trimmed.is_empty() || trimmed.len() == value.len() {
            continue;
        }
        let member = pointer.rsplit('/').next().unwrap_or_default();
        let (edge, c) = match value.chars().next() {
            Some(c) if c.is_whitespace() => ("starts", c),
            _ => ("ends", value.chars().next_back().unwrap_or(' ')),
        };
        let what = match c {
            ' ' => "a space",
            '\t' => "a tab",
            '\n' | '\r' => "a line break",
            _ => "white space",
        };
        out.push(warning(
            "white-space-edge",
            &pointer,
            &format!(
                "{member} \"{trimmed}\" {edge} with {what} (pasted?): the service keeps it as part of the {}; remove it unless it really is there",
                if member.starts_with("S3") { "location" } else { "column name" }
            ),
        ));
    }
}

/// A warning for an `s3://` location whose bucket name no bucket can have: the model's pattern
/// takes any bucket name, so the service accepts the request, and the job fails only when
/// SageMaker reads or writes there. Every member that holds an S3 location is checked:
/// each channel's `S3Uri`, `S3OutputPath` and `FeatureSpecificationS3Uri`.
///
/// Only `s3://bucket/...` locations: an `https://` one names its bucket in the host or in the
/// path, in several styles (virtual-hosted, path-style, access point and regional endpoints),
/// and is left alone. White space at either end is the `white-space-edge` warning's; the name
/// is read without it. A location the model already faults (not `s3://` or `https://`, no
/// bucket, over 1024 characters) has that error alone, as for every documented rule.
///
/// The first problem is reported, in this order: fewer than 3 or more than 255 characters; a
/// character other than a letter, digit, dot, hyphen or underscore; a first or last character
/// that is not a letter or digit; two dots in a row; four groups of 1 to 3 digits joined by
/// dots (an IPv4 address); a reserved prefix (`xn--`, `sthree-`, which also covers
/// `sthree-configurator`, and `amzn-s3-demo-`, the placeholder of AWS's examples). Then what
/// only an old bucket may have: buckets created in us-east-1 before March 1, 2018 may have up
/// to 255 characters, uppercase letters and underscores, so more than 63 characters, an
/// uppercase letter or an underscore is reported with that said.
///
/// Not reported, though the page lists them: the reserved suffixes `-s3alias`, `--ol-s3`,
/// `.mrap`, `--x-s3` and `--table-s3`. No general purpose bucket ends with them because they
/// mark what stands in a bucket's place: an access point alias, an Object Lambda access point
/// alias, a Multi-Region Access Point, a directory bucket, an S3 Tables bucket's storage. A
/// location with such a name is deliberate, not a mistyped bucket (S3's API takes an access
/// point alias "in place of the bucket name"). Nor the `-an` suffix, allowed only to buckets
/// in an account's regional namespace: that rule is recent, and older buckets in the global
/// namespace may end with `-an`.
///
/// Source: S3/naming ("Bucket names must be between 3 (min) and 63 (max) characters long",
/// "can consist only of lowercase letters, numbers, periods (.), and hyphens (-)", "must begin
/// and end with a letter or number", "must not contain two adjacent periods", "must not be
/// formatted as an IP address", "must not start with the prefix xn--", "sthree-",
/// "amzn-s3-demo-", and the reserved suffixes); for the legacy names, the S3 guide's earlier
/// text on bucket restrictions (until March 1, 2018, buckets created in us-east-1 could have
/// up to 255 characters, uppercase letters and underscores; such buckets still exist), which
/// is not among the parts of the current naming page read for this rule; API,
/// AutoMLS3DataSource.S3Uri, AutoMLOutputDataConfig.S3OutputPath and
/// AutoMLCandidateGenerationConfig.FeatureSpecificationS3Uri (S3 locations).
pub fn s3_bucket_names(req: &Request, out: &mut Vec<Diagnostic>) {
    let mut places: Vec<(String, &str)> = Vec::new();
    for channel in req.channels() {
        if let Some(uri) = channel
            .node
            .at(&["DataSource", "S3DataSource", "S3Uri"])
            .and_then(Node::as_str)
        {
            places.push((channel.pointer("DataSource/S3DataSource/S3Uri"), uri));
        }
    }
    for (pointer, keys) in [
        (
            "/OutputDataConfig/S3OutputPath",
            &["OutputDataConfig", "S3OutputPath"][..],
        ),
        (
            "/AutoMLJobConfig/CandidateGenerationConfig/FeatureSpecificationS3Uri",
            &[
                "AutoMLJobConfig",
                "CandidateGenerationConfig",
                "FeatureSpecificationS3Uri",
            ][..],
        ),
    ] {
        if let Some(uri) = req.str_at(keys) {
            places.push((pointer.to_string(), uri));
        }
    }
    for (pointer, uri) in places {
        let Some(rest) = uri.trim().strip_prefix("s3://") else {
            continue;
        };
        let bucket = rest.split('/').next().unwrap_or_default();
        let Some(problem) = bucket_name_problem(bucket) else {
            continue;
        };
        let member = pointer.rsplit('/').next().unwrap_or_default();
        out.push(warning(
            "s3-bucket-name",
            &pointer,
            &format!(
                "{member} names the bucket \"{}\", which {problem}",
                crate::check::shorten(bucket, 80)
            ),
        ));
    }
}

/// What the old us-east-1 buckets may have that others may not (S3/naming, legacy names).
const OLD_BUCKETS: &str = "only a bucket created in us-east-1 before March 1, 2018 can have";
const UNLESS_OLD: &str = "unless yours is such an old bucket,";
const AS_LISTED: &str = "write the name exactly as the S3 console lists it";

/// The first reason no bucket can be named `name` (see [`s3_bucket_names`]), as the end of a
/// sentence that starts "… names the bucket "name", which"; `None` for a name a bucket may
/// have, and for an empty one (nothing to say beyond the other findings).
fn bucket_name_problem(name: &str) -> Option<String> {
    let len = name.chars().count();
    if len == 0 {
        return None;
    }
    if len < 3 {
        return Some(format!(
            "is {len} character{} long: bucket names have 3 to 63 characters, so no bucket has this name; write your bucket's whole name",
            if len == 1 { "" } else { "s" }
        ));
    }
    if len > 255 {
        return Some(format!(
            "is {len} characters long: bucket names have at most 63 characters (255 for a bucket created in us-east-1 before March 1, 2018), so no bucket has this name; check that a / ends the bucket's name"
        ));
    }
    let chars: Vec<char> = name.chars().collect();
    if let Some(i) = chars
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
    {
        return Some(format!(
            "has {} at character {}: bucket names have only lowercase letters, digits, dots and hyphens, so no bucket has this name; {AS_LISTED}",
            crate::check::describe_char(chars[i]),
            i + 1
        ));
    }
    for (edge, c) in [("starts", chars[0]), ("ends", chars[len - 1])] {
        if !c.is_ascii_alphanumeric() {
            return Some(format!(
                "{edge} with {}: bucket names start and end with a letter or digit, so no bucket has this name; remove it",
                punctuation(c)
            ));
        }
    }
    if let Some(i) = name.find("..") {
        return Some(format!(
            "has two dots in a row at characters {} and {}: bucket names never do, so no bucket has this name; remove one of them",
            i + 1,
            i + 2
        ));
    }
    if is_ipv4_shaped(name) {
        return Some(
            "is written as an IP address: bucket names never are, so no bucket has this name; an s3:// location starts with the name of a bucket, not the address of a server".to_string(),
        );
    }
    for (prefix, reserved_for) in [
        ("xn--", "for internationalized domain names"),
        ("sthree-", "for its own use"),
        ("amzn-s3-demo-", "for the examples in AWS's documentation"),
    ] {
        if name.starts_with(prefix) {
            return Some(format!(
                "starts with \"{prefix}\", a prefix S3 reserves {reserved_for}, so no bucket of yours has this name; write your bucket's name"
            ));
        }
    }
    if len > 63 {
        return Some(format!(
            "is {len} characters long: bucket names have at most 63 characters, and {OLD_BUCKETS} up to 255; {UNLESS_OLD} check that a / ends the bucket's name"
        ));
    }
    let (i, c) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| c.is_ascii_uppercase() || **c == '_')?;
    Some(if *c == '_' {
        format!(
            "has an underscore (_) at character {}: bucket names have no underscores, and {OLD_BUCKETS} them; {UNLESS_OLD} {AS_LISTED}",
            i + 1
        )
    } else {
        format!(
            "has an uppercase letter '{c}' at character {}: bucket names are in lowercase, and {OLD_BUCKETS} uppercase letters; {UNLESS_OLD} {AS_LISTED}",
            i + 1
        )
    })
}

/// A dot, hyphen or underscore by name.
fn punctuation(c: char) -> String {
    match c {
        '.' => "a dot (.)".to_string(),
        '-' => "a hyphen (-)".to_string(),
        '_' => "an underscore (_)".to_string(),
        c => crate::check::describe_char(c),
    }
}

/// Four groups of 1 to 3 ASCII digits joined by dots, as an IPv4 address is written.
fn is_ipv4_shaped(name: &str) -> bool {
    let groups: Vec<&str> = name.split('.').collect();
    groups.len() == 4
        && groups
            .iter()
            .all(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()))
}

/// A warning for a wildcard in an `S3Prefix` location: "If you choose S3Prefix, S3Uri
/// identifies a key name prefix. SageMaker uses all objects that match the specified key name
/// prefix" (*API*, `AutoMLS3DataSource.S3Uri`). A prefix is compared as written, so
/// `s3://acme/train/*.csv` reads only keys that begin with `train/*.csv` — most likely none —
/// and the job fails when it finds no data. `*` and `?` are valid in keys, so the service
/// accepts the request.
pub fn s3_prefix_without_wildcards(req: &Request, out: &mut Vec<Diagnostic>) {
    for channel in req.channels() {
        let source = ["DataSource", "S3DataSource"];
        let Some(s3) = channel.node.at(&source) else {
            continue;
        };
        if s3.get("S3DataType").and_then(Node::as_str) != Some("S3Prefix") {
            continue;
        }
        let Some(uri) = s3.get("S3Uri").and_then(Node::as_str) else {
            continue;
        };
        let Some(wild) = uri.chars().find(|c| matches!(c, '*' | '?')) else {
            continue;
        };
        let folder = match uri.find(['*', '?']) {
            Some(at) => &uri[..uri[..at].rfind('/').map_or(at, |slash| slash + 1)],
            None => uri,
        };
        out.push(warning(
            "s3-prefix-wildcard",
            &channel.pointer("DataSource/S3DataSource/S3Uri"),
            &format!(
                "S3Uri \"{uri}\" has '{wild}' in an S3Prefix location: a prefix is matched as written, not as a pattern, so only objects whose keys begin with those very characters are read; write the folder ({folder}), or list the files in a manifest (S3DataType ManifestFile)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::bucket_name_problem;

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
