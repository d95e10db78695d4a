//! Which values of a select suit the rest of the request: the objective metric depends on
//! the problem type, algorithms on the training mode. The rules decide; this only orders the
//! menu and says why a value is disabled.

use automl_rules::rules;

use super::api::Api;
use super::draft::Draft;
use super::layout;
use super::words::capitalize;

/// What a select's values depend on, and the values that suit it (`None`: all alike).
pub type Suited = Option<(String, Vec<&'static str>, Why)>;

/// Which rule makes some values unsuitable, to say why beside each disabled one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    Metric,
    /// The objective metric of a `CreateAutoMLJobV2` request: the tabular problem types'
    /// metrics, and those of the other problem types.
    MetricV2,
    Algorithm,
}

impl Why {
    /// What a value suits, for a disabled option: "for regression", "ENSEMBLING mode only".
    pub fn of(self, value: &str) -> String {
        let tabular = || {
            TABULAR
                .into_iter()
                .filter(|(p, _)| rules::metrics_for(p).is_some_and(|(m, _)| m.contains(&value)))
                .map(|(_, words)| words)
        };
        // The problem types it suits, and what to say when there is none.
        let (mut suits, none): (Vec<&str>, &str) = match self {
            Why::Metric => (tabular().collect(), "CreateAutoMLJobV2 only"),
            Why::MetricV2 => (
                tabular()
                    .chain(
                        V2_OTHERS
                            .iter()
                            .filter(|(_, _, metrics)| metrics.contains(&value))
                            .map(|(_, words, _)| *words),
                    )
                    .collect(),
                "not offered",
            ),
            Why::Algorithm => {
                let ens = rules::ENSEMBLING_ALGORITHMS.contains(&value);
                let hpo = rules::HPO_ALGORITHMS.contains(&value);
                return match (ens, hpo) {
                    (true, false) => "ENSEMBLING mode only",
                    (false, true) => "HYPERPARAMETER_TUNING mode only",
                    _ => "not offered",
                }
                .to_string();
            }
        };
        suits.dedup();
        match suits.as_slice() {
            [] => none.to_string(),
            [one] => format!("for {one}"),
            [init @ .., last] => format!("for {} or {last}", init.join(", ")),
        }
    }
}

/// What a select's accepted values depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Depends {
    /// The objective metric, on the problem type.
    ProblemType,
    /// An algorithm, on the training mode.
    Mode,
    /// V2's objective metric, on the problem type chosen (and the tabular one's kind).
    ProblemTypeV2,
    /// V2's algorithm, on the tabular training mode.
    ModeV2,
}

/// The V2 problem types other than tabular and the objective metrics that suit them:
/// (union member, in words, metrics). Sources: API reference, AutoMLJobObjective.MetricName
/// (<https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_AutoMLJobObjective.html>):
/// tabular as in V1; time-series forecasting the rules' `TIME_SERIES_OBJECTIVES`; image and
/// text classification Accuracy; text generation none (its guide page: "fine-tuning …
/// does not require setting the AutoMLJobObjective field").
const V2_OTHERS: [(&str, &str, &[&str]); 3] = [
    (
        "TimeSeriesForecastingJobConfig",
        "time-series forecasting",
        &rules::TIME_SERIES_OBJECTIVES,
    ),
    (
        "ImageClassificationJobConfig",
        "image or text classification",
        &["Accuracy"],
    ),
    (
        "TextClassificationJobConfig",
        "image or text classification",
        &["Accuracy"],
    ),
];

/// The tabular problem types, in words.
const TABULAR: [(&str, &str); 3] = [
    ("BinaryClassification", "binary classification"),
    ("MulticlassClassification", "multiclass classification"),
    ("Regression", "regression"),
];

impl Depends {
    /// What the select at `pointer` of a request of `api` depends on, if anything.
    pub fn of(api: Api, pointer: &str) -> Option<Self> {
        if pointer == "/AutoMLJobObjective/MetricName" {
            return Some(match api {
                Api::V1 => Depends::ProblemType,
                Api::V2 => Depends::ProblemTypeV2,
            });
        }
        let algorithms = match api {
            Api::V1 => "/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
            Api::V2 => "/AutoMLProblemTypeConfig/TabularJobConfig/CandidateGenerationConfig/AlgorithmsConfig",
        };
        if layout::is_within(pointer, algorithms) {
            return Some(match api {
                Api::V1 => Depends::Mode,
                Api::V2 => Depends::ModeV2,
            });
        }
        None
    }

    /// What it depends on in `draft`, and the values that suit it (`None`: all alike).
    pub fn suited(self, draft: &Draft) -> Suited {
        match self {
            Depends::ProblemType => {
                let problem = draft.text("/ProblemType");
                rules::metrics_for(&problem)
                    .map(|(metrics, _)| (problem, metrics.to_vec(), Why::Metric))
            }
            Depends::ProblemTypeV2 => {
                let tabular = "/AutoMLProblemTypeConfig/TabularJobConfig";
                if draft.has(tabular) {
                    let problem = draft.text(&format!("{tabular}/ProblemType"));
                    return rules::metrics_for(&problem)
                        .map(|(metrics, _)| (problem, metrics.to_vec(), Why::MetricV2));
                }
                V2_OTHERS.iter().find_map(|(member, words, metrics)| {
                    draft
                        .has(&format!("{}/{member}", layout::PROBLEM_TYPE_CONFIG))
                        .then(|| (words.to_string(), metrics.to_vec(), Why::MetricV2))
                })
            }
            Depends::Mode | Depends::ModeV2 => {
                let mode = draft.text(if self == Depends::Mode {
                    "/AutoMLJobConfig/Mode"
                } else {
                    "/AutoMLProblemTypeConfig/TabularJobConfig/Mode"
                });
                let suited: &[&'static str] = match mode.as_str() {
                    "ENSEMBLING" => &rules::ENSEMBLING_ALGORITHMS,
                    "HYPERPARAMETER_TUNING" => &rules::HPO_ALGORITHMS,
                    _ => return None,
                };
                Some((format!("{mode} mode"), suited.to_vec(), Why::Algorithm))
            }
        }
    }
}

/// With nothing to depend on yet (no problem type): `values` grouped by what they suit
/// ("For regression", ...), single problem types first, then values that suit several,
/// then none; and whether no choice can make a group's values suitable (then they are
/// disabled).
pub fn grouped(values: &[&'static str], why: Why) -> Vec<(String, Vec<&'static str>, bool)> {
    let mut groups: Vec<(String, Vec<&'static str>)> = Vec::new();
    for v in values.iter().copied() {
        let suits = why.of(v);
        match groups.iter_mut().find(|(g, _)| *g == suits) {
            Some((_, members)) => members.push(v),
            None => groups.push((suits, vec![v])),
        }
    }
    // In three passes: a sort would add its code to the page.
    let rank = |g: &str| match (g.starts_with("for "), g.contains(" or ")) {
        (true, false) => 0,
        (true, true) => 1,
        _ => 2,
    };
    let mut out = Vec::new();
    for r in 0..3 {
        for (suits, members) in groups.iter().filter(|(g, _)| rank(g) == r) {
            let never = !suits.starts_with("for ");
            out.push((capitalize(suits), members.clone(), never));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use automl_rules::model::{self, Kind};

    #[test]
    fn metrics_follow_the_problem_type_and_algorithms_the_mode() {
        let metric = Depends::of(Api::V1, "/AutoMLJobObjective/MetricName").unwrap();
        let mut d = Draft::new();
        assert_eq!(metric.suited(&d), None);
        d.set_text("/ProblemType", "Regression");
        let (on, good, why) = metric.suited(&d).unwrap();
        assert_eq!((on.as_str(), why), ("Regression", Why::Metric));
        assert!(good.contains(&"MSE") && !good.contains(&"F1"));
        assert_eq!(Why::Metric.of("MSE"), "for regression");
        let algorithm = Depends::of(
            Api::V1,
            "/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig/0/AutoMLAlgorithms/0",
        );
        assert_eq!(algorithm, Some(Depends::Mode));
        d.set_text("/AutoMLJobConfig/Mode", "ENSEMBLING");
        assert_eq!(algorithm.unwrap().suited(&d).unwrap().0, "ENSEMBLING mode");
        assert_eq!(Depends::of(Api::V1, "/ProblemType"), None);
        // V2: the metric follows the problem type chosen.
        let metric = Depends::of(Api::V2, "/AutoMLJobObjective/MetricName").unwrap();
        let mut d = Draft::new_for(Api::V2);
        assert_eq!(metric.suited(&d), None);
        d.choose_member(
            "/AutoMLProblemTypeConfig",
            "TimeSeriesForecastingJobConfig",
            None,
        );
        let (on, good, _) = metric.suited(&d).unwrap();
        assert_eq!(on, "time-series forecasting");
        assert!(good.contains(&"MASE") && !good.contains(&"F1"));
        assert_eq!(Why::MetricV2.of("MASE"), "for time-series forecasting");
        assert_eq!(
            Why::MetricV2.of("Accuracy"),
            "for binary classification, multiclass classification or image or text classification"
        );
        d.choose_member("/AutoMLProblemTypeConfig", "TabularJobConfig", None);
        assert_eq!(metric.suited(&d), None, "no tabular problem type yet");
        d.set_text(
            "/AutoMLProblemTypeConfig/TabularJobConfig/ProblemType",
            "Regression",
        );
        assert!(metric.suited(&d).unwrap().1.contains(&"RMSE"));
    }

    #[test]
    fn metrics_are_grouped_by_what_they_suit_single_problem_types_first() {
        let shape = model::shape_at("/AutoMLJobObjective/MetricName").unwrap();
        let Kind::String { values, .. } = &shape.kind else {
            panic!("the metric is an enum");
        };
        let groups = grouped(values, Why::Metric);
        assert_eq!(
            groups.iter().map(|g| g.1.len()).sum::<usize>(),
            values.len(),
            "every value once"
        );
        assert!(groups[0].0.starts_with("For ") && !groups[0].0.contains(" or "));
        let ranks: Vec<u8> = groups
            .iter()
            .map(|(g, _, never)| match (*never, g.contains(" or ")) {
                (true, _) => 2,
                (false, true) => 1,
                (false, false) => 0,
            })
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{groups:?}");
        assert!(groups
            .iter()
            .any(|g| g.1.contains(&"MSE") && g.0 == "For regression"));
    }
}
