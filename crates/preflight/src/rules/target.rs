//! The target column against the problem type: the classes or values the training data holds,
//! the problem type Autopilot would infer when none is set and the metric it implies (moved
//! out of `rules.rs`; the same sources).

use super::*;

/// The target's values, as far as one pass can tell, over every CSV file of the (first)
/// training channel (an S3 prefix may hold several): the files' counts merged, bounded as
/// in one file ([`TargetCounts::merge`]).
struct TargetFacts<'a> {
    pos: usize,
    result: &'a ChannelResult,
    /// The file the values are from, or "the N files of the training channel".
    files: String,
    distinct: usize,
    more: bool,
    text: u64,
    fractional: bool,
    /// The first value that is not a number, its line and its file.
    first_text: Option<(String, u64, &'a str)>,
    examples: Vec<String>,
}

fn target_facts(results: &[ChannelResult]) -> Option<TargetFacts<'_>> {
    let channel = results.iter().find(|r| !r.plan.validation)?.plan.index;
    let mut first: Option<(usize, &ChannelResult)> = None;
    let mut merged: Option<TargetCounts> = None;
    let mut files = 0u64;
    let mut first_text = None;
    for (pos, r) in results.iter().enumerate() {
        if r.plan.validation || r.plan.index != channel {
            continue;
        }
        let Some(stats) = csv_stats(r) else { continue };
        if stats.target_index.is_none() {
            continue;
        }
        let t = &stats.target;
        files += 1;
        first.get_or_insert((pos, r));
        if first_text.is_none() {
            first_text = t
                .first_text
                .as_ref()
                .map(|(v, line)| (v.clone(), *line, r.file.as_str()));
        }
        match &mut merged {
            None => merged = Some(t.clone()),
            Some(m) => m.merge(t),
        }
    }
    let ((pos, result), t) = (first?, merged?);
    if t.numeric + t.text == 0 {
        return None;
    }
    let mut classes: Vec<(&[u8], u64)> = t.classes.iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    Some(TargetFacts {
        pos,
        result,
        files: if files == 1 {
            result.file.clone()
        } else {
            format!("the {files} files of the {} channel", result.plan.kind())
        },
        distinct: t.classes.len(),
        more: t.other > 0,
        text: t.text,
        fractional: t.fractional,
        first_text,
        examples: classes
            .iter()
            .take(5)
            .map(|(v, _)| format!("'{}'", shown(&String::from_utf8_lossy(v))))
            .collect(),
    })
}

fn distinct_text(f: &TargetFacts) -> String {
    if f.more {
        format!("more than {} distinct values", f.distinct)
    } else {
        plural(f.distinct as u64, "distinct value", "distinct values")
    }
}

/// The problem type suits the target: binary classification needs exactly two classes,
/// multiclass more than two, regression numbers.
///
/// Source: Guide, "Autopilot problem types" (binary classification "assigns individuals to
/// one of two predefined and mutually exclusive classes"; multiclass classification "to one
/// of several classes"; regression "estimates the values of a dependent target variable").
pub fn problem_type_suits_target(plan: &Plan, results: &[ChannelResult], out: &mut Vec<Finding>) {
    let Some(problem) = plan.problem_type.as_deref() else {
        return;
    };
    let Some(f) = target_facts(results) else {
        return;
    };
    let target_path = f.result.plan.pointer("TargetAttributeName");
    let column = shown(f.result.plan.target.as_deref().unwrap_or(""));
    let examples = f.examples.join(", ");
    let message = match problem {
        "BinaryClassification" if f.distinct != 2 || f.more => Some(format!(
            "ProblemType is BinaryClassification, which needs exactly two classes, but the target '{column}' in {} has {} ({examples}{})",
            f.files,
            distinct_text(&f),
            if f.distinct > 5 || f.more { ", …" } else { "" }
        )),
        "MulticlassClassification" if f.distinct <= 2 && !f.more => Some(format!(
            "ProblemType is MulticlassClassification, but the target '{column}' in {} has {} ({examples}): {}",
            f.files,
            distinct_text(&f),
            if f.distinct == 2 { "use BinaryClassification" } else { "a classifier needs at least two classes" }
        )),
        "Regression" if f.text > 0 => {
            let (value, line, file) = f.first_text.clone().unwrap_or_default();
            let place = if file == f.files {
                format!("line {line}")
            } else {
                format!("line {line} of {file}")
            };
            Some(format!(
                "ProblemType is Regression, but the target '{column}' in {} is not numeric: {} not numbers, the first '{}' on {place}",
                f.files,
                plural(f.text, "value is", "values are"),
                shown(&value)
            ))
        }
        _ => None,
    };
    if let Some(message) = message {
        out.push(
            warning(
                "problem-type-target",
                plan.problem_type_pointer().to_string(),
                message,
            )
            .in_channel(f.pos)
            .about(&[&target_path]),
        );
    }
}

/// The objective metrics of each problem type and its default.
///
/// Source: API, AutoMLJobObjective.MetricName ("Regression: MAE, MSE, R2, RMSE. Binary
/// classification: Accuracy, AUC, BalancedAccuracy, F1, Precision, Recall. Multiclass
/// classification: Accuracy, BalancedAccuracy, F1macro, PrecisionMacro, RecallMacro";
/// "Default objective metrics: Regression: MSE. Binary classification: F1. Multiclass
/// classification: Accuracy"). Kept here rather than taken from `automl_rules::rules`, whose
/// paths are being re-laid out.
pub fn metrics_for(problem: &str) -> (&'static [&'static str], &'static str) {
    match problem {
        "Regression" => (&["MAE", "MSE", "R2", "RMSE"], "MSE"),
        "BinaryClassification" => (
            &[
                "Accuracy",
                "AUC",
                "BalancedAccuracy",
                "F1",
                "Precision",
                "Recall",
            ],
            "F1",
        ),
        _ => (
            &[
                "Accuracy",
                "BalancedAccuracy",
                "F1macro",
                "PrecisionMacro",
                "RecallMacro",
            ],
            "Accuracy",
        ),
    }
}

/// With no `ProblemType`, Autopilot infers it from the data and picks the objective metric:
/// say what it will most likely infer (an estimate: the rule is not documented) and the
/// metric that implies.
///
/// Source: Guide ("Autopilot gives you the option … of specifying a problem type … or of
/// detecting it on your behalf based on the data you provide"); API,
/// AutoMLJobObjective.MetricName (the default metric of each problem type).
pub fn inferred_problem_type(plan: &Plan, results: &[ChannelResult], out: &mut Vec<Finding>) {
    if plan.problem_type.is_some() {
        return;
    }
    let Some(f) = target_facts(results) else {
        return;
    };
    let column = shown(f.result.plan.target.as_deref().unwrap_or(""));
    let (problem, why) = if f.distinct == 2 && !f.more {
        ("BinaryClassification", "two distinct values".to_string())
    } else if f.text > 0 {
        (
            "MulticlassClassification",
            format!("{}, not all numbers", distinct_text(&f)),
        )
    } else if f.fractional || f.distinct > 20 || f.more {
        ("Regression", format!("numbers, {}", distinct_text(&f)))
    } else {
        (
            "MulticlassClassification",
            format!("whole numbers, {}", distinct_text(&f)),
        )
    };
    let (metrics, default) = metrics_for(problem);
    let metric_note = match plan.metric.as_deref() {
        None => format!("the objective metric would be {default}"),
        Some(m) if metrics.contains(&m) => format!("the objective metric {m} suits it"),
        Some(m) => format!(
            "the objective metric {m} does not suit it (use one of {})",
            metrics.join(", ")
        ),
    };
    out.push(
        warning(
            "problem-type-inferred",
            plan.problem_type_pointer().to_string(),
            format!(
                "ProblemType is not set: Autopilot infers it from the data; the target '{column}' holds {why}, so it will most likely be {problem}, and {metric_note}; set ProblemType (and AutoMLJobObjective) to be sure",
            ),
        )
        .in_channel(f.pos)
        .about(&[&f.result.plan.pointer("TargetAttributeName")]),
    );
}
