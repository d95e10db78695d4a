//! Text: classification's columns, and text generation's base model, hyperparameters and
//! license agreement.

use super::layout::Problem;
use super::{error, Request};
use crate::diag::Findings;
use crate::json::{escape_pointer_token, Node};
use crate::wording::text::shorten;

const TEXT: &str = "/AutoMLProblemTypeConfig/TextClassificationJobConfig";
const GENERATION: &str = "/AutoMLProblemTypeConfig/TextGenerationJobConfig";

/// Text classification reads the sentences and the labels from two different columns.
///
/// Source: API, TextClassificationJobConfig.ContentColumn ("It should not be the same as the
/// target column") and TargetLabelColumn ("It should not be same as the content column").
pub fn content_and_label_columns_differ(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TextClassification {
        return;
    }
    let content = format!("{TEXT}/ContentColumn");
    let label = format!("{TEXT}/TargetLabelColumn");
    if let (Some(a), Some(b)) = (req.str(&content), req.str(&label)) {
        if a == b {
            out.push(
                error(
                    "text-columns-same",
                    &label,
                    &format!("TargetLabelColumn and ContentColumn are both \"{a}\": the labels and the sentences to classify are two different columns"),
                    "ContentColumn and TargetLabelColumn must be different columns.",
                )
                .about(&[&content]),
            );
        }
    }
}

/// The base models Autopilot fine-tunes, as `BaseModelName` (developer guide, "Supported large
/// language models for fine-tuning", `autopilot-llms-finetuning-models.html`, and "Dataset
/// file types and input data format", which lists the same names with their row limits).
pub const BASE_MODELS: [&str; 18] = [
    "Dolly3B",
    "Dolly7B",
    "Dolly12B",
    "Falcon7B",
    "Falcon7BInstruct",
    "Falcon40B",
    "Falcon40BInstruct",
    "FlanT5L",
    "FlanT5XL",
    "FlanT5XXL",
    "Llama2-7B",
    "Llama2-7BChat",
    "Llama2-13B",
    "Llama2-13BChat",
    "Mistral7B",
    "Mistral7BInstruct",
    "MPT7B",
    "MPT7BInstruct",
];

/// The base models whose license must be accepted: Meta's Llama 2 models, the gated ones of
/// the list (JumpStart `meta-textgeneration-llama-2-*`).
fn needs_eula(model: &str) -> bool {
    model.starts_with("Llama2-")
}

/// `BaseModelName` is one of the models Autopilot fine-tunes (the default, when it is left
/// out, is Falcon7BInstruct). Severity: error: the list is the documented set, and a name
/// outside it (a JumpStart model ID, a Hugging Face name, another case) names no model the
/// job can fine-tune.
///
/// Source: API, TextGenerationJobConfig.BaseModelName ("For information on the list of
/// supported models, see Text generation models supporting fine-tuning in Autopilot. If no
/// BaseModelName is provided, the default model used is Falcon7BInstruct"); developer guide,
/// "Supported large language models for fine-tuning" (`autopilot-llms-finetuning-models.html`).
pub fn base_model_supported(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TextGeneration {
        return;
    }
    let path = format!("{GENERATION}/BaseModelName");
    let Some(name) = req.str(&path) else {
        return;
    };
    if BASE_MODELS.contains(&name) {
        return;
    }
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let wanted = squash(name);
    let hint = BASE_MODELS
        .iter()
        .find(|m| squash(m) == wanted)
        .map(|m| format!(" (did you mean {m}?)"))
        .unwrap_or_default();
    out.push(error(
        "base-model",
        &path,
        &format!(
            "BaseModelName \"{}\" is not a model Autopilot fine-tunes{hint}; use one of {}",
            shorten(name, 60),
            BASE_MODELS.join(", ")
        ),
        &format!("Unsupported base model name: {name}"),
    ));
}

/// `ModelAccessConfig.AcceptEula` is true for a base model whose end-user license agreement
/// must be accepted (Meta's Llama 2 models). Severity: error: the guide says the acceptance
/// "must" be declared when creating the job.
///
/// Source: developer guide, "Supported large language models for fine-tuning" ("For
/// fine-tuning models that require the acceptance of an end-user license agreement, you must
/// explicitly declare EULA acceptance when creating your AutoML job"); API,
/// ModelAccessConfig.AcceptEula ("The AcceptEula value must be explicitly defined as True in
/// order to accept the EULA that this model requires").
pub fn gated_model_needs_eula(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TextGeneration {
        return;
    }
    let Some(model) = req.str(&format!("{GENERATION}/BaseModelName")) else {
        return;
    };
    if !needs_eula(model) {
        return;
    }
    let access = format!("{GENERATION}/ModelAccessConfig");
    let accept = format!("{access}/AcceptEula");
    let (path, why) = match req.get(&access) {
        None => (access.clone(), "ModelAccessConfig is not set"),
        Some(config) => match config.get("AcceptEula").map(Node::as_bool) {
            Some(Some(true)) => return,
            Some(Some(false)) => (accept.clone(), "AcceptEula is false"),
            // Missing (the model's `required`) or not a boolean (a type error): said already.
            _ => return,
        },
    };
    out.push(
        error(
            "eula-not-accepted",
            &path,
            &format!("{model} has a license agreement (EULA) to accept, and {why}: set ModelAccessConfig.AcceptEula to true, once you have read and accepted Meta's license"),
            &format!("The EULA of model {model} must be accepted: set ModelAccessConfig.AcceptEula to True."),
        )
        .about(&[&format!("{GENERATION}/BaseModelName")]),
    );
}

/// A text-generation hyperparameter: its key, whether it is an integer, and its range.
struct HyperParameter {
    key: &'static str,
    integer: bool,
    min: f64,
    max: f64,
}

const HYPERPARAMETERS: [HyperParameter; 4] = [
    HyperParameter {
        key: "epochCount",
        integer: true,
        min: 1.0,
        max: 10.0,
    },
    HyperParameter {
        key: "batchSize",
        integer: true,
        min: 1.0,
        max: 64.0,
    },
    HyperParameter {
        key: "learningRate",
        integer: false,
        min: 0.0,
        max: 1.0,
    },
    HyperParameter {
        key: "learningRateWarmupSteps",
        integer: true,
        min: 0.0,
        max: 250.0,
    },
];

/// `TextGenerationHyperParameters` holds only `epochCount` (an integer from 1 to 10),
/// `batchSize` (1 to 64), `learningRate` (a number from 0 to 1) and `learningRateWarmupSteps`
/// (an integer from 0 to 250), each written as a string. Keys are case-sensitive.
///
/// Source: API, TextGenerationJobConfig.TextGenerationHyperParameters ("You can set any
/// combination of the following hyperparameters for all base models", then each key with
/// "Its value should be a string containing an integer value within the range of "1" to
/// "10"" and so on, and the example `{ "epochCount":"5", "learningRate":"0.5", "batchSize":
/// "32", "learningRateWarmupSteps": "10" }`).
pub fn text_generation_hyperparameters(req: &Request, out: &mut Findings) {
    if req.layout.problem != Problem::TextGeneration {
        return;
    }
    let base = format!("{GENERATION}/TextGenerationHyperParameters");
    let Some(entries) = req.get(&base).and_then(Node::as_object) else {
        return;
    };
    let keys: Vec<&str> = HYPERPARAMETERS.iter().map(|h| h.key).collect();
    for entry in entries {
        let path = format!("{base}/{}", escape_pointer_token(&entry.key));
        let Some(h) = HYPERPARAMETERS.iter().find(|h| h.key == entry.key) else {
            let hint = keys
                .iter()
                .find(|k| k.eq_ignore_ascii_case(&entry.key))
                .map(|k| format!(" (keys are case-sensitive: write {k})"))
                .unwrap_or_default();
            out.push(error(
                "hyperparameter-key",
                &path,
                &format!(
                    "\"{}\" is not a text-generation hyperparameter{hint}; the keys are {}",
                    shorten(&entry.key, 40),
                    keys.join(", ")
                ),
                &format!("Unsupported hyperparameter: {}", entry.key),
            ));
            continue;
        };
        let Some(text) = entry.value.as_str() else {
            continue;
        };
        let kind = if h.integer { "an integer" } else { "a number" };
        let number = if h.integer {
            text.parse::<i64>().ok().map(|n| n as f64)
        } else {
            text.parse::<f64>().ok().filter(|x| x.is_finite())
        };
        let ok = number.is_some_and(|x| x >= h.min && x <= h.max);
        if !ok {
            let range = if h.integer {
                format!("{} to {}", h.min as i64, h.max as i64)
            } else {
                format!("{} to {}", h.min, h.max)
            };
            out.push(error(
                "hyperparameter-value",
                &path,
                &format!(
                    "{} must be {kind} from {range}, written as a string, not \"{}\"",
                    h.key,
                    shorten(text, 20)
                ),
                &format!("Invalid value for hyperparameter {}: {text}", h.key),
            ));
        }
    }
}
