//! `CreateAutoMLJobV2`'s settings that depend on the problem type: the objective metric, the
//! number of candidates, the compute configuration.

use super::layout::Problem;
use super::objective::{metrics_for, problem_noun};
use super::{error, warning, Request};
use crate::diag::Findings;
use crate::json::Node;

/// The objective metrics of time-series forecasting, its default last (API,
/// AutoMLJobObjective.MetricName: "RMSE, wQL, Average wQL, MASE, MAPE, WAPE … Default
/// objective metrics: AverageWeightedQuantileLoss"; the model's enum spells Average wQL
/// `AverageWeightedQuantileLoss` and has no plain wQL).
pub const TIME_SERIES_OBJECTIVES: [&str; 5] = [
    "RMSE",
    "MASE",
    "MAPE",
    "WAPE",
    "AverageWeightedQuantileLoss",
];

/// The objective metric suits the problem type: for tabular jobs the metrics of the
/// `ProblemType` (as in V1); for time-series forecasting RMSE, MASE, MAPE, WAPE or
/// AverageWeightedQuantileLoss; for image and text classification Accuracy only. Text
/// generation takes no objective: a warning, since the reference says it is not required
/// rather than refused.
///
/// Source: API, AutoMLJobObjective.MetricName (a list per problem type; "For image or text
/// classification problem types: List of available metrics: Accuracy"; "Fine-tuning language
/// models in Autopilot does not require setting the AutoMLJobObjective field … Autopilot
/// directly fine-tunes your target model to enhance a default objective metric, the
/// cross-entropy loss"); CreateAutoMLJobV2.AutoMLJobObjective.
pub fn objective_suits_problem_type(req: &Request, out: &mut Findings) {
    const PATH: &str = "/AutoMLJobObjective/MetricName";
    let Some(metric) = req.str(PATH) else {
        return;
    };
    let problem = req.layout.problem;
    let config = req.layout.config.unwrap_or_default();
    let (allowed, default): (&[&str], &str) = match problem {
        Problem::Tabular => {
            let Some(pt_path) = req.layout.problem_type else {
                return;
            };
            let tabular: Vec<&str> = [
                "Regression",
                "BinaryClassification",
                "MulticlassClassification",
            ]
            .iter()
            .filter_map(|p| metrics_for(p))
            .flat_map(|(m, _)| m.iter().copied())
            .collect();
            if !tabular.contains(&metric) && TIME_SERIES_OBJECTIVES.contains(&metric) {
                out.push(error(
                    "metric-problem-type",
                    PATH,
                    &format!("{metric} is a time-series forecasting metric; tabular jobs use MAE, MSE, R2, RMSE (regression) or Accuracy, AUC, BalancedAccuracy, F1, F1macro, Precision, PrecisionMacro, Recall, RecallMacro (classification)"),
                    &format!("Metric {metric} is not supported for this problem type."),
                ).about(&[config]));
                return;
            }
            let Some(problem_type) = req.str(pt_path) else {
                return;
            };
            let Some((metrics, default)) = metrics_for(problem_type) else {
                return;
            };
            if metrics.contains(&metric) {
                return;
            }
            out.push(
                error(
                    "metric-problem-type",
                    PATH,
                    &format!(
                        "{metric} does not measure {}; use one of {} (leave AutoMLJobObjective out to get {default})",
                        problem_noun(problem_type),
                        metrics.join(", ")
                    ),
                    &format!("Metric {metric} is not supported for problem type {problem_type}."),
                )
                .about(&[pt_path]),
            );
            return;
        }
        Problem::TimeSeries => (&TIME_SERIES_OBJECTIVES, "AverageWeightedQuantileLoss"),
        Problem::ImageClassification | Problem::TextClassification => (&["Accuracy"], "Accuracy"),
        Problem::TextGeneration => {
            out.push(warning(
                "objective-text-generation",
                "/AutoMLJobObjective",
                "AutoMLJobObjective is not used by text generation: fine-tuning optimizes the cross-entropy loss; leave it out",
            ).about(&[config]));
            return;
        }
        Problem::V1 | Problem::Unknown => return,
    };
    if allowed.contains(&metric) {
        return;
    }
    out.push(
        error(
            "metric-problem-type",
            PATH,
            &format!(
                "{metric} does not measure {}; use {} (leave AutoMLJobObjective out to get {default})",
                problem.words(),
                if allowed.len() == 1 {
                    allowed[0].to_string()
                } else {
                    format!("one of {}", allowed.join(", "))
                }
            ),
            &format!("Metric {metric} is not supported for this problem type."),
        )
        .about(&[config]),
    );
}

/// `CompletionCriteria.MaxCandidates` is 1 for every problem type but tabular: those jobs
/// train one model.
///
/// Source: API, AutoMLJobCompletionCriteria.MaxCandidates ("For text and image
/// classification, time-series forecasting, as well as text generation (LLMs fine-tuning)
/// problem types, the supported value is 1. For tabular problem types, the maximum value is
/// 750").
pub fn max_candidates_one_unless_tabular(req: &Request, out: &mut Findings) {
    if matches!(
        req.layout.problem,
        Problem::Tabular | Problem::V1 | Problem::Unknown
    ) {
        return;
    }
    let Some(criteria) = req.layout.completion else {
        return;
    };
    let path = format!("{criteria}/MaxCandidates");
    let Some(n) = req.int(&path) else {
        return;
    };
    if n > 1 {
        out.push(error(
            "max-candidates-problem-type",
            &path,
            &format!(
                "MaxCandidates must be 1 for {}, not {n}: only tabular jobs train several candidates",
                req.layout.problem.words()
            ),
            "MaxCandidates must be 1 for this problem type.",
        ));
    }
}

/// `AutoMLComputeConfig` (EMR Serverless) is for tabular and time-series jobs only; and the
/// reference says the type is meant for SageMaker Canvas alone, so a request of one's own
/// with it gets a warning.
///
/// Source: API, AutoMLComputeConfig ("This data type is intended for use exclusively by
/// SageMaker Canvas and cannot be used in other contexts at the moment") and
/// AutoMLComputeConfig.EmrServerlessComputeConfig ("EMR Serverless is available for the
/// tabular and time series problem types. We recommend setting up this option for tabular
/// datasets larger than 5 GB and time series datasets larger than 30 GB").
pub fn compute_config_for_tabular_or_time_series(req: &Request, out: &mut Findings) {
    const PATH: &str = "/AutoMLComputeConfig";
    let Some(config) = req.get(PATH) else {
        return;
    };
    if config.as_object().is_none() {
        return;
    }
    let problem = req.layout.problem;
    if matches!(
        problem,
        Problem::ImageClassification | Problem::TextClassification | Problem::TextGeneration
    ) {
        out.push(
            error(
                "compute-problem-type",
                PATH,
                &format!(
                    "AutoMLComputeConfig (EMR Serverless) is available for tabular and time-series jobs only, not {}; remove it",
                    problem.words()
                ),
                "AutoMLComputeConfig is supported only for the tabular and time-series forecasting problem types.",
            )
            .about(&[req.layout.config.unwrap_or_default()]),
        );
        return;
    }
    let size = match problem {
        Problem::TimeSeries => "30 GB",
        _ => "5 GB",
    };
    let role = config
        .at(&["EmrServerlessComputeConfig", "ExecutionRoleARN"])
        .and_then(Node::as_str)
        .is_some();
    out.push(warning(
        "compute-canvas-only",
        PATH,
        &format!(
            "AutoMLComputeConfig is meant for SageMaker Canvas alone, the API reference says (\"cannot be used in other contexts at the moment\"){}; AWS recommends EMR Serverless for datasets larger than {size}",
            if role { "" } else { ", and it needs EmrServerlessComputeConfig.ExecutionRoleARN" }
        ),
    ));
}
