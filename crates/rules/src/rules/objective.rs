//! The objective metric and the problem type it suits.

use super::{error, warning, Request};
use crate::diag::Findings;

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
pub fn objective_metric_suits_problem_type(req: &Request, out: &mut Findings) {
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

pub(super) fn problem_noun(problem_type: &str) -> &'static str {
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
///
/// V2 says the same of `TabularJobConfig.ProblemType` (API, CreateAutoMLJobV2.AutoMLJobObjective:
/// "For tabular problem types: You must either provide both the AutoMLJobObjective and indicate
/// the type of supervised learning problem in AutoMLProblemTypeConfig
/// (TabularJobConfig.ProblemType), or none at all"). The reading the service enforces is not
/// published, so this stays a warning there too, and a problem type without an objective
/// (which gets the problem type's documented default metric) has no finding.
pub fn objective_needs_problem_type(req: &Request, out: &mut Findings) {
    let Some(problem_type) = req.layout.problem_type else {
        return;
    };
    let Some(metric) = req.str_at(&["AutoMLJobObjective", "MetricName"]) else {
        return;
    };
    if req.get(problem_type).is_some() || TIME_SERIES_METRICS.contains(&metric) {
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
        problem_type,
        &format!(
            "ProblemType is not set but the objective {metric} is: Autopilot will infer the problem type, and {metric} suits only {}; set ProblemType as well",
            fits.join(" and ")
        ),
    ).about(&["/AutoMLJobObjective/MetricName"]));
}
