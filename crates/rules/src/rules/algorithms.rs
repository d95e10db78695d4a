//! The training mode's algorithms: which exist, which each mode accepts, and how many.

use super::layout::Problem;
use super::{error, warning, Request};
use crate::diag::Findings;
use crate::json::Node;

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
///
/// In V2 the same holds for `TabularJobConfig`; `TimeSeriesForecastingJobConfig` has no mode,
/// and its algorithms are the time-series ones (API, CandidateGenerationConfig.AlgorithmsConfig
/// and AutoMLAlgorithmConfig.AutoMLAlgorithms: "For the time-series forecasting problem type
/// … Choose your algorithms from this list").
pub fn algorithms_config(req: &Request, out: &mut Findings) {
    let Some(generation) = req.layout.candidate_generation else {
        return;
    };
    let base = format!("{generation}/AlgorithmsConfig");
    let base = base.as_str();
    let Some(configs) = req.get(base).and_then(Node::as_array) else {
        return;
    };
    let problem = req.layout.problem;
    let mode = req.mode();
    let mode_path = req.layout.mode.unwrap_or_default();
    if let (Some("AUTO"), Some(mode_at)) = (mode, req.layout.mode) {
        let written = req.get(mode_at).is_some();
        out.push(error(
            "algorithms-with-auto-mode",
            base,
            &format!(
                "AlgorithmsConfig cannot be used when Mode is AUTO{}: set Mode to ENSEMBLING or HYPERPARAMETER_TUNING, or remove AlgorithmsConfig",
                if written { "" } else { " (the default)" }
            ),
            "AlgorithmsConfig should not be set when the training mode is AUTO.",
        ).about(&[mode_at]));
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
            if problem == Problem::TimeSeries {
                if !TIME_SERIES_ALGORITHMS.contains(&name) && is_known_algorithm(name) {
                    out.push(error(
                        "algorithm-problem-type",
                        &path,
                        &format!(
                            "\"{name}\" is a tabular algorithm; time-series forecasting uses {}",
                            TIME_SERIES_ALGORITHMS.join(", ")
                        ),
                        &format!("Algorithm {name} is not supported for this problem type."),
                    ));
                }
                continue;
            }
            if TIME_SERIES_ALGORITHMS.contains(&name) {
                let (code, message) = if problem == Problem::V1 {
                    ("algorithm-v2-only", format!("\"{name}\" is a time-series forecasting algorithm, available only with CreateAutoMLJobV2"))
                } else {
                    ("algorithm-problem-type", format!("\"{name}\" is a time-series forecasting algorithm, for TimeSeriesForecastingJobConfig; tabular jobs use the algorithms of their mode"))
                };
                out.push(error(
                    code,
                    &path,
                    &message,
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
                    .about(&[mode_path]),
                );
            }
        }
    }
}

fn is_known_algorithm(name: &str) -> bool {
    ENSEMBLING_ALGORITHMS.contains(&name) || HPO_ALGORITHMS.contains(&name)
}
