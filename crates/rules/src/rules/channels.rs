//! The input channels: their types, data sources, target and content type, the validation
//! fraction, augmented manifests and sample weights.

use super::layout::Problem;
use super::{error, warning, Channel, Request};
use crate::diag::Findings;
use crate::json::{Node, Value};
use crate::number::{display_f32, display_f64};

/// At most one `training` and one `validation` channel; a validation channel needs a training
/// channel. `ChannelType` defaults to `training`, so two channels without it are two training
/// channels.
///
/// Source: API, AutoMLChannel.ChannelType ("The default value is training"); Guide/datasets
/// ("you can provide … one training dataset and, optionally, one validation dataset").
pub fn channel_types(req: &Request, out: &mut Findings) {
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
pub fn channel_has_data_source(req: &Request, out: &mut Findings) {
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
/// ContentType counts as its default, `text/csv;header=present`, or `image/*` for image
/// classification). V2's channels have no `TargetAttributeName`.
///
/// Source: API, AutoMLChannel.ChannelType ("Channels for training and validation must share
/// the same ContentType and TargetAttributeName"); AutoMLJobChannel.ChannelType ("Channels
/// for training and validation must share the same ContentType").
pub fn channels_share_target_and_content_type(req: &Request, out: &mut Findings) {
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
                &format!("the channels have different content types (\"{a}\" and \"{b}\", an omitted ContentType is {}): training and validation must use the same ContentType", first.default_content_type),
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
/// fraction"). In V2 the fraction is the top-level `DataSplitConfig`'s.
pub fn validation_fraction_with_two_channels(req: &Request, out: &mut Findings) {
    let path = format!("{}/ValidationFraction", req.layout.data_split);
    let Some(fraction) = req.get(&path) else {
        return;
    };
    if fraction.as_f64().is_none() {
        return;
    }
    if let [_, second] = req.channels().as_slice() {
        out.push(error(
            "validation-fraction-with-validation-channel",
            &path,
            "ValidationFraction splits a single training channel; with two channels (training and validation), leave it out",
            "ValidationFraction cannot be specified when a validation channel is provided.",
        ).about(&[&second.pointer("ChannelType")]));
    }
}

/// `ValidationFraction` strictly between 0 and 1 (the model allows both ends); below 0.5
/// advised.
///
/// Source: API, AutoMLDataSplitConfig.ValidationFraction ("values must be greater than 0 and
/// less than 1. We recommend setting this value to be less than 0.5").
pub fn validation_fraction_bounds(req: &Request, out: &mut Findings) {
    let path = format!("{}/ValidationFraction", req.layout.data_split);
    let Some(node) = req.get(&path) else {
        return;
    };
    // The service holds a model `float` in a Java `float`: `0.99999999` is 1.0 there and
    // `1e-46` is 0.0, so the bounds are checked on the value rounded to 32 bits.
    let (Some(x), Some(written), Value::Number(text)) = (node.as_f32(), node.as_f64(), &node.value)
    else {
        return;
    };
    let path = path.as_str();
    if x == 0.0 || x == 1.0 {
        let value = if f64::from(x) == written {
            display_f64(written)
        } else {
            format!(
                "{text} (the service reads it as a 32-bit float, which is {})",
                display_f32(x)
            )
        };
        out.push(error(
            "validation-fraction",
            path,
            &format!("ValidationFraction must be greater than 0 and less than 1, not {value}; the default is 0.2"),
            "ValidationFraction must be greater than 0 and less than 1.",
        ));
    } else if (0.5..1.0).contains(&x) {
        out.push(warning(
            "validation-fraction-large",
            path,
            &format!("ValidationFraction is {}: holding out that much of the data for validation leaves half or less to train on; AWS recommends less than 0.5 (the default is 0.2)", display_f64(written)),
        ));
    }
}

/// `ContentType` is one the problem type reads: `text/csv;header=present` or
/// `x-application/vnd.amazon+parquet` for tabular data, time series, text classification and
/// text generation; `image/png`, `image/jpeg` or `image/*` for image classification.
///
/// Severity: error. The model accepts any text, but these are the only ones the documentation
/// allows, and Autopilot cannot read data announced as anything else: the job fails after it
/// has started, which is exactly the round trip this tool exists to save.
///
/// Source: API, AutoMLChannel.ContentType ("You can use text/csv;header=present or
/// x-application/vnd.amazon+parquet"); AutoMLJobChannel.ContentType ("The following are the
/// allowed content types for different problems", a list per problem type).
pub fn content_type_supported(req: &Request, out: &mut Findings) {
    let allowed = req.layout.content_types;
    if allowed.is_empty() {
        return;
    }
    for channel in req.channels() {
        let Some(ct) = channel.node.get("ContentType").and_then(Node::as_str) else {
            continue;
        };
        if allowed.contains(&ct) {
            continue;
        }
        let lower = ct.to_ascii_lowercase();
        let image = req.layout.problem == Problem::ImageClassification;
        let hint = if image && lower.starts_with("image/") {
            " (write image/png, image/jpeg, or image/* for a mix)"
        } else if image && (lower.contains("csv") || lower.contains("parquet")) {
            " (image classification reads the images themselves, listed by an S3 prefix or a manifest)"
        } else if image {
            ""
        } else if ct.eq_ignore_ascii_case("text/csv") || ct.starts_with("text/csv") {
            " (for CSV write exactly text/csv;header=present: the file must have a header row)"
        } else if lower.contains("parquet") {
            " (for Parquet write exactly x-application/vnd.amazon+parquet)"
        } else if lower.starts_with("image/") && req.layout.problem == Problem::V1 {
            " (images are classified by CreateAutoMLJobV2, with ImageClassificationJobConfig)"
        } else if lower.starts_with("image/") {
            " (images are for ImageClassificationJobConfig)"
        } else {
            ""
        };
        let reader = match req.layout.problem {
            Problem::V1 => "Autopilot reads".to_string(),
            p => format!("{} jobs read", p.words()),
        };
        let list = match allowed {
            [a, b] => format!("{a} and {b}"),
            [a, b, c] => format!("{a}, {b} and {c}"),
            more => more.join(", "),
        };
        out.push(error(
            "content-type",
            &channel.pointer("ContentType"),
            &format!("{reader} only {list}, not \"{ct}\"{hint}"),
            &format!("Unsupported content type: {ct}"),
        ));
    }
}

/// `AugmentedManifestFile` is for V2 jobs (`CreateAutoMLJobV2`) only.
///
/// Source: API, AutoMLS3DataSource.S3DataType ("AugmentedManifestFile is available for V2 API
/// jobs only").
pub fn augmented_manifest_v2_only(req: &Request, out: &mut Findings) {
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
/// datasets of 100 MB or more, so the weights may be refused: a warning. V1 names the weights
/// in each channel, V2 in `TabularJobConfig`.
///
/// Source: API, AutoMLChannel.SampleWeightAttributeName and
/// TabularJobConfig.SampleWeightAttributeName ("Support for sample weights is available in
/// Ensembling mode only"); API, AutoMLJobConfig.Mode and TabularJobConfig.Mode ("In AUTO
/// mode, Autopilot chooses ENSEMBLING for datasets smaller than 100 MB, and
/// HYPERPARAMETER_TUNING for larger ones").
pub fn sample_weights_need_ensembling(req: &Request, out: &mut Findings) {
    let Some(mode_path) = req.layout.mode else {
        return;
    };
    let mode = req.mode();
    let mut weights: Vec<String> = req
        .channels()
        .iter()
        .filter(|c| c.str("SampleWeightAttributeName").is_some())
        .map(|c| c.pointer("SampleWeightAttributeName"))
        .collect();
    if let Some(path) = req.layout.sample_weight {
        if req.str(path).is_some() {
            weights.push(path.to_string());
        }
    }
    for path in weights {
        match mode {
            Some("HYPERPARAMETER_TUNING") => out.push(error(
                "sample-weight-mode",
                &path,
                "sample weights work only in ENSEMBLING mode; remove SampleWeightAttributeName or set Mode to ENSEMBLING",
                "Sample weights are supported only in ENSEMBLING mode.",
            ).about(&[mode_path])),
            Some("AUTO") => out.push(warning(
                "sample-weight-auto-mode",
                &path,
                "SampleWeightAttributeName works only in ENSEMBLING mode; with Mode AUTO (the default) Autopilot picks HYPERPARAMETER_TUNING for datasets of 100 MB or more: set Mode to ENSEMBLING to be sure",
            ).about(&[mode_path])),
            _ => {}
        }
    }
}
